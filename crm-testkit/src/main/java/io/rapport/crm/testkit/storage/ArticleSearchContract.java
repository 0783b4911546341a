package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleDraft;
import io.rapport.crm.knowledge.ArticleRejection;
import io.rapport.crm.persistence.knowledge.ArticleSearch;
import io.rapport.crm.persistence.knowledge.ArticleSearchException;
import io.rapport.crm.persistence.knowledge.SearchHit;
import io.rapport.crm.persistence.knowledge.SearchQuery;
import io.rapport.crm.persistence.knowledge.SearchResults;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ArticleSearch} keeps, whatever engine it runs on: only live versions
 * are found (never a first draft, a revision in progress or a retired article), indexing again
 * replaces, removing removes, the locale, category and tag filters keep exactly the matching
 * articles, a title match outranks a body-only match of the same term, Chinese queries find
 * Chinese articles and English queries English ones, the limit is respected while the total
 * counts every match, suggestions for a ticket put the article that answers it first, bad
 * queries are refused with their codes and a closed index fails with its typed exception.
 *
 * <p>An implementation runs it by extending it in a test class named {@code …Contract…} and
 * returning a new, empty index from {@link #newSearch()}; the contract closes it after each test.
 */
public abstract class ArticleSearchContract {

  /** When the articles of the contract are drafted. */
  protected static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  /** Who writes the articles of the contract. */
  protected static final ActorId AUTHOR = ActorId.parse("employee:E-author");

  /** Who reviews and publishes them. */
  protected static final ActorId EDITOR = ActorId.parse("employee:E-editor");

  private static final AtomicLong EVENTS = new AtomicLong();

  /** The index under test, new for each test. */
  protected ArticleSearch search;

  /**
   * Returns a new, empty index of the implementation under test.
   *
   * @return the index
   */
  protected abstract ArticleSearch newSearch();

  /** Opens the index under test. */
  @BeforeEach
  void openSearch() {
    search = newSearch();
  }

  /** Closes the index under test. */
  @AfterEach
  void closeSearch() {
    search.close();
  }

  /**
   * Returns an article drafted, submitted by {@link #AUTHOR} and published by {@link #EDITOR}
   * on {@link #T0}: its version 1 is live.
   *
   * @param id the article's id
   * @param locale its language tag, such as {@code zh-CN}
   * @param category its category
   * @param title its title
   * @param body its body
   * @param tags its tags
   * @return the published article
   */
  protected static Article published(String id, String locale, String category, String title,
      String body, String... tags) {
    return publish(submit(drafted(id, locale, category, title, body, tags)));
  }

  /**
   * Returns an article as first drafted by {@link #AUTHOR} on {@link #T0}: nothing is live.
   *
   * @param id the article's id
   * @param locale its language tag, such as {@code zh-CN}
   * @param category its category
   * @param title its title
   * @param body its body
   * @param tags its tags
   * @return the drafted article
   */
  protected static Article drafted(String id, String locale, String category, String title,
      String body, String... tags) {
    return Article.draft(ArticleId.parse(id),
        ArticleDraft.of(locale, category, title, body).tag(tags), stamp(T0, AUTHOR))
        .fold(problems -> {
          throw new AssertionError("a valid draft, but " + problems);
        }, Transition::state);
  }

  /**
   * Returns an article revised by {@link #AUTHOR} a minute after its last change.
   *
   * @param article the article
   * @param title the new title
   * @param body the new body
   * @return the revised article
   */
  protected static Article revised(Article article, String title, String body) {
    return accepted(article.revise(title, body, Option.none(), next(article, AUTHOR)));
  }

  /**
   * Returns an article submitted for review by {@link #AUTHOR} a minute after its last change.
   *
   * @param article the article
   * @return the article in review
   */
  protected static Article submit(Article article) {
    return accepted(article.submitForReview(next(article, AUTHOR)));
  }

  /**
   * Returns an article published by {@link #EDITOR} a minute after its last change.
   *
   * @param article the article in review
   * @return the published article
   */
  protected static Article publish(Article article) {
    return accepted(article.publish(next(article, EDITOR)));
  }

  /**
   * Returns an article retired by {@link #EDITOR} a minute after its last change.
   *
   * @param article the article
   * @return the retired article
   */
  protected static Article retire(Article article) {
    return accepted(article.retire(next(article, EDITOR)));
  }

  private static EventStamp next(Article article, ActorId by) {
    return stamp(article.updatedAt().plus(Duration.ofMinutes(1)), by);
  }

  private static EventStamp stamp(Instant at, ActorId by) {
    return EventStamp.of(EventId.parse("kb-ev-" + EVENTS.incrementAndGet()), at, by);
  }

  private static Article accepted(Either<ArticleRejection, Transition<Article>> result) {
    return result.getOrElseThrow(refusal -> new AssertionError("accepted, but " + refusal))
        .state();
  }

  /** The English article on caring for rosewood furniture. */
  protected static Article englishCare() {
    return published("KB-care-en", "en", "care", "How to care for rosewood furniture",
        "Wipe rosewood furniture with a soft dry cloth along the grain. Keep it out of direct "
            + "sunlight and away from radiators, and wax it once a season.",
        "rosewood", "cleaning");
  }

  /** The Chinese article on caring for rosewood furniture. */
  protected static Article chineseCare() {
    return published("KB-care-zh", "zh-CN", "care", "红木家具的日常保养",
        "红木家具要用柔软的干布顺着木纹擦拭，避免阳光直射和暖气烘烤。每个季度打一次蜡，"
            + "室内湿度保持在百分之四十到六十之间，以免开裂。",
        "红木", "保养", "rosewood");
  }

  /** The English article on delivery and installation. */
  protected static Article englishDelivery() {
    return published("KB-delivery-en", "en", "delivery", "Delivery and installation",
        "We deliver your furniture within seven days of payment. Our team carries it in, "
            + "installs it and takes the packaging away.",
        "delivery");
  }

  /** The Chinese article on delivery and installation. */
  protected static Article chineseDelivery() {
    return published("KB-delivery-zh", "zh-CN", "delivery", "送货与安装",
        "付款后七天内送货上门，师傅负责搬运、安装家具并带走包装。", "送货");
  }

  /** The English article on paying for an order. */
  protected static Article englishPayment() {
    return published("KB-payment-en", "en", "payment", "Paying for your furniture",
        "Every order is paid in full before delivery, by bank transfer or card.", "payment");
  }

  /** Indexes the five articles above. */
  protected void indexTheLibrary() {
    for (Article article : List.of(englishCare(), chineseCare(), englishDelivery(),
        chineseDelivery(), englishPayment())) {
      search.index(article);
    }
  }

  private static Seq<String> ids(SearchResults results) {
    return results.ids().map(ArticleId::value);
  }

  private SearchResults find(String text) {
    return search.search(SearchQuery.of(text));
  }

  @Test
  void findsThePublishedLiveVersion() {
    search.index(englishCare());
    SearchResults results = find("rosewood");
    assertThat(results.hits()).singleElement().satisfies(hit -> {
      assertThat(hit.id()).isEqualTo(ArticleId.parse("KB-care-en"));
      assertThat(hit.version()).isEqualTo(1);
      assertThat(hit.title()).isEqualTo("How to care for rosewood furniture");
      assertThat(hit.score()).isPositive();
      assertThat(hit.snippet()).containsIgnoringCase("rosewood").hasSizeLessThanOrEqualTo(220);
    });
    assertThat(results.totalHits()).isEqualTo(1);
    assertThat(search.count()).isEqualTo(1);
  }

  @Test
  void neverFindsAFirstDraftOrARetiredArticle() {
    Article draft = drafted("KB-draft", "en", "care", "Polishing rosewood",
        "Polish rosewood with beeswax.");
    search.index(draft);
    assertThat(find("rosewood").isEmpty()).isTrue();
    search.index(submit(draft));
    assertThat(find("rosewood").isEmpty()).as("in review").isTrue();
    Article live = englishCare();
    search.index(live);
    assertThat(ids(find("rosewood"))).containsExactly("KB-care-en");
    search.index(retire(live));
    assertThat(find("rosewood").isEmpty()).as("retired").isTrue();
    assertThat(search.count()).isZero();
  }

  @Test
  void findsTheLiveVersionWhileARevisionIsDrafted() {
    Article revision = revised(englishCare(), "Caring for teak furniture",
        "Oil teak furniture twice a year.");
    search.index(revision);
    assertThat(find("teak").isEmpty()).as("the draft's text").isTrue();
    assertThat(find("sunlight").hits()).singleElement().satisfies(hit -> {
      assertThat(hit.version()).isEqualTo(1);
      assertThat(hit.title()).isEqualTo("How to care for rosewood furniture");
    });
    search.index(submit(revision));
    assertThat(find("sunlight").ids()).hasSize(1);
  }

  @Test
  void indexingAgainReplaces() {
    Article first = englishCare();
    search.index(first);
    Article second = publish(submit(revised(first, "Caring for teak furniture",
        "Oil teak furniture twice a year.")));
    search.index(second);
    assertThat(find("sunlight").isEmpty()).isTrue();
    assertThat(find("teak").hits()).singleElement().satisfies(hit -> {
      assertThat(hit.id()).isEqualTo(first.id());
      assertThat(hit.version()).isEqualTo(2);
      assertThat(hit.title()).isEqualTo("Caring for teak furniture");
    });
    search.index(second);
    assertThat(search.count()).isEqualTo(1);
  }

  @Test
  void removesAnArticle() {
    indexTheLibrary();
    search.remove(ArticleId.parse("KB-care-en"));
    search.remove(ArticleId.parse("KB-unknown"));
    assertThat(ids(find("rosewood"))).containsExactly("KB-care-zh");
    assertThat(search.count()).isEqualTo(4);
  }

  @Test
  void aLocaleKeepsItsLanguageOnly() {
    indexTheLibrary();
    assertThat(ids(find("rosewood"))).containsExactlyInAnyOrder("KB-care-en", "KB-care-zh");
    assertThat(ids(search.search(SearchQuery.of("rosewood").inLocale(Locale.ENGLISH))))
        .containsExactly("KB-care-en");
    assertThat(ids(search.search(SearchQuery.of("rosewood")
        .inLocale(Locale.forLanguageTag("zh-TW"))))).containsExactly("KB-care-zh");
    assertThat(search.search(SearchQuery.of("rosewood").inLocale(Locale.JAPANESE)).isEmpty())
        .isTrue();
  }

  @Test
  void categoriesAndTagsFilter() {
    indexTheLibrary();
    assertThat(ids(find("furniture"))).containsExactlyInAnyOrder("KB-care-en",
        "KB-delivery-en", "KB-payment-en");
    assertThat(ids(search.search(SearchQuery.of("furniture").inCategories("care", "payment"))))
        .containsExactlyInAnyOrder("KB-care-en", "KB-payment-en");
    assertThat(ids(search.search(SearchQuery.of("furniture").withTags("Rosewood"))))
        .containsExactly("KB-care-en");
    assertThat(ids(search.search(SearchQuery.of("furniture").withTags("rosewood", "payment"))))
        .isEmpty();
    assertThat(ids(search.search(SearchQuery.of("家具").withTags("红木"))))
        .containsExactly("KB-care-zh");
  }

  @Test
  void aTitleMatchOutranksABodyOnlyMatch() {
    search.index(published("KB-sofa-body", "en", "care", "Sofas",
        "Wipe the leather sofa with a damp cloth once a week."));
    search.index(published("KB-sofa-title", "en", "care", "Leather sofas",
        "Wipe the sofa with a damp cloth once a week."));
    SearchResults results = find("leather");
    assertThat(ids(results)).containsExactly("KB-sofa-title", "KB-sofa-body");
    assertThat(results.hits().get(0).score()).isGreaterThan(results.hits().get(1).score());
  }

  @Test
  void chineseQueriesFindChineseArticlesAndEnglishQueriesEnglishOnes() {
    indexTheLibrary();
    assertThat(ids(find("红木 家具 保养")).head()).isEqualTo("KB-care-zh");
    assertThat(ids(find("红木家具怎么保养")).head()).isEqualTo("KB-care-zh");
    assertThat(ids(find("送货 安装")).head()).isEqualTo("KB-delivery-zh");
    assertThat(ids(find("rosewood furniture care")).head()).isEqualTo("KB-care-en");
    assertThat(ids(find("delivery and installation")).head()).isEqualTo("KB-delivery-en");
    SearchHit hit = find("暖气").hits().head();
    assertThat(hit.id().value()).isEqualTo("KB-care-zh");
    assertThat(hit.snippet()).contains("暖气");
  }

  @Test
  void respectsTheLimitAndCountsEveryMatch() {
    indexTheLibrary();
    SearchResults two = search.search(SearchQuery.of("furniture 家具").withLimit(2));
    assertThat(two.hits()).hasSize(2);
    assertThat(two.totalHits()).isEqualTo(5);
    assertThat(two.exactTotal()).isTrue();
    SearchResults all = search.search(SearchQuery.of("furniture 家具").withLimit(100));
    assertThat(all.hits()).hasSize(5);
    assertThat(all.hits().map(SearchHit::score).toJavaList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(all.hits().take(2).map(SearchHit::id)).isEqualTo(two.hits().map(SearchHit::id));
  }

  @Test
  void aQueryWithoutSearchableTermsFindsNothing() {
    indexTheLibrary();
    assertThat(find("the of and").isEmpty()).isTrue();
    assertThat(find("?!").totalHits()).isZero();
  }

  @Test
  void suggestsTheArticleThatAnswersATicket() {
    indexTheLibrary();
    assertThat(ids(search.suggest("红木椅子需要保养\n我家的红木椅子放在暖气旁边，最近好像有点开裂，"
        + "请问平时应该怎么保养？", Option.none(), 3)).head()).isEqualTo("KB-care-zh");
    assertThat(ids(search.suggest("Late delivery\nMy furniture was paid a week ago. When will "
        + "your team deliver and install it?", Option.of(Locale.ENGLISH), 3)).head())
        .isEqualTo("KB-delivery-en");
    assertThat(search.suggest("   ", Option.none(), 3).isEmpty()).isTrue();
    assertThat(search.suggest("furniture 家具", Option.none(), 2).hits()).hasSize(2);
  }

  @Test
  void refusesBadQueriesWithTheirCodes() {
    assertThat(SearchQuery.validated("  ", Option.none(), List.empty(), List.empty(), 10)
        .getError().map(Violation::code)).containsExactly("search.text.blank");
    assertThat(SearchQuery.validated("x".repeat(1001), Option.of(Locale.ROOT),
        List.of("Care"), List.of(" "), 0).getError().map(Violation::code))
        .containsExactly("search.text.too_long", "search.locale.no_language",
            "search.category.malformed", "search.tag.blank", "search.limit.out_of_range");
    assertThat(SearchQuery.validated(" rosewood ", Option.none(), List.of(" care "),
        List.of("红木"), 100).get()).isEqualTo(SearchQuery.of("rosewood").inCategories("care")
        .withTags("红木").withLimit(100));
    assertThatThrownBy(() -> SearchQuery.of("rosewood").withLimit(101))
        .isInstanceOfSatisfying(InvalidValueException.class, invalid ->
            assertThat(invalid.violations().map(Violation::code))
                .containsExactly("search.limit.out_of_range"));
    assertThatThrownBy(() -> search.suggest("rosewood", Option.none(), 0))
        .isInstanceOfSatisfying(InvalidValueException.class, invalid ->
            assertThat(invalid.violations().map(Violation::code))
                .containsExactly("search.limit.out_of_range"));
  }

  @Test
  void aClosedIndexFailsWithItsTypedException() {
    search.index(englishCare());
    search.close();
    assertThatThrownBy(() -> find("rosewood")).isInstanceOf(ArticleSearchException.class);
    assertThatThrownBy(() -> search.index(englishCare()))
        .isInstanceOf(ArticleSearchException.class);
    assertThatThrownBy(() -> search.count()).isInstanceOf(ArticleSearchException.class);
  }
}
