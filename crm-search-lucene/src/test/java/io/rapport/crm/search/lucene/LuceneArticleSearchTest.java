package io.rapport.crm.search.lucene;

import static io.rapport.crm.search.lucene.RelevanceCases.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.persistence.knowledge.SearchHit;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.rapport.crm.persistence.knowledge.SearchResults;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Lucene index does beyond the contract: its analysis, suggestions and rebuild. */
class LuceneArticleSearchTest {

  final LuceneArticleSearch search = LuceneArticleSearch.create();

  @AfterEach
  void close() {
    search.close();
  }

  Seq<String> ids(String text) {
    return search.search(SearchQuery.of(text)).ids().map(ArticleId::value);
  }

  Seq<String> suggested(String ticket, Option<Locale> locale) {
    return search.suggest(ticket, locale, 3).ids().map(ArticleId::value);
  }

  @Test
  void stemsEnglishWords() {
    search.index(published("sofa", "en", "How to clean a leather sofa",
        "Clean the leather with a damp cloth, then dry it."));
    search.index(published("table", "en", "Tables", "Tables need wax."));
    assertThat(ids("cleaning")).containsExactly("sofa");
    assertThat(ids("cleaned sofas")).containsExactly("sofa");
    assertThat(ids("the customer's tables")).containsExactly("table");
  }

  @Test
  void foldsWidthAndCase() {
    search.index(published("sofa", "en", "Leather sofas", "Wipe with a damp cloth."));
    search.index(published("kana", "ja", "ソファの手入れ", "柔らかい布で拭いてください。"));
    assertThat(ids("ＬＥＡＴＨＥＲ")).containsExactly("sofa");
    assertThat(ids("ｿﾌｧ")).containsExactly("kana");
  }

  @Test
  void searchesMixedChineseAndEnglishText() {
    search.index(published("mixed", "zh-CN", "Sofa 保养 tips",
        "真皮 sofa 每周用 damp cloth 擦拭，红木扶手每季度打蜡。"));
    search.index(published("english", "en", "Waxing tables", "Apply beeswax to rosewood."));
    search.index(published("chinese", "zh-CN", "送货时间", "付款后七天内送货上门。"));
    assertThat(ids("sofa")).containsExactly("mixed");
    assertThat(ids("保养")).containsExactly("mixed");
    assertThat(ids("damp 擦拭")).containsExactly("mixed");
    assertThat(ids("打蜡 beeswax")).containsExactlyInAnyOrder("mixed", "english");
    assertThat(search.search(SearchQuery.of("扶手 sofa")).hits().head().snippet())
        .contains("sofa");
  }

  @Test
  void findsASingleCharacterInsideLongerWords() {
    search.rebuild(RelevanceCases.library());
    assertThat(ids("蜡").head()).isEqualTo("zh-care-wax");
    assertThat(ids("虫").head()).isEqualTo("zh-insects");
  }

  @Test
  void suggestsArticlesForTicketText() {
    search.rebuild(RelevanceCases.library());
    assertThat(suggested("桌面有白色印子\n您好，我上个月买的红木茶几，最近发现桌面上有一圈茶水留下的"
        + "白色印子，请问怎么处理？", Option.none()).head()).isEqualTo("zh-care-stain");
    assertThat(suggested("订单什么时候到\n我三天前已经付款了，想知道具体哪天送货上门，需要提前"
        + "预约安装吗？", Option.of(Locale.CHINA)).take(2))
        .as("the ticket asks two things").containsExactlyInAnyOrder("zh-delivery-time",
            "zh-delivery-install");
    assertThat(suggested("Paying later\nHi, I ordered a dining table. Can I pay part now and "
        + "the rest in instalments?", Option.of(Locale.ENGLISH)).head()).isEqualTo("en-payment");
    assertThat(suggested("Hello there", Option.none())).isEmpty();
  }

  @Test
  void suggestionsHonourTheLocale() {
    search.rebuild(RelevanceCases.library());
    Seq<String> english = suggested("蜂蜡 beeswax 打蜡 wax polish", Option.of(Locale.ENGLISH));
    assertThat(english).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("en-"));
  }

  @Test
  void rebuildReplacesTheWholeIndexWithTheLiveArticles() {
    search.index(published("old", "en", "Old", "Old text about tables."));
    Article live = published("live", "en", "Tables", "All about tables.");
    Article draft = live.revise("Tables, revised", "Revised text about chairs.", Option.none(),
        EventStamp.of(EventId.parse("ev-r"), RelevanceCases.T0.plusSeconds(600),
            RelevanceCases.AUTHOR)).get().state();
    Article retired = published("gone", "en", "Gone", "Tables we no longer sell.")
        .retire(EventStamp.of(EventId.parse("ev-g"), RelevanceCases.T0.plusSeconds(600),
            RelevanceCases.EDITOR)).get().state();
    Article firstDraft = Article.draft(ArticleId.parse("new"), io.rapport.crm.knowledge
            .ArticleDraft.of("en", "faq", "New", "Tables soon."),
        EventStamp.of(EventId.parse("ev-n"), RelevanceCases.T0, RelevanceCases.AUTHOR))
        .get().state();
    search.rebuild(List.of(live, retired, firstDraft, draft));
    assertThat(search.count()).isEqualTo(1);
    assertThat(search.search(SearchQuery.of("tables")).hits()).singleElement()
        .satisfies(hit -> {
          assertThat(hit.id().value()).isEqualTo("live");
          assertThat(hit.version()).isEqualTo(1);
        });
    search.rebuild(RelevanceCases.library());
    assertThat(search.count()).isEqualTo(RelevanceCases.library().size());
  }

  @Test
  void cutsASnippetAroundTheFirstMatch() {
    String filler = "Rosewood furniture is made by hand in our workshop. ".repeat(20);
    search.index(published("long", "en", "Our workshop",
        filler + "Radiators dry the wood and can crack it. " + filler));
    SearchHit hit = search.search(SearchQuery.of("radiator")).hits().head();
    assertThat(hit.snippet()).startsWith("…").endsWith("…").contains("Radiators dry the wood")
        .hasSizeLessThanOrEqualTo(Snippets.LENGTH + 2);
    SearchHit titleOnly = search.search(SearchQuery.of("workshops")).hits().head();
    assertThat(titleOnly.snippet()).startsWith("Rosewood furniture");
  }

  @Test
  void takesLongQueriesWithManyTerms() {
    search.rebuild(RelevanceCases.library());
    StringBuilder text = new StringBuilder("beeswax");
    for (int i = 0; text.length() < SearchQuery.MAX_TEXT - 8; i++) {
      text.append(" w").append(i);
    }
    SearchResults results = search.search(SearchQuery.of(text.toString()));
    assertThat(results.ids().map(ArticleId::value)).containsExactly("en-care-wax");
  }

  @Test
  void indexesAndSearchesFromManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.List<Future<Integer>> work = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        work.add(pool.submit(() -> {
          int found = 0;
          for (int i = 0; i < 40; i++) {
            search.index(published("t" + thread + "-" + i, "en", "Table " + i,
                "A rosewood table, number " + i + " of thread " + thread + "."));
            found += search.search(SearchQuery.of("rosewood")).isEmpty() ? 0 : 1;
          }
          return found;
        }));
      }
      for (Future<Integer> each : work) {
        assertThat(each.get(60, TimeUnit.SECONDS)).as("each search sees its own writes")
            .isEqualTo(40);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(search.count()).isEqualTo(160);
    assertThat(search.search(SearchQuery.of("rosewood").withLimit(100)).totalHits())
        .isEqualTo(160);
  }

  @Test
  void closingTwiceDoesNothing() {
    search.close();
    assertThatCode(search::close).doesNotThrowAnyException();
  }
}
