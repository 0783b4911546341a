package io.rapport.crm.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.knowledge.ArticleDraft;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.knowledge.KnowledgeBase;
import io.rapport.crm.persistence.knowledge.KnowledgeRefusal;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.service.ServiceDesk;
import io.rapport.crm.service.TicketDraft;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The knowledge base keeps the stored articles and the Lucene index together. */
class KnowledgeBaseTest {

  private static final Instant T0 = Instant.parse("2026-05-04T02:00:00Z");
  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static final ArticleId CARE = ArticleId.parse("A-care");

  private final CrmStore store = InMemoryCrmStore.create();
  private final LuceneArticleSearch search = LuceneArticleSearch.create();
  private final KnowledgeBase knowledge = KnowledgeBase.of(store, search);

  @AfterEach
  void close() {
    search.close();
  }

  private static EventStamp by(String actor, int minutes) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()),
        T0.plusSeconds(60L * minutes), ActorId.parse(actor));
  }

  private void publishCareArticle() {
    knowledge.draft(CARE, ArticleDraft.of("zh-CN", "care", "红木家具的日常保养",
        "红木家具要避免阳光直射，用微湿的软布擦拭，抽屉卡住时在滑轨上打一层蜂蜡。")
        .tag("红木", "保养"), by("employee:writer", 0)).get();
    knowledge.update(CARE, by("employee:writer", 1), (a, s) -> a.submitForReview(s)).get();
    knowledge.update(CARE, by("employee:reviewer", 2), (a, s) -> a.publish(s)).get();
  }

  @Test
  void aPublishedArticleIsFoundAndARetiredOneIsNot() {
    knowledge.draft(CARE, ArticleDraft.of("zh-CN", "care", "红木家具的日常保养", "用软布擦拭。"),
        by("employee:writer", 0)).get();
    assertThat(knowledge.search(SearchQuery.of("红木 保养")).hits()).as("a draft").isEmpty();

    knowledge.update(CARE, by("employee:writer", 1), (a, s) -> a.submitForReview(s)).get();
    knowledge.update(CARE, by("employee:reviewer", 2), (a, s) -> a.publish(s)).get();
    assertThat(knowledge.search(SearchQuery.of("红木 保养")).ids()).containsExactly(CARE);

    knowledge.update(CARE, by("employee:reviewer", 3), (a, s) -> a.retire(s)).get();
    assertThat(knowledge.search(SearchQuery.of("红木 保养")).hits()).isEmpty();
  }

  @Test
  void refusalsChangeNeitherTheStoreNorTheIndex() {
    publishCareArticle();

    assertThat(knowledge.update(CARE, by("employee:reviewer", 5), (a, s) -> a.publish(s))
        .getLeft().code()).isEqualTo("article.status.unchanged");
    assertThat(knowledge.update(ArticleId.parse("A-none"), by("employee:x", 5),
        (a, s) -> a.retire(s)).getLeft().code()).isEqualTo("knowledge.article_not_found");
    var invalid = knowledge.draft(ArticleId.parse("A-bad"), ArticleDraft.of("", "Bad Code", " ",
        " "), by("employee:x", 5));
    assertThat(invalid.getLeft().code()).isEqualTo("knowledge.article_invalid");
    assertThat(((KnowledgeRefusal) invalid.getLeft()).violations()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(search.count()).isEqualTo(1);
  }

  @Test
  void aFreshIndexIsRebuiltFromTheStore() {
    publishCareArticle();
    knowledge.draft(ArticleId.parse("A-draft"), ArticleDraft.of("en", "care", "Waxing drawers",
        "Rub beeswax on the runners."), by("employee:writer", 4)).get();

    try (LuceneArticleSearch fresh = LuceneArticleSearch.create()) {
      long read = KnowledgeBase.of(store, fresh).rebuildIndex();

      assertThat(read).isEqualTo(2);
      assertThat(fresh.count()).as("only the published article").isEqualTo(1);
      assertThat(fresh.search(SearchQuery.of("保养")).ids()).containsExactly(CARE);
    }
  }

  @Test
  void theDeskSuggestsArticlesForAStoredTicket() {
    publishCareArticle();
    CustomerId customer = CustomerId.parse("C-1");
    Customer registered = Customer.register(customer, CustomerDraft.person("王芳"),
        CustomerRules.standard("CN"), by("employee:agent", 0)).get().state();
    CustomerRepository.in(store).save(registered, Version.NEW);
    ServiceDesk desk = ServiceDesk.of(store,
        BusinessCalendar.twentyFourSeven(ZoneId.of("Asia/Shanghai")));
    desk.open(TicketId.parse("K-1"), TicketDraft.of("抽屉卡住了", "红木柜子的抽屉拉不动", customer,
        Channel.Kind.CALL), by("employee:agent", 10)).get();

    var suggested = desk.suggestArticles(TicketId.parse("K-1"), search,
        Option.some(Locale.forLanguageTag("zh-CN")), 3).get();

    assertThat(suggested.ids()).containsExactly(CARE);
    assertThat(desk.suggestArticles(TicketId.parse("K-9"), search, Option.none(), 3).getLeft()
        .code()).isEqualTo("service.ticket_not_found");
  }
}
