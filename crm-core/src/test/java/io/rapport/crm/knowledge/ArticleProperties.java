package io.rapport.crm.knowledge;

import static io.rapport.crm.knowledge.ArticleFixtures.AUTHOR;
import static io.rapport.crm.knowledge.ArticleFixtures.REVIEWER;
import static io.rapport.crm.knowledge.ArticleFixtures.aDraft;
import static io.rapport.crm.knowledge.ArticleFixtures.qt;
import static io.rapport.crm.knowledge.ArticleFixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws that hold whatever commands an article receives, in whatever order. */
class ArticleProperties {

  static final List<ActorId> ACTORS = List.of(AUTHOR, REVIEWER,
      ActorId.parse("employee:E-zhao"));
  static final List<String> TITLES = List.of("保养", "Care", " ");
  static final List<String> BODIES = List.of("用软布擦拭。", "Wipe with a soft cloth.");
  static final List<Option<String>> NOTES = List.of(Option.none(), Option.of("修改"),
      Option.of(" "));
  static final List<String> CATEGORIES = List.of("care", "delivery", "Bad Category");
  static final List<List<String>> TAG_SETS = List.of(List.empty(), List.of("红木"),
      List.of("红木", "wax"), List.of(" "));

  /** Each number picks a command, its arguments, its actor and how far the clock moves. */
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60);

  /** Applies the command a number encodes. */
  static Either<ArticleRejection, Transition<Article>> apply(Article article, int code,
      Instant at) {
    int arg = code / 8;
    EventStamp stamp = stamp(at, ACTORS.get(arg % ACTORS.size()));
    switch (code % 8) {
      case 0:
        return article.revise(TITLES.get(arg % TITLES.size()), BODIES.get(arg % BODIES.size()),
            NOTES.get(arg % NOTES.size()), stamp);
      case 1:
        return article.submitForReview(stamp);
      case 2:
        return article.publish(stamp);
      case 3:
        return article.sendBack(arg % 4 == 0 ? " " : "请修改", stamp);
      case 4:
        return article.retire(stamp);
      case 5:
        return article.recategorize(CATEGORIES.get(arg % CATEGORIES.size()), stamp);
      case 6:
        return article.retag(TAG_SETS.get(arg % TAG_SETS.size()), stamp);
      default:
        return article.recordFeedback(arg % 2 == 0, stamp);
    }
  }

  @Test
  void commandsKeepTheInvariantsTheStatusTableAndEarlierVersions() {
    java.util.Set<ArticleStatus> reached = EnumSet.noneOf(ArticleStatus.class);
    qt().forAll(SCRIPTS).checkAssert(script -> {
      Article article = aDraft();
      Instant clock = article.updatedAt();
      for (int code : script) {
        clock = clock.plus(Duration.ofMinutes((code / 96) % 40 - 5));
        Article before = rebuilt(article);
        Either<ArticleRejection, Transition<Article>> result = apply(article, code, clock);
        if (result.isLeft()) {
          ArticleRejection refusal = result.getLeft();
          assertThat(refusal.status()).isEqualTo(article.status());
          assertThat(refusal.allowed()).isEqualTo(article.status().allowedNext());
          assertThat(refusal.lastChangedAt()).isEqualTo(article.updatedAt());
          assertThat(article).as("unchanged on refusal").isEqualTo(before);
          continue;
        }
        Article next = result.get().state();
        reached.add(next.status());
        assertThat(result.get().events()).singleElement()
            .isInstanceOfSatisfying(ArticleEvent.class, event ->
                assertThat(event.articleId()).isEqualTo(before.id()));
        assertThat(rebuilt(next)).as("valid").isEqualTo(next);
        assertThat(next.status() == article.status() || article.status().mayMoveTo(next.status()))
            .as("%s -> %s", article.status(), next.status()).isTrue();
        assertLiveVersionRules(next);
        assertEarlierVersionsUnchanged(article, next);
        assertThat(next.updatedAt()).isAfterOrEqualTo(article.updatedAt());
        assertThat(next.createdAt()).isEqualTo(article.createdAt());
        assertThat(next.feedback().total()).isGreaterThanOrEqualTo(article.feedback().total());
        if (next.feedback().total() > article.feedback().total()) {
          assertThat(article.isLive()).as("votes need a live version").isTrue();
        }
        article = next;
      }
    });
    assertThat(reached).as("the scripts reach every status")
        .hasSize(ArticleStatus.values().length);
  }

  /** Asserts where the live version may be in each status. */
  static void assertLiveVersionRules(Article article) {
    int latest = article.versions().size();
    switch (article.status()) {
      case PUBLISHED:
        assertThat(article.liveVersion()).contains(latest);
        break;
      case RETIRED:
        assertThat(article.liveVersion()).isEmpty();
        break;
      default:
        assertThat(article.liveVersion()).allSatisfy(live -> assertThat(live).isLessThan(latest));
    }
    assertThat(article.live().map(ArticleVersion::number)).isEqualTo(article.liveVersion());
  }

  /**
   * Asserts that a command adds at most one version, never changes a version once a later one
   * exists, and replaces the latest one only while it is an unpublished draft.
   */
  static void assertEarlierVersionsUnchanged(Article before, Article after) {
    int size = before.versions().size();
    assertThat(after.versions().size()).isBetween(size, size + 1);
    assertThat(after.versions().take(size - 1)).isEqualTo(before.versions().take(size - 1));
    if (after.versions().size() > size || after.status() != ArticleStatus.DRAFT) {
      assertThat(after.versions().get(size - 1)).isEqualTo(before.latest());
    }
    if (!after.versions().get(size - 1).equals(before.latest())) {
      assertThat(before.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(before.liveVersion()).doesNotContain(size);
    }
    before.live().forEach(live -> assertThat(after.versions().get(live.number() - 1))
        .as("a live version keeps its text").isEqualTo(live));
  }

  /** Rebuilds an article through its canonical constructor, which checks every invariant. */
  static Article rebuilt(Article article) {
    return new Article(article.id(), article.locale(), article.translationOf(),
        article.category(), article.tags(), article.status(), article.versions(),
        article.liveVersion(), article.feedback(), article.createdAt(), article.createdBy(),
        article.updatedAt());
  }
}
