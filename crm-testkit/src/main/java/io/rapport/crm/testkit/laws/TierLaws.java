package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.QualifyingEntry;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierChange;
import io.rapport.crm.loyalty.TierChangeReason;
import io.rapport.crm.loyalty.TierEngine;
import io.rapport.crm.loyalty.TierNotice;
import io.rapport.crm.loyalty.TierProjection;
import io.rapport.crm.loyalty.TierShortfall;
import io.rapport.crm.loyalty.TierStatus;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierTimeline;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import java.time.Duration;
import java.time.Instant;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every tier engine must keep, on generated programs and histories (see
 * {@code TierGenerators}) or a team's own: the tier is a pure function of the history and the
 * date, and the fast {@code advance} agrees with {@code replay}; an entry and its full reversal
 * cancel out; upgrades never wait; downgrades happen only when a notice takes effect; a
 * one-level policy drops one level at a time; and, under a one-level policy, adding an entry never
 * lowers the tier.
 *
 * <p>Each law has a form that checks {@link TierEngine} and a form that checks any
 * {@link Engine}, so a team can run the laws against a wrapper of their own (a cache, a store's
 * sweep). Each runs {@link Theories#qt()} and throws an {@link AssertionError} with the smallest
 * falsifying example and the seed.
 */
public final class TierLaws {

  /**
   * Computes tiers as {@link TierEngine} does; the laws check any implementation of it. Each
   * method defaults to the library's engine, so a test overrides only what it replaces.
   */
  public interface Engine {

    /**
     * Replays a history to a time, as {@link TierEngine#replay} does.
     *
     * @param program the program
     * @param joinedAt when the member joined
     * @param history the entries, ordered by time
     * @param asOf the time asked for
     * @return the timeline
     */
    default TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
        Seq<QualifyingEntry> history, Instant asOf) {
      return TierEngine.replay(program, joinedAt, history, asOf);
    }

    /**
     * Moves a status forward, as {@link TierEngine#advance} does.
     *
     * @param program the program
     * @param joinedAt when the member joined
     * @param history the entries, ordered by time
     * @param status the status at {@code since}
     * @param since the time of the status
     * @param asOf the time asked for
     * @return the timeline after {@code since}
     */
    default TierTimeline advance(LoyaltyProgram program, Instant joinedAt,
        Seq<QualifyingEntry> history, TierStatus status, Instant since, Instant asOf) {
      return TierEngine.advance(program, joinedAt, history, status, since, asOf);
    }

    /**
     * Projects what a member needs, as {@link TierEngine#project} does.
     *
     * @param program the program
     * @param joinedAt when the member joined
     * @param history the entries, ordered by time
     * @param status the status at {@code asOf}
     * @param asOf the time asked for
     * @return the projection
     */
    default TierProjection project(LoyaltyProgram program, Instant joinedAt,
        Seq<QualifyingEntry> history, TierStatus status, Instant asOf) {
      return TierEngine.project(program, joinedAt, history, status, asOf);
    }
  }

  /** The library's own engine. */
  public static final Engine STANDARD = new Engine() {};

  private TierLaws() {}

  /**
   * Checks law 1 on {@link TierEngine}; see {@link #pureFunctionOfHistoryAndDate(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void pureFunctionOfHistoryAndDate(Gen<TierHistory> histories) {
    pureFunctionOfHistoryAndDate(histories, STANDARD);
  }

  /**
   * Checks law 1: replaying twice gives the same timeline at every probed time, and advancing
   * the replayed status from any probed time after the last reversal to the end gives the status
   * replay gives there, with the same changes and notices.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void pureFunctionOfHistoryAndDate(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories).checkAssert(h -> {
      TierTimeline whole = replay(engine, h, h.until());
      Instant lastReversal = h.entries().filter(QualifyingEntry::reversal)
          .map(QualifyingEntry::at).foldLeft(h.joinedAt(), (a, b) -> b.isAfter(a) ? b : a);
      for (Instant t : probes(h)) {
        TierTimeline once = replay(engine, h, t);
        assertThat(replay(engine, h, t)).as("replayed twice to %s", t).isEqualTo(once);
        if (!t.isBefore(lastReversal)) {
          TierTimeline advanced = engine.advance(h.program(), h.joinedAt(), h.entries(),
              once.status(), t, h.until());
          assertThat(advanced.status()).as("advanced from %s to %s", t, h.until())
              .isEqualTo(whole.status());
          assertThat(once.changes().appendAll(advanced.changes())).as("changes")
              .isEqualTo(whole.changes());
          assertThat(once.notices().appendAll(advanced.notices())).as("notices")
              .isEqualTo(whole.notices());
        }
      }
    });
  }

  /**
   * Checks law 2 on {@link TierEngine}; see {@link #reversalCancelsItsEntry(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void reversalCancelsItsEntry(Gen<TierHistory> histories) {
    reversalCancelsItsEntry(histories, STANDARD);
  }

  /**
   * Checks law 2: a fresh entry large enough to reach the top tier, added anywhere in a history
   * and fully reversed at its end, leaves the status at and after the reversal as it is without
   * both.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void reversalCancelsItsEntry(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories, integers().between(0, 1_000)).checkAssert((h, f) -> {
      QualifyingEntry entry = bigEntry(h, f, "law-reversed");
      QualifyingEntry reversal = new QualifyingEntry(h.until(), entry.source(),
          entry.points().mapValues(v -> -v), entry.spend().negated(), -entry.purchases(),
          -entry.referrals(), true);
      TierHistory both = h.with(entry).with(reversal);
      for (Instant t : List.of(h.until(), h.until().plus(Duration.ofDays(200)))) {
        assertThat(replay(engine, both, t).status()).as("status at %s after %s and %s", t,
            entry, reversal).isEqualTo(replay(engine, h, t).status());
      }
    });
  }

  /**
   * Checks law 3 on {@link TierEngine}; see {@link #upgradesNeverWait(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void upgradesNeverWait(Gen<TierHistory> histories) {
    upgradesNeverWait(histories, STANDARD);
  }

  /**
   * Checks law 3: right after each entry, the member is already in every tier their current
   * window reaches: the projection to the next tier has no threshold met.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void upgradesNeverWait(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories).checkAssert(h -> {
      for (QualifyingEntry entry : h.entries()) {
        Instant t = entry.at();
        TierStatus status = replay(engine, h, t).status();
        TierProjection projection = engine.project(h.program(), h.joinedAt(), h.entries(),
            status, t);
        assertThat(projection.toReachNext().filter(s -> s.missing().signum() == 0)
            .map(TierShortfall::threshold))
            .as("thresholds of %s met at %s while in %s", projection.nextTier(), t,
                status.tier()).isEmpty();
      }
    });
  }

  /**
   * Checks law 4 on {@link TierEngine}; see {@link #downgradesOnlyAtNotices(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void downgradesOnlyAtNotices(Gen<TierHistory> histories) {
    downgradesOnlyAtNotices(histories, STANDARD);
  }

  /**
   * Checks law 4: every move down in a replay is a downgrade at the effective time of a notice
   * issued before it; and between two probed times with no reversal in between, the tier falls
   * only if a notice took effect in between.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void downgradesOnlyAtNotices(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories).checkAssert(h -> {
      TierTimeline whole = replay(engine, h, h.until());
      for (TierChange change : whole.changes()) {
        if (rank(h, change.to()) < rank(h, change.from())) {
          assertThat(change.reason()).as("reason of %s", change)
              .isEqualTo(TierChangeReason.DOWNGRADE);
          assertThat(whole.notices().exists(n -> n.effectiveAt().equals(change.at())
              && !n.evaluatedAt().isAfter(change.at()))).as("notice for %s among %s", change,
                  whole.notices()).isTrue();
        }
      }
      Seq<Instant> probes = probes(h);
      for (int i = 0; i + 1 < probes.size(); i++) {
        Instant from = probes.get(i);
        Instant to = probes.get(i + 1);
        if (h.entries().exists(e -> e.reversal() && e.at().isAfter(from) && !e.at().isAfter(to))) {
          continue;
        }
        int before = rank(h, replay(engine, h, from).status().tier());
        TierTimeline after = replay(engine, h, to);
        if (rank(h, after.status().tier()) < before) {
          assertThat(after.notices().map(TierNotice::effectiveAt)
              .exists(at -> at.isAfter(from) && !at.isAfter(to)))
              .as("a notice took effect between %s and %s", from, to).isTrue();
        }
      }
    });
  }

  /**
   * Checks law 5 on {@link TierEngine}; see {@link #oneLevelPerDowngrade(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void oneLevelPerDowngrade(Gen<TierHistory> histories) {
    oneLevelPerDowngrade(histories, STANDARD);
  }

  /**
   * Checks law 5: under {@link DowngradePolicy#ONE_LEVEL}, no downgrade drops more than one
   * level. Histories on other policies pass.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void oneLevelPerDowngrade(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories).checkAssert(h -> {
      if (h.program().ladder().downgrade() != DowngradePolicy.ONE_LEVEL) {
        return;
      }
      for (TierChange change : replay(engine, h, h.until()).changes()) {
        if (change.reason() == TierChangeReason.DOWNGRADE) {
          assertThat(rank(h, change.from()) - rank(h, change.to())).as("levels dropped by %s",
              change).isLessThanOrEqualTo(1);
        }
      }
    });
  }

  /**
   * Checks law 6 on {@link TierEngine}; see {@link #addingAnEntryNeverLowersTheTier(Gen, Engine)}.
   *
   * @param histories the histories
   * @throws AssertionError if the law fails
   */
  public static void addingAnEntryNeverLowersTheTier(Gen<TierHistory> histories) {
    addingAnEntryNeverLowersTheTier(histories, STANDARD);
  }

  /**
   * Checks law 6: adding a fresh non-reversal entry to a history never leaves the member in a
   * lower tier, at the entry's time or any probed time after it. The law holds under
   * {@link DowngradePolicy#ONE_LEVEL}; under {@link DowngradePolicy#TO_BASE} it does not: a
   * member the entry lifts to a tier they then fail to keep falls to the base, below the tier
   * they would have kept without it. Give this law ONE_LEVEL histories.
   *
   * @param histories the histories
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void addingAnEntryNeverLowersTheTier(Gen<TierHistory> histories, Engine engine) {
    requireNonNull(histories, "histories");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories, integers().between(0, 1_000)).checkAssert((h, f) -> {
      QualifyingEntry entry = bigEntry(h, f, "law-added");
      TierHistory more = h.with(entry);
      for (Instant t : probes(more)) {
        if (t.isBefore(entry.at())) {
          continue;
        }
        assertThat(rank(h, replay(engine, more, t).status().tier())).as("tier at %s with %s",
            t, entry).isGreaterThanOrEqualTo(rank(h, replay(engine, h, t).status().tier()));
      }
    });
  }

  /**
   * Runs every law of this class on {@link TierEngine}.
   *
   * @param histories the histories
   * @throws AssertionError if a law fails
   */
  public static void checkAll(Gen<TierHistory> histories) {
    pureFunctionOfHistoryAndDate(histories);
    reversalCancelsItsEntry(histories);
    upgradesNeverWait(histories);
    downgradesOnlyAtNotices(histories);
    oneLevelPerDowngrade(histories);
    addingAnEntryNeverLowersTheTier(histories);
  }

  private static TierTimeline replay(Engine engine, TierHistory h, Instant asOf) {
    return engine.replay(h.program(), h.joinedAt(), h.entries(), asOf);
  }

  private static int rank(TierHistory h, String code) {
    return h.program().ladder().tiers().map(Tier::code).indexOf(code);
  }

  /**
   * Returns a fresh entry at a fraction ({@code f} per mille) of the history's span, with
   * points of the first qualifying-points threshold's currency and spend reaching the top tier.
   */
  private static QualifyingEntry bigEntry(TierHistory h, int f, String id) {
    long span = Duration.between(h.joinedAt(), h.until()).toMinutes();
    Instant at = h.joinedAt().plus(Duration.ofMinutes(span * f / 1_000));
    Tier top = h.program().ladder().tiers().last();
    HashMap<PointCurrency, Long> points = HashMap.empty();
    Money spend = Money.zero(h.program().spendCurrency());
    long purchases = 1;
    for (TierThreshold threshold : top.anyOf()) {
      if (threshold instanceof TierThreshold.QualifyingPoints p) {
        points = points.put(p.currency(), p.minimum());
      } else if (threshold instanceof TierThreshold.Spend s
          && s.minimum().currency().equals(spend.currency())) {
        spend = s.minimum();
      }
    }
    return new QualifyingEntry(at, RecordRef.to(PurchaseId.parse(id)), points, spend,
        purchases, 0, false);
  }

  /** Returns the times worth probing: joining, each entry, each evaluation, the end. */
  private static Seq<Instant> probes(TierHistory h) {
    TreeSet<Instant> probes = TreeSet.of(h.joinedAt(), h.until());
    for (QualifyingEntry entry : h.entries()) {
      probes = probes.add(entry.at());
    }
    Instant evaluation = TierEngine.nextEvaluation(h.program(), h.joinedAt(), h.joinedAt());
    for (int i = 0; i < 6 && !evaluation.isAfter(h.until()); i++) {
      probes = probes.add(evaluation).add(evaluation.plus(Duration.ofDays(50)));
      evaluation = TierEngine.nextEvaluation(h.program(), h.joinedAt(), evaluation);
    }
    return probes.filter(t -> !t.isAfter(h.until())).toList();
  }
}
