package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.knowledge.ArticleRepository;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract of knowledge article storage every adapter must keep: the generic repository
 * contract for articles, plus their queries (by status and by category, most recently updated
 * first; translations of an article by language tag) returning exactly the matching articles in
 * the documented order, page by page without loss or repeats, and following every change:
 * published, revised, retired, moved to another category or original. A stale save is refused and
 * leaves the indexes on the saved state. An adapter runs it by implementing {@link #newStore()} in
 * a test class named {@code …Contract…}.
 */
public interface ArticleRepositoryContract extends RepositoryContract<ArticleId, Article> {

  /** The creation time of article 0; article n is created n hours later. */
  Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  /** The locales articles are written in, by {@code (n / 2) % 4}. */
  List<Locale> LOCALES = List.of("de", "en-US", "ja-JP", "zh-CN").map(Locale::forLanguageTag);
  /** The categories of articles, by {@code n % 3}. */
  List<String> CATEGORIES = List.of("care", "delivery", "returns");

  @Override
  default Repository<ArticleId, Article> repositoryOf(CrmStore store) {
    return ArticleRepository.in(store);
  }

  /**
   * Returns article {@code A-00000n}: in locale {@code LOCALES[(n / 2) % 4]}, translating
   * {@code A-original-(n % 2)} when {@code n % 3 == 1}, in category {@code CATEGORIES[n % 3]},
   * DRAFT, IN_REVIEW, PUBLISHED or RETIRED by {@code n % 4}, created (and last updated) {@code n}
   * hours after {@link #T0}.
   */
  @Override
  default Article anAggregate(int n) {
    return KnowledgeRecords.article(String.format("A-%06d", n), LOCALES.get((n / 2) % 4),
        n % 3 == 1 ? Option.of("A-original-" + (n % 2)) : Option.none(), CATEGORIES.get(n % 3),
        ArticleStatus.values()[n % 4], T0.plus(Duration.ofHours(n)));
  }

  @Override
  default Article changed(Article article) {
    return KnowledgeRecords.voted(article, article.updatedAt().plusSeconds(1));
  }

  /** Saves articles 1 to n, newest first, and returns them in id order. */
  private List<Article> saveUpTo(ArticleRepository repository, int n) {
    for (int i = n; i >= 1; i--) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  private static void resave(ArticleRepository repository, Article changed) {
    Version read = repository.find(changed.id()).get().version();
    assertThat(repository.save(changed, read).isRight()).as("saved").isTrue();
  }

  private Article stored(ArticleRepository repository, int n) {
    return repository.find(anAggregate(n).id()).get().value();
  }

  private static Instant later(int hours) {
    return T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(hours));
  }

  private static Comparator<Article> newestUpdatedFirst() {
    return Comparator.comparing(Article::updatedAt).reversed()
        .thenComparing(a -> a.id().value());
  }

  private static List<String> ids(List<Article> articles) {
    return articles.map(a -> a.id().value());
  }

  @Test
  default void listsTheArticlesOfEachStatusMostRecentlyUpdatedFirstPageByPage() {
    try (CrmStore store = newStore()) {
      ArticleRepository articles = ArticleRepository.in(store);
      List<Article> saved = saveUpTo(articles, 24);
      for (ArticleStatus status : ArticleStatus.values()) {
        assertThat(idsOfAllPages(after -> articles.inStatus(status, after, 2), 2,
            (Article a) -> a.id().value())).as("%s", status).containsExactlyElementsOf(
                ids(saved.filter(a -> a.status() == status).sorted(newestUpdatedFirst())))
            .hasSize(6);
      }
    }
  }

  @Test
  default void publishingRevisingAndRetiringMoveArticlesBetweenStatuses() {
    try (CrmStore store = newStore()) {
      ArticleRepository articles = ArticleRepository.in(store);
      saveUpTo(articles, 12);
      resave(articles, KnowledgeRecords.published(stored(articles, 4), later(1)));
      resave(articles, KnowledgeRecords.revised(stored(articles, 6), later(2)));
      resave(articles, KnowledgeRecords.retired(stored(articles, 2), later(3)));
      resave(articles, KnowledgeRecords.published(stored(articles, 5), later(4)));
      assertThat(idsOfAllPages(after -> articles.inStatus(ArticleStatus.PUBLISHED, after, 1), 1,
          (Article a) -> a.id().value()))
          .containsExactly("A-000005", "A-000004", "A-000010");
      assertThat(articles.inStatus(ArticleStatus.DRAFT, Option.none(), 10).items()
          .map(v -> v.value().id().value())).containsExactly("A-000006", "A-000012", "A-000008");
      assertThat(articles.inStatus(ArticleStatus.RETIRED, Option.none(), 10).items()
          .map(v -> v.value().id().value())).containsExactly("A-000002", "A-000011", "A-000007",
              "A-000003");
      assertThat(articles.inStatus(ArticleStatus.IN_REVIEW, Option.none(), 10).items()
          .map(v -> v.value().id().value())).containsExactly("A-000009", "A-000001");
      Article revising = stored(articles, 6);
      assertThat(revising.liveVersion()).contains(1);
      assertThat(revising.versions()).hasSize(2);
    }
  }

  @Test
  default void listsACategoryMostRecentlyUpdatedFirstAndFollowsMoves() {
    try (CrmStore store = newStore()) {
      ArticleRepository articles = ArticleRepository.in(store);
      saveUpTo(articles, 15);
      assertThat(idsOfAllPages(after -> articles.inCategory("care", after, 2), 2,
          (Article a) -> a.id().value()))
          .containsExactly("A-000015", "A-000012", "A-000009", "A-000006", "A-000003");
      resave(articles, KnowledgeRecords.voted(stored(articles, 3), later(1)));
      resave(articles, KnowledgeRecords.moved(stored(articles, 12), "returns", Option.none(),
          later(2)));
      assertThat(articles.inCategory("care", Option.none(), 10).items()
          .map(v -> v.value().id().value()))
          .containsExactly("A-000003", "A-000015", "A-000009", "A-000006");
      assertThat(articles.inCategory("returns", Option.none(), 10).items()
          .map(v -> v.value().id().value()).head()).isEqualTo("A-000012");
      assertThat(articles.inCategory("warranty", Option.none(), 10).items()).isEmpty();
      assertThat(articles.inCategory("", Option.none(), 10).items()).isEmpty();
    }
  }

  @Test
  default void listsTranslationsByLanguageTagPageByPage() {
    try (CrmStore store = newStore()) {
      ArticleRepository articles = ArticleRepository.in(store);
      saveUpTo(articles, 30);
      assertThat(idsOfAllPages(after -> articles.translationsOf(ArticleId.parse("A-original-1"),
          after, 2), 2, (Article a) -> a.id().value()))
          .containsExactly("A-000001", "A-000025", "A-000019", "A-000013", "A-000007");
      assertThat(articles.translationsOf(ArticleId.parse("A-original-0"), Option.none(), 10)
          .items().map(v -> v.value().locale().toLanguageTag()))
          .containsExactly("de", "en-US", "ja-JP", "ja-JP", "zh-CN");
      resave(articles, KnowledgeRecords.moved(stored(articles, 7), "care", Option.none(),
          later(1)));
      resave(articles, KnowledgeRecords.moved(stored(articles, 2), "care",
          Option.of("A-original-1"), later(1)));
      assertThat(articles.translationsOf(ArticleId.parse("A-original-1"), Option.none(), 10)
          .items().map(v -> v.value().id().value()))
          .containsExactly("A-000001", "A-000025", "A-000002", "A-000019", "A-000013");
      assertThat(articles.translationsOf(ArticleId.parse("A-000001"), Option.none(), 10)
          .items()).isEmpty();
    }
  }

  @Test
  default void aStaleSaveIsRefusedAndTheIndexesKeepTheSavedState() {
    try (CrmStore store = newStore()) {
      ArticleRepository articles = ArticleRepository.in(store);
      Article read = anAggregate(4);
      articles.save(read, Version.NEW);
      assertThat(articles.save(KnowledgeRecords.published(read, later(1)), Version.of(1)))
          .isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale = articles.save(KnowledgeRecords.moved(read,
          "returns", Option.of("A-original-9"), later(2)), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(articles.inStatus(ArticleStatus.DRAFT, Option.none(), 10).items()).isEmpty();
      assertThat(articles.inStatus(ArticleStatus.PUBLISHED, Option.none(), 10).items()
          .map(v -> v.value().id().value())).containsExactly("A-000004");
      assertThat(articles.inCategory("returns", Option.none(), 10).items()).isEmpty();
      assertThat(articles.translationsOf(ArticleId.parse("A-original-9"), Option.none(), 10)
          .items()).isEmpty();
    }
  }
}
