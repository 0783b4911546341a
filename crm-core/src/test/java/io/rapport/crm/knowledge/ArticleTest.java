package io.rapport.crm.knowledge;

import static io.rapport.crm.knowledge.ArticleFixtures.ARTICLE_ID;
import static io.rapport.crm.knowledge.ArticleFixtures.AUTHOR;
import static io.rapport.crm.knowledge.ArticleFixtures.BODY;
import static io.rapport.crm.knowledge.ArticleFixtures.REVIEWER;
import static io.rapport.crm.knowledge.ArticleFixtures.T0;
import static io.rapport.crm.knowledge.ArticleFixtures.TITLE;
import static io.rapport.crm.knowledge.ArticleFixtures.aCareArticle;
import static io.rapport.crm.knowledge.ArticleFixtures.aDraft;
import static io.rapport.crm.knowledge.ArticleFixtures.accepted;
import static io.rapport.crm.knowledge.ArticleFixtures.byAuthor;
import static io.rapport.crm.knowledge.ArticleFixtures.byReviewer;
import static io.rapport.crm.knowledge.ArticleFixtures.inReview;
import static io.rapport.crm.knowledge.ArticleFixtures.minutes;
import static io.rapport.crm.knowledge.ArticleFixtures.published;
import static io.rapport.crm.knowledge.ArticleFixtures.refused;
import static io.rapport.crm.knowledge.ArticleFixtures.retired;
import static io.rapport.crm.knowledge.ArticleFixtures.revisedAfterPublication;
import static io.rapport.crm.knowledge.ArticleFixtures.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.knowledge.ArticleEvent.ArticleDrafted;
import io.rapport.crm.knowledge.ArticleEvent.ArticleFeedbackRecorded;
import io.rapport.crm.knowledge.ArticleEvent.ArticlePublished;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRecategorized;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRetagged;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRetired;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRevised;
import io.rapport.crm.knowledge.ArticleEvent.ArticleSentBack;
import io.rapport.crm.knowledge.ArticleEvent.ArticleSubmittedForReview;
import io.rapport.crm.knowledge.ArticleRejection.Reason;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleTest {

  static final ArticleVersion V1 = new ArticleVersion(1, TITLE, BODY, T0, AUTHOR, Option.none());

  static Seq<String> codes(Validation<Seq<Violation>, ?> result) {
    return result.getError().map(Violation::code);
  }

  static Seq<String> thrownCodes(Runnable construction) {
    try {
      construction.run();
    } catch (InvalidValueException invalid) {
      return invalid.violations().map(Violation::code);
    }
    throw new AssertionError("expected an InvalidValueException");
  }

  static Article article(ArticleStatus status, Seq<ArticleVersion> versions,
      Option<Integer> live) {
    return new Article(ARTICLE_ID, Locale.forLanguageTag("zh-CN"), Option.none(), "care",
        TreeSet.of("红木"), status, versions, live, ArticleFeedback.NONE, T0, AUTHOR,
        versions.last().at());
  }

  static ArticleVersion version(int number, long minutes) {
    return new ArticleVersion(number, TITLE + number, BODY, minutes(minutes), AUTHOR,
        Option.none());
  }

  /** Asserts a refusal's code, and that it names the article's status and allowed moves. */
  static void assertRefused(Article article, Either<ArticleRejection, Transition<Article>> result,
      String code) {
    ArticleRejection refusal = refused(result);
    assertThat(refusal.code()).isEqualTo(code);
    assertThat(refusal.status()).isEqualTo(article.status());
    assertThat(refusal.allowed()).isEqualTo(article.status().allowedNext());
    assertThat(refusal.lastChangedAt()).isEqualTo(article.updatedAt());
    assertThat(refusal.message()).isNotBlank();
  }

  @Nested
  class Invariants {

    @Test
    void aValidArticleIsBuilt() {
      Article article = article(ArticleStatus.PUBLISHED, List.of(V1, version(2, 5)),
          Option.of(2));
      assertThat(article.live()).contains(article.latest());
      assertThat(article.version(1)).contains(V1);
      assertThat(article.version(3)).isEmpty();
      assertThat(article.version(0)).isEmpty();
      assertThat(article.isLive()).isTrue();
    }

    @Test
    void reportsEveryBrokenInvariantAtOnce() {
      ArticleVersion second = new ArticleVersion(3, "t", "b", T0.minusSeconds(5), AUTHOR,
          Option.none());
      ArticleVersion late = new ArticleVersion(3, "t", "b", minutes(90), AUTHOR, Option.none());
      Seq<String> codes = thrownCodes(() -> new Article(ARTICLE_ID, Locale.ROOT,
          Option.of(ARTICLE_ID), "Care!", HashSet.of(" padded", "", "x".repeat(65)),
          ArticleStatus.RETIRED, List.of(new ArticleVersion(1, "t", "b", minutes(1), AUTHOR,
              Option.none()), second, late), Option.of(7), ArticleFeedback.NONE, T0, AUTHOR,
          minutes(60).minusSeconds(7200)));
      assertThat(codes).containsExactlyInAnyOrder("article.locale.no_language",
          "article.category.malformed", "article.tag.not_stripped", "article.tag.blank",
          "article.tag.too_long", "article.version.at.not_created_at",
          "article.version.number.out_of_sequence", "article.version.at.out_of_order",
          "article.version.at.after_update", "article.version.at.after_update",
          "article.version.at.after_update",
          "article.updated_at.before_creation", "article.translation_of.self",
          "article.live_version.out_of_range", "article.live_version.retired");
    }

    @Test
    void needsAVersion() {
      assertThat(thrownCodes(() -> new Article(ARTICLE_ID, Locale.ENGLISH, Option.none(), "care",
          TreeSet.empty(), ArticleStatus.DRAFT, List.empty(), Option.none(),
          ArticleFeedback.NONE, T0, AUTHOR, T0))).containsExactly("article.versions.empty");
    }

    @Test
    void limitsTheTags() {
      assertThat(thrownCodes(() -> new Article(ARTICLE_ID, Locale.ENGLISH, Option.none(), "care",
          TreeSet.ofAll(List.range(0, 51).map(i -> "t" + i)), ArticleStatus.DRAFT, List.of(V1),
          Option.none(), ArticleFeedback.NONE, T0, AUTHOR, T0)))
          .containsExactly("article.tags.too_many");
      assertThat(article(ArticleStatus.DRAFT, List.of(V1), Option.none()).tags())
          .containsExactly("红木");
    }

    @Test
    void tiesTheLiveVersionToTheStatus() {
      Seq<ArticleVersion> two = List.of(V1, version(2, 5));
      assertThat(thrownCodes(() -> article(ArticleStatus.PUBLISHED, two, Option.of(1))))
          .containsExactly("article.live_version.not_latest");
      assertThat(thrownCodes(() -> article(ArticleStatus.PUBLISHED, two, Option.none())))
          .containsExactly("article.live_version.not_latest");
      assertThat(thrownCodes(() -> article(ArticleStatus.RETIRED, two, Option.of(1))))
          .containsExactly("article.live_version.retired");
      assertThat(thrownCodes(() -> article(ArticleStatus.DRAFT, two, Option.of(2))))
          .containsExactly("article.live_version.unreviewed");
      assertThat(thrownCodes(() -> article(ArticleStatus.IN_REVIEW, two, Option.of(2))))
          .containsExactly("article.live_version.unreviewed");
      assertThat(thrownCodes(() -> article(ArticleStatus.DRAFT, two, Option.of(0))))
          .containsExactly("article.live_version.out_of_range");
      assertThat(article(ArticleStatus.IN_REVIEW, two, Option.of(1)).live()).contains(V1);
      assertThat(article(ArticleStatus.DRAFT, two, Option.none()).live()).isEmpty();
      assertThat(article(ArticleStatus.RETIRED, two, Option.none()).isLive()).isFalse();
    }

    @Test
    void checksEveryVersion() {
      assertThat(thrownCodes(() -> new ArticleVersion(0, " ", "x".repeat(100_001), T0, AUTHOR,
          Option.of("\t")))).containsExactly("article.version.number.out_of_range",
          "article.title.blank", "article.body.too_long", "article.note.blank");
      assertThat(thrownCodes(() -> new ArticleVersion(1, "x".repeat(301), "", T0, AUTHOR,
          Option.of("x".repeat(501))))).containsExactly("article.title.too_long",
          "article.body.blank", "article.note.too_long");
      assertThat(new ArticleVersion(1, "x".repeat(300), "x".repeat(100_000), T0, AUTHOR,
          Option.of("x".repeat(500))).number()).isEqualTo(1);
    }

    @Test
    void countsVotesThatAreNotNegative() {
      assertThat(thrownCodes(() -> new ArticleFeedback(-1, -2))).containsExactly(
          "article.feedback.helpful.negative", "article.feedback.not_helpful.negative");
      assertThat(new ArticleFeedback(3, 1).plus(true)).isEqualTo(new ArticleFeedback(4, 1));
      assertThat(new ArticleFeedback(3, 1).plus(false).total()).isEqualTo(5);
      assertThatThrownBy(() -> new ArticleFeedback(Long.MAX_VALUE, 0).plus(true))
          .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesNullsByName() {
      assertThatThrownBy(() -> new ArticleVersion(1, null, BODY, T0, AUTHOR, Option.none()))
          .isInstanceOf(NullPointerException.class).hasMessage("title");
      assertThatThrownBy(() -> article(ArticleStatus.DRAFT, List.of(V1), Option.none())
          .revise(TITLE, BODY, Option.none(), null))
          .isInstanceOf(NullPointerException.class).hasMessage("stamp");
    }
  }

  @Nested
  class Drafting {

    @Test
    void draftsVersionOneFromCleanInput() {
      Validation<Seq<Violation>, Transition<Article>> result = Article.draft(ARTICLE_ID,
          ArticleDraft.of(" zh_CN ", " care ", "  " + TITLE + " ", BODY)
              .tag(" 红木 ", "保养", "红木").note("   ").translationOf(" KB-care-en "),
          stamp(T0, AUTHOR));
      Article article = result.get().state();
      assertThat(article.locale()).isEqualTo(Locale.forLanguageTag("zh-CN"));
      assertThat(article.category()).isEqualTo("care");
      assertThat(article.tags()).containsExactlyInAnyOrder("红木", "保养");
      assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(article.versions()).containsExactly(
          new ArticleVersion(1, TITLE, BODY, T0, AUTHOR, Option.none()));
      assertThat(article.liveVersion()).isEmpty();
      assertThat(article.translationOf()).contains(ArticleId.parse("KB-care-en"));
      assertThat(article.feedback()).isEqualTo(ArticleFeedback.NONE);
      assertThat(article.createdAt()).isEqualTo(T0);
      assertThat(article.updatedAt()).isEqualTo(T0);
      assertThat(article.createdBy()).isEqualTo(AUTHOR);
      assertThat(result.get().events()).singleElement().isEqualTo(new ArticleDrafted(
          ((ArticleDrafted) result.get().events().head()).stamp(), ARTICLE_ID,
          article.locale(), "care", article.translationOf()));
    }

    @Test
    void keepsTheNote() {
      assertThat(aDraft().latest().note()).contains("初稿");
    }

    @Test
    void reportsEveryViolationAtOnce() {
      Validation<Seq<Violation>, Transition<Article>> result = Article.draft(ARTICLE_ID,
          ArticleDraft.of("zh-CN-not_a_tag!", "Care", " ", "").tag("ok", " ", "x".repeat(65))
              .note("x".repeat(501)).translationOf("bad id!"),
          stamp(T0, AUTHOR));
      assertThat(result.getError()).extracting(Violation::code, Violation::field)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple("article.locale.malformed", "locale"),
              org.assertj.core.api.Assertions.tuple("article.category.malformed", "category"),
              org.assertj.core.api.Assertions.tuple("article.tag.blank", "tags[1]"),
              org.assertj.core.api.Assertions.tuple("article.tag.too_long", "tags[2]"),
              org.assertj.core.api.Assertions.tuple("article.title.blank", "title"),
              org.assertj.core.api.Assertions.tuple("article.body.blank", "body"),
              org.assertj.core.api.Assertions.tuple("article.note.too_long", "note"),
              org.assertj.core.api.Assertions.tuple("id.malformed", "translationOf"));
    }

    @Test
    void needsALanguage() {
      assertThat(codes(Article.draft(ARTICLE_ID, aCareArticle().locale("und"),
          stamp(T0, AUTHOR)))).containsExactly("article.locale.no_language");
      assertThat(codes(Article.draft(ARTICLE_ID, aCareArticle().locale(null),
          stamp(T0, AUTHOR)))).containsExactly("article.locale.no_language");
      assertThat(Article.draft(ARTICLE_ID, aCareArticle().locale("en"), stamp(T0, AUTHOR))
          .get().state().locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void refusesATranslationOfItselfAndNulls() {
      assertThat(codes(Article.draft(ARTICLE_ID, aCareArticle().translationOf("KB-care"),
          stamp(T0, AUTHOR)))).containsExactly("article.translation_of.self");
      assertThat(codes(Article.draft(ARTICLE_ID, ArticleDraft.of(null, null, null, null),
          stamp(T0, AUTHOR)))).containsExactly("article.locale.no_language",
          "article.category.malformed", "article.title.blank", "article.body.blank");
    }

    @Test
    void limitsTheTags() {
      ArticleDraft draft = aCareArticle();
      for (int i = 0; i < 50; i++) {
        draft.tag("t" + i);
      }
      assertThat(codes(Article.draft(ARTICLE_ID, draft, stamp(T0, AUTHOR))))
          .containsExactly("article.tags.too_many");
    }
  }

  @Nested
  class Revising {

    @Test
    void replacesTheDraftVersionAndMakesTheReviserItsAuthor() {
      Either<ArticleRejection, Transition<Article>> result =
          aDraft().revise(" 新标题 ", "新正文", Option.of(" 改了标题 "), byReviewer(4));
      Article revised = accepted(result);
      assertThat(revised.versions()).containsExactly(
          new ArticleVersion(1, "新标题", "新正文", T0, REVIEWER, Option.of("改了标题")));
      assertThat(revised.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(revised.updatedAt()).isEqualTo(minutes(4));
      assertThat(result.get().events().head()).isInstanceOfSatisfying(ArticleRevised.class,
          event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.added()).isFalse();
            assertThat(event.from()).isEqualTo(ArticleStatus.DRAFT);
          });
    }

    @Test
    void addsAVersionToAPublishedArticleWhoseLiveVersionStaysLive() {
      Article before = published();
      Either<ArticleRejection, Transition<Article>> result =
          before.revise("新标题", BODY, Option.none(), byAuthor(3));
      Article revised = accepted(result);
      assertThat(revised.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(revised.versions()).hasSize(2);
      assertThat(revised.versions().head()).isEqualTo(before.latest());
      assertThat(revised.latest()).isEqualTo(
          new ArticleVersion(2, "新标题", BODY, minutes(3), AUTHOR, Option.none()));
      assertThat(revised.live()).contains(before.latest());
      assertThat(result.get().events().head()).isInstanceOfSatisfying(ArticleRevised.class,
          event -> assertThat(event.added()).isTrue());
      Article again = accepted(revised.revise("新标题二", BODY, Option.none(), byAuthor(4)));
      assertThat(again.versions()).hasSize(2);
      assertThat(again.live()).contains(before.latest());
    }

    @Test
    void addsAVersionWithoutALiveOneToARetiredArticle() {
      Article revived = accepted(retired().revise(TITLE, BODY, Option.none(), byAuthor(5)));
      assertThat(revived.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(revived.versions()).hasSize(2);
      assertThat(revived.latest().title()).isEqualTo(revived.versions().head().title());
      assertThat(revived.latest().at()).isEqualTo(minutes(5));
      assertThat(revived.liveVersion()).isEmpty();
    }

    @Test
    void refusesWhileInReview() {
      Article article = inReview();
      assertRefused(article, article.revise("x", "y", Option.none(), byAuthor(5)),
          "article.status.move_not_allowed");
    }

    @Test
    void refusesTextThatWouldNotChange() {
      Article draft = aDraft();
      assertRefused(draft, draft.revise(" " + TITLE, BODY, Option.of("初稿"), byAuthor(5)),
          "article.revision.unchanged");
      assertThat(accepted(draft.revise(TITLE, BODY, Option.of("第二稿"), byAuthor(5)))
          .latest().note()).contains("第二稿");
      Article live = published();
      assertRefused(live, live.revise(TITLE, BODY, Option.of("没改"), byAuthor(5)),
          "article.revision.unchanged");
    }

    @Test
    void refusesBadText() {
      Article draft = aDraft();
      assertRefused(draft, draft.revise(" ", BODY, Option.none(), byAuthor(5)),
          "article.title.blank");
      assertRefused(draft, draft.revise("x".repeat(301), BODY, Option.none(), byAuthor(5)),
          "article.title.too_long");
      assertRefused(draft, draft.revise(TITLE, "\n", Option.none(), byAuthor(5)),
          "article.body.blank");
      assertRefused(draft, draft.revise(TITLE, "x".repeat(100_001), Option.none(),
          byAuthor(5)), "article.body.too_long");
      assertRefused(draft, draft.revise(TITLE, "x", Option.of(" "), byAuthor(5)),
          "article.note.blank");
      assertRefused(draft, draft.revise(TITLE, "x", Option.of("x".repeat(501)), byAuthor(5)),
          "article.note.too_long");
    }

    @Test
    void refusesCommandsDatedBeforeTheLastChange() {
      Article article = published();
      assertRefused(article, article.revise("x", "y", Option.none(), byAuthor(1)),
          "article.out_of_order");
      assertThat(article.revise("x", "y", Option.none(), byAuthor(2)).isRight()).isTrue();
    }
  }

  @Nested
  class Reviewing {

    @Test
    void submitsADraftForReview() {
      Either<ArticleRejection, Transition<Article>> result = aDraft().submitForReview(
          byAuthor(1));
      Article submitted = accepted(result);
      assertThat(submitted.status()).isEqualTo(ArticleStatus.IN_REVIEW);
      assertThat(submitted.versions()).isEqualTo(aDraft().versions());
      assertThat(result.get().events().head()).isInstanceOfSatisfying(
          ArticleSubmittedForReview.class, event -> assertThat(event.version()).isEqualTo(1));
    }

    @Test
    void refusesToSubmitOutsideDraft() {
      Article review = inReview();
      assertRefused(review, review.submitForReview(byAuthor(5)), "article.status.unchanged");
      Article live = published();
      assertRefused(live, live.submitForReview(byAuthor(5)), "article.status.move_not_allowed");
      Article gone = retired();
      assertRefused(gone, gone.submitForReview(byAuthor(5)), "article.status.move_not_allowed");
      Article draft = aDraft();
      assertRefused(draft, draft.submitForReview(stamp(T0.minusSeconds(1), AUTHOR)),
          "article.out_of_order");
    }

    @Test
    void publishesTheLatestVersion() {
      Either<ArticleRejection, Transition<Article>> result = inReview().publish(byReviewer(2));
      Article live = accepted(result);
      assertThat(live.status()).isEqualTo(ArticleStatus.PUBLISHED);
      assertThat(live.liveVersion()).contains(1);
      assertThat(live.live()).contains(live.latest());
      assertThat(result.get().events().head()).isEqualTo(new ArticlePublished(
          ((ArticlePublished) result.get().events().head()).stamp(), ARTICLE_ID, 1,
          Option.none()));
    }

    @Test
    void publishingARevisionReplacesTheLiveVersion() {
      Article submitted = accepted(revisedAfterPublication().submitForReview(byAuthor(4)));
      assertThat(submitted.liveVersion()).contains(1);
      Either<ArticleRejection, Transition<Article>> result = submitted.publish(byReviewer(5));
      Article live = accepted(result);
      assertThat(live.liveVersion()).contains(2);
      assertThat(((ArticlePublished) result.get().events().head()).previousLive()).contains(1);
    }

    @Test
    void nobodyPublishesTheirOwnVersion() {
      Article review = inReview();
      assertRefused(review, review.publish(byAuthor(2)), "article.publish.own_version");
      Article editedByReviewer = accepted(accepted(accepted(review.sendBack("请补充打蜡频率",
          byReviewer(2))).revise(TITLE, BODY + "每月打蜡。", Option.none(), byReviewer(3)))
          .submitForReview(byReviewer(4)));
      assertRefused(editedByReviewer, editedByReviewer.publish(byReviewer(5)),
          "article.publish.own_version");
      assertThat(accepted(editedByReviewer.publish(byAuthor(5))).status())
          .isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void refusesToPublishOutsideReview() {
      Article draft = aDraft();
      assertRefused(draft, draft.publish(byReviewer(5)), "article.status.move_not_allowed");
      Article live = published();
      assertRefused(live, live.publish(byReviewer(5)), "article.status.unchanged");
      Article review = inReview();
      assertRefused(review, review.publish(byReviewer(0)), "article.out_of_order");
    }

    @Test
    void sendsAVersionBackWithANote() {
      Either<ArticleRejection, Transition<Article>> result =
          inReview().sendBack(" 请补充打蜡频率 ", byReviewer(2));
      Article back = accepted(result);
      assertThat(back.status()).isEqualTo(ArticleStatus.DRAFT);
      assertThat(back.versions()).isEqualTo(inReview().versions());
      assertThat(result.get().events().head()).isInstanceOfSatisfying(ArticleSentBack.class,
          event -> assertThat(event.note()).isEqualTo("请补充打蜡频率"));
      Article revisionInReview = accepted(revisedAfterPublication().submitForReview(
          byAuthor(4)));
      assertThat(accepted(revisionInReview.sendBack("不行", byReviewer(5))).liveVersion())
          .contains(1);
    }

    @Test
    void refusesToSendBackOutsideReviewOrWithoutANote() {
      Article draft = aDraft();
      assertRefused(draft, draft.sendBack("x", byReviewer(5)), "article.status.unchanged");
      Article live = published();
      assertRefused(live, live.sendBack("x", byReviewer(5)), "article.status.move_not_allowed");
      Article gone = retired();
      assertRefused(gone, gone.sendBack("x", byReviewer(5)), "article.status.move_not_allowed");
      Article review = inReview();
      assertRefused(review, review.sendBack(" ", byReviewer(5)), "article.note.blank");
      assertRefused(review, review.sendBack("x".repeat(501), byReviewer(5)),
          "article.note.too_long");
      assertRefused(review, review.sendBack("x", byReviewer(0)), "article.out_of_order");
    }
  }

  @Nested
  class Retiring {

    @Test
    void retiresFromEveryOtherStatusAndClearsTheLiveVersion() {
      for (Article article : List.of(aDraft(), inReview(), published(),
          revisedAfterPublication())) {
        Either<ArticleRejection, Transition<Article>> result = article.retire(byReviewer(10));
        Article gone = accepted(result);
        assertThat(gone.status()).isEqualTo(ArticleStatus.RETIRED);
        assertThat(gone.liveVersion()).isEmpty();
        assertThat(gone.versions()).isEqualTo(article.versions());
        assertThat(result.get().events().head()).isInstanceOfSatisfying(ArticleRetired.class,
            event -> {
              assertThat(event.previousLive()).isEqualTo(article.liveVersion());
              assertThat(event.from()).isEqualTo(article.status());
            });
      }
    }

    @Test
    void refusesToRetireTwice() {
      Article gone = retired();
      assertRefused(gone, gone.retire(byReviewer(10)), "article.status.unchanged");
      Article live = published();
      assertRefused(live, live.retire(byReviewer(1)), "article.out_of_order");
    }
  }

  @Nested
  class Labelling {

    @Test
    void recategorizesInAnyStatus() {
      for (Article article : List.of(aDraft(), inReview(), published(), retired())) {
        Either<ArticleRejection, Transition<Article>> result =
            article.recategorize(" delivery ", byAuthor(10));
        Article moved = accepted(result);
        assertThat(moved.category()).isEqualTo("delivery");
        assertThat(moved.status()).isEqualTo(article.status());
        assertThat(result.get().events().head()).isInstanceOfSatisfying(
            ArticleRecategorized.class, event -> {
              assertThat(event.previous()).isEqualTo("care");
              assertThat(event.category()).isEqualTo("delivery");
            });
      }
    }

    @Test
    void refusesABadOrSameCategory() {
      Article article = aDraft();
      assertRefused(article, article.recategorize("Care", byAuthor(1)),
          "article.category.malformed");
      assertRefused(article, article.recategorize("care", byAuthor(1)),
          "article.category.unchanged");
      assertRefused(article, article.recategorize("x", stamp(T0.minusSeconds(1), AUTHOR)),
          "article.out_of_order");
    }

    @Test
    void retagsWithStrippedDistinctTags() {
      Either<ArticleRejection, Transition<Article>> result =
          aDraft().retag(List.of(" 红木 ", "wax", "wax"), byAuthor(1));
      Article retagged = accepted(result);
      assertThat(retagged.tags()).containsExactlyInAnyOrder("红木", "wax");
      assertThat(result.get().events().head()).isInstanceOfSatisfying(ArticleRetagged.class,
          event -> {
            assertThat(event.added()).containsExactly("wax");
            assertThat(event.removed()).containsExactly("保养");
          });
      assertThat(accepted(retagged.retag(List.empty(), byAuthor(2))).tags()).isEmpty();
    }

    @Test
    void refusesBadOrSameTags() {
      Article article = aDraft();
      assertRefused(article, article.retag(List.of("ok", " "), byAuthor(1)),
          "article.tag.blank");
      assertRefused(article, article.retag(List.of("x".repeat(65)), byAuthor(1)),
          "article.tag.too_long");
      assertRefused(article, article.retag(List.range(0, 51).map(i -> "t" + i), byAuthor(1)),
          "article.tags.too_many");
      assertRefused(article, article.retag(List.of("保养", " 红木"), byAuthor(1)),
          "article.tags.unchanged");
      assertRefused(article, article.retag(List.of("x"), stamp(T0.minusSeconds(1), AUTHOR)),
          "article.out_of_order");
    }
  }

  @Nested
  class Feedback {

    @Test
    void countsVotesOnTheLiveVersion() {
      Article article = revisedAfterPublication();
      Either<ArticleRejection, Transition<Article>> result =
          article.recordFeedback(true, byReviewer(10));
      Article voted = accepted(result);
      assertThat(voted.feedback()).isEqualTo(new ArticleFeedback(1, 0));
      assertThat(voted.updatedAt()).isEqualTo(minutes(10));
      assertThat(result.get().events().head()).isInstanceOfSatisfying(
          ArticleFeedbackRecorded.class, event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.helpful()).isTrue();
          });
      Article late = accepted(voted.recordFeedback(false, byReviewer(5)));
      assertThat(late.feedback()).isEqualTo(new ArticleFeedback(1, 1));
      assertThat(late.updatedAt()).isEqualTo(minutes(10));
      assertThat(late.usefulness()).isEqualTo(new ArticleFeedback(1, 1).usefulness());
    }

    @Test
    void refusesVotesWithoutALiveVersion() {
      for (Article article : List.of(aDraft(), inReview(), retired())) {
        assertRefused(article, article.recordFeedback(true, byReviewer(10)),
            "article.feedback.not_live");
      }
    }
  }

  @Test
  void everyReasonHasItsOwnCodeAndMessage() {
    Article article = aDraft();
    assertThat(List.of(Reason.values()).map(Reason::code).distinct())
        .hasSize(Reason.values().length);
    for (Reason reason : Reason.values()) {
      ArticleRejection refusal = new ArticleRejection(reason, article.id(), article.status(),
          article.status().allowedNext(), article.updatedAt());
      assertThat(refusal.message()).as(reason.name()).isNotBlank();
      assertThat(refusal.code()).startsWith("article.");
    }
  }

  @Test
  void statusTableMatchesTheCommands() {
    assertThat(ArticleStatus.DRAFT.allowedNext())
        .containsExactly(ArticleStatus.IN_REVIEW, ArticleStatus.RETIRED);
    assertThat(ArticleStatus.IN_REVIEW.allowedNext()).containsExactly(
        ArticleStatus.PUBLISHED, ArticleStatus.DRAFT, ArticleStatus.RETIRED);
    assertThat(ArticleStatus.PUBLISHED.mayMoveTo(ArticleStatus.DRAFT)).isTrue();
    assertThat(ArticleStatus.RETIRED.allowedNext()).containsExactly(ArticleStatus.DRAFT);
    assertThat(ArticleStatus.RETIRED.mayMoveTo(ArticleStatus.PUBLISHED)).isFalse();
  }
}
