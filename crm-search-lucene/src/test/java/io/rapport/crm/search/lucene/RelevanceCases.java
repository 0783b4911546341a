package io.rapport.crm.search.lucene;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleDraft;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * A small knowledge base of a rosewood furniture brand, in Chinese and English, and the queries
 * agents and customers type with the article that answers each: the cases the analysis was
 * chosen on. The queries were written as people phrase them, not from the articles' wording.
 */
final class RelevanceCases {

  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  static final ActorId AUTHOR = ActorId.parse("employee:E-li");
  static final ActorId EDITOR = ActorId.parse("employee:E-wang");

  private RelevanceCases() {}

  /** Returns the Chinese articles: id, title, body. */
  static List<String[]> chineseArticles() {
    return List.of(
        new String[] {"zh-care-daily", "红木家具的日常保养",
            "红木家具日常用柔软的干棉布顺着木纹擦拭灰尘，不要用湿抹布，也不要用化学清洁剂。"
                + "摆放时避免阳光直射，远离暖气片和空调出风口。"},
        new String[] {"zh-care-wax", "红木家具打蜡指南",
            "建议每个季度为红木家具上一次蜂蜡。先把表面擦干净，用软布蘸少量蜂蜡均匀涂抹，"
                + "等十五分钟后再用干布抛光。不要使用含硅的喷雾蜡。"},
        new String[] {"zh-care-crack", "红木家具开裂的原因与处理",
            "木材会随空气湿度热胀冷缩。北方冬季供暖时室内干燥，容易出现细小裂缝。"
                + "室内湿度保持在百分之四十到六十，必要时使用加湿器。已经出现的裂缝请联系门店安排师傅修补。"},
        new String[] {"zh-care-stain", "桌面污渍的清除",
            "茶水、咖啡留下的水印可以用微湿的软布轻擦后立即擦干。油渍可用少量牙膏轻轻擦拭。"
                + "切勿用钢丝球或砂纸打磨。"},
        new String[] {"zh-delivery-time", "送货时间说明",
            "现货商品在付款后七天内送货上门，定制商品以合同约定的交期为准。"
                + "发货前客服会电话与您确认送货日期和时间段。"},
        new String[] {"zh-delivery-install", "上门安装服务",
            "所有家具均由专业师傅免费上门安装，并带走包装材料。安装完成后请当面验收。"},
        new String[] {"zh-delivery-damage", "运输损坏的处理",
            "签收时请当着送货师傅的面检查家具外观。如发现磕碰、划痕或破损，请拍照并拒绝签收，"
                + "我们会在三个工作日内为您补发或维修。"},
        new String[] {"zh-payment-full", "全款预付说明",
            "本店所有订单均需在发货前支付全部货款，不提供分期付款，也不接受货到付款。"},
        new String[] {"zh-payment-invoice", "发票开具",
            "付款完成后可申请开具增值税普通发票或专用发票。请提供发票抬头和纳税人识别号，"
                + "发票将在十个工作日内寄出。"},
        new String[] {"zh-payment-transfer", "银行转账付款方式",
            "支持对公银行转账。转账时请在备注中填写订单号，到账后财务会短信通知您。"},
        new String[] {"zh-price-weight", "按斤计价的说明",
            "红木家具按重量计价，价格以每斤单价乘以成品净重计算，不打折。称重在门店当面进行。"},
        new String[] {"zh-warranty", "质保政策",
            "家具结构质保十年，表面油漆质保两年。人为损坏不在质保范围内。"},
        new String[] {"zh-return", "退换货政策",
            "现货商品签收七天内，未使用且不影响二次销售的可以退换。定制商品不支持退货。"},
        new String[] {"zh-custom", "定制家具流程",
            "定制流程：预约设计师上门量尺寸，选择木料和款式，确认设计图和报价，"
                + "签订合同并付款，生产周期约六十天。"},
        new String[] {"zh-wood-types", "常见红木品种介绍",
            "国标红木包括紫檀木类、花梨木类、酸枝木类等。海南黄花梨和小叶紫檀最为名贵，"
                + "大红酸枝纹理清晰、性价比高。"},
        new String[] {"zh-wood-authenticity", "如何辨别真假红木",
            "正规红木家具附有木材鉴定证书。真红木密度高、入水下沉，切面有天然香味。"
                + "购买时可要求查看检测报告。"},
        new String[] {"zh-membership", "会员等级与积分",
            "每消费一元积一分。积分可兑换保养套装或抵扣下次消费。会员分为银卡、金卡和钻石卡三个等级。"},
        new String[] {"zh-store-visit", "门店预约参观",
            "门店营业时间为每天上午九点到晚上九点。建议提前预约，导购会为您讲解木材和工艺。"
                + "门店地址请查看官网。"},
        new String[] {"zh-smell", "新家具的气味",
            "红木本身带有天然木香，属于正常现象。新家具到家后保持通风一到两周，气味会逐渐变淡。"},
        new String[] {"zh-insects", "防虫防蛀",
            "红木本身不易生虫，但柜子里可以放置樟木块防蛀。发现虫眼或木屑请及时联系售后处理。"});
  }

  /** Returns the Chinese queries, each with the id of the article that answers it. */
  static List<Tuple2<String, String>> chineseQueries() {
    return List.of(
        Tuple.of("红木家具保养", "zh-care-daily"),
        Tuple.of("家具怎么打蜡", "zh-care-wax"),
        Tuple.of("蜡", "zh-care-wax"),
        Tuple.of("桌子开裂了", "zh-care-crack"),
        Tuple.of("我买的椅子腿裂开了怎么修", "zh-care-crack"),
        Tuple.of("湿度", "zh-care-crack"),
        Tuple.of("茶水印怎么去掉", "zh-care-stain"),
        Tuple.of("什么时候送货", "zh-delivery-time"),
        Tuple.of("交期多久", "zh-delivery-time"),
        Tuple.of("安装收费吗", "zh-delivery-install"),
        Tuple.of("运输中磕坏了", "zh-delivery-damage"),
        Tuple.of("可以分期付款吗", "zh-payment-full"),
        Tuple.of("货到付款", "zh-payment-full"),
        Tuple.of("开发票", "zh-payment-invoice"),
        Tuple.of("纳税人识别号", "zh-payment-invoice"),
        Tuple.of("转账备注", "zh-payment-transfer"),
        Tuple.of("价格怎么算", "zh-price-weight"),
        Tuple.of("按重量卖", "zh-price-weight"),
        Tuple.of("质保几年", "zh-warranty"),
        Tuple.of("能退货吗", "zh-return"),
        Tuple.of("定制一张书桌要多久", "zh-custom"),
        Tuple.of("黄花梨", "zh-wood-types"),
        Tuple.of("酸枝", "zh-wood-types"),
        Tuple.of("怎么辨别真假红木", "zh-wood-authenticity"),
        Tuple.of("鉴定证书", "zh-wood-authenticity"),
        Tuple.of("积分兑换", "zh-membership"),
        Tuple.of("门店几点开门", "zh-store-visit"),
        Tuple.of("新买的家具有味道", "zh-smell"),
        Tuple.of("柜子里有虫", "zh-insects"),
        Tuple.of("虫蛀", "zh-insects"));
  }

  /** Returns the English articles: id, title, body. */
  static List<String[]> englishArticles() {
    return List.of(
        new String[] {"en-care-daily", "Daily care of rosewood furniture",
            "Dust rosewood furniture with a soft dry cotton cloth, following the grain. Never use "
                + "wet rags or chemical cleaners. Keep it out of direct sunlight and away from "
                + "radiators."},
        new String[] {"en-care-wax", "Waxing your furniture",
            "Apply beeswax once a season: clean the surface, rub a little wax in with a soft "
                + "cloth, wait fifteen minutes and polish it off. Avoid silicone sprays."},
        new String[] {"en-delivery", "Delivery times",
            "Items in stock are delivered within seven days of payment; made-to-order pieces on "
                + "the date in your contract. We call to confirm the delivery slot."},
        new String[] {"en-payment", "Paying for an order",
            "Every order is paid in full before it ships. We offer no instalments and no cash on "
                + "delivery. Bank transfers should quote the order number."},
        new String[] {"en-warranty", "Warranty",
            "Frames are guaranteed for ten years and finishes for two. Damage caused by misuse "
                + "is not covered."});
  }

  /** Returns the English queries, each with the id of the article that answers it. */
  static List<Tuple2<String, String>> englishQueries() {
    return List.of(
        Tuple.of("cleaning rosewood", "en-care-daily"),
        Tuple.of("how do I wax a table", "en-care-wax"),
        Tuple.of("when will my sofa be delivered", "en-delivery"),
        Tuple.of("can I pay in instalments", "en-payment"),
        Tuple.of("guarantee", "en-warranty"),
        Tuple.of("warranties", "en-warranty"));
  }

  /** Returns an article published in a locale, with version 1 live. */
  static Article published(String id, String locale, String title, String body) {
    Article draft = Article.draft(ArticleId.parse(id), ArticleDraft.of(locale, "faq", title, body),
        EventStamp.of(EventId.parse("ev-" + id + "-1"), T0, AUTHOR)).get().state();
    Article review = draft.submitForReview(
        EventStamp.of(EventId.parse("ev-" + id + "-2"), T0.plusSeconds(60), AUTHOR)).get()
        .state();
    return review.publish(
        EventStamp.of(EventId.parse("ev-" + id + "-3"), T0.plusSeconds(120), EDITOR)).get()
        .state();
  }

  /** Returns every article of the cases, published. */
  static List<Article> library() {
    return chineseArticles().map(a -> published(a[0], "zh-CN", a[1], a[2]))
        .appendAll(englishArticles().map(a -> published(a[0], "en", a[1], a[2])));
  }
}
