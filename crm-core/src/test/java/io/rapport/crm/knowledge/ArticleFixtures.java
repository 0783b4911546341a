package io.rapport.crm.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.quicktheories.QuickTheory;

/** Shared times, actors, stamps and articles of the knowledge tests; their fixed-seed runner. */
final class ArticleFixtures {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final ActorId AUTHOR = ActorId.parse("employee:E-li");
  static final ActorId REVIEWER = ActorId.parse("employee:E-wang");
  static final ArticleId ARTICLE_ID = ArticleId.parse("KB-care");

  /** Monday 2026-11-23 01:00 UTC (09:00 in Shanghai). */
  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

  static final String TITLE = "红木家具的日常保养";
  static final String BODY = "用柔软的干布顺着木纹擦拭，避免阳光直射和暖气烘烤。";

  private static final AtomicLong EVENTS = new AtomicLong();

  private ArticleFixtures() {}

  /** Runs QuickTheories with a fixed seed, as the kernel's tests do. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Returns an instant some minutes after {@link #T0}. */
  static Instant minutes(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  /** Returns a stamp with a fresh event id at an instant, by an actor. */
  static EventStamp stamp(Instant at, ActorId by) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()), at, by);
  }

  /** Returns a stamp by the author some minutes after {@link #T0}. */
  static EventStamp byAuthor(long minutes) {
    return stamp(minutes(minutes), AUTHOR);
  }

  /** Returns a stamp by the reviewer some minutes after {@link #T0}. */
  static EventStamp byReviewer(long minutes) {
    return stamp(minutes(minutes), REVIEWER);
  }

  /** The draft of a Chinese care article with two tags. */
  static ArticleDraft aCareArticle() {
    return ArticleDraft.of("zh-CN", "care", TITLE, BODY).tag("红木", "保养").note("初稿");
  }

  /** Returns the drafted article of {@link #aCareArticle()}, by the author at {@link #T0}. */
  static Article aDraft() {
    return Article.draft(ARTICLE_ID, aCareArticle(), stamp(T0, AUTHOR)).get().state();
  }

  /** Returns the care article in review (minute 1). */
  static Article inReview() {
    return accepted(aDraft().submitForReview(byAuthor(1)));
  }

  /** Returns the care article published by the reviewer (minute 2), version 1 live. */
  static Article published() {
    return accepted(inReview().publish(byReviewer(2)));
  }

  /** Returns the published care article revised (minute 3): version 2 drafted, 1 live. */
  static Article revisedAfterPublication() {
    return accepted(published().revise("红木家具的保养", BODY + "每月打一次蜡。",
        io.vavr.control.Option.none(), byAuthor(3)));
  }

  /** Returns the published care article retired (minute 3). */
  static Article retired() {
    return accepted(published().retire(byReviewer(3)));
  }

  /** Asserts a command was accepted with exactly one event and returns the new state. */
  static <R, S> S accepted(Either<R, Transition<S>> result) {
    assertThat(result.isRight()).as("accepted, but got %s", result).isTrue();
    assertThat(result.get().events()).hasSize(1);
    return result.get().state();
  }

  /** Asserts a command was refused and returns the refusal. */
  static <R, S> R refused(Either<R, Transition<S>> result) {
    assertThat(result.isLeft()).as("refused, but got %s", result).isTrue();
    return result.getLeft();
  }
}
