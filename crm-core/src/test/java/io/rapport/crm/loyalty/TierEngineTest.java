package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.TierPrograms.CREDITS;
import static io.rapport.crm.loyalty.TierPrograms.SHANGHAI;
import static io.rapport.crm.loyalty.TierPrograms.calendarYear;
import static io.rapport.crm.loyalty.TierPrograms.day;
import static io.rapport.crm.loyalty.TierPrograms.fourTiers;
import static io.rapport.crm.loyalty.TierPrograms.program;
import static io.rapport.crm.loyalty.TierPrograms.purchase;
import static io.rapport.crm.loyalty.TierPrograms.reversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The tier engine on hand-written histories: windows, upgrades, notices, downgrades, reversals. */
class TierEngineTest {

  static final Instant JOINED = LocalDateTime.parse("2025-03-15T10:30").atZone(SHANGHAI)
      .toInstant();
  static final LoyaltyProgram ONE_LEVEL = calendarYear(Period.ofMonths(3),
      DowngradePolicy.ONE_LEVEL);
  static final LoyaltyProgram TO_BASE = calendarYear(Period.ofMonths(3),
      DowngradePolicy.TO_BASE);

  static TierTimeline replay(LoyaltyProgram program, Seq<QualifyingEntry> history, Instant at) {
    return TierEngine.replay(program, JOINED, history, at);
  }

  @Test
  void calendarYearEvaluatesEachFirstOfJanuaryInTheProgramsZone() {
    assertThat(TierEngine.nextEvaluation(ONE_LEVEL, JOINED, JOINED)).isEqualTo(day("2026-01-01"));
    assertThat(TierEngine.nextEvaluation(ONE_LEVEL, JOINED, day("2026-01-01")))
        .isEqualTo(day("2027-01-01"));
    assertThat(TierEngine.nextEvaluation(ONE_LEVEL, JOINED, day("2026-01-01").minusNanos(1)))
        .isEqualTo(day("2026-01-01"));
    assertThat(TierEngine.nextEvaluation(ONE_LEVEL, JOINED, JOINED.minus(Duration.ofDays(900))))
        .as("never before joining").isEqualTo(day("2026-01-01"));
  }

  @Test
  void anniversaryEvaluatesAtMidnightOfEachAnniversaryAndLeapDaysFallOnTheTwentyEighth() {
    LoyaltyProgram program = program(fourTiers(), new TierWindow.Anniversary(), Period.ZERO,
        DowngradePolicy.ONE_LEVEL);
    assertThat(TierEngine.nextEvaluation(program, JOINED, JOINED)).isEqualTo(day("2026-03-15"));
    assertThat(TierEngine.nextEvaluation(program, JOINED, day("2026-03-15")))
        .isEqualTo(day("2027-03-15"));
    Instant leap = LocalDateTime.parse("2024-02-29T18:00").atZone(SHANGHAI).toInstant();
    assertThat(TierEngine.nextEvaluation(program, leap, leap)).isEqualTo(day("2025-02-28"));
    assertThat(TierEngine.nextEvaluation(program, leap, day("2027-03-01")))
        .isEqualTo(day("2028-02-29"));
  }

  @Test
  void rollingEvaluatesOnTheFirstOfEveryMonth() {
    LoyaltyProgram program = program(fourTiers(), new TierWindow.Rolling(6), Period.ZERO,
        DowngradePolicy.ONE_LEVEL);
    assertThat(TierEngine.nextEvaluation(program, JOINED, JOINED)).isEqualTo(day("2025-04-01"));
    assertThat(TierEngine.nextEvaluation(program, JOINED, day("2025-04-01")))
        .isEqualTo(day("2025-05-01"));
  }

  @Test
  void upgradesAtOnceToTheHighestTierReached() {
    Seq<QualifyingEntry> history = List.of(
        purchase("P-1", day("2025-04-01"), 600, "100.00"),
        purchase("P-2", day("2025-05-01"), 500, "100.00"),
        purchase("P-3", day("2025-06-01"), 0, "30000.00"));
    TierTimeline timeline = replay(ONE_LEVEL, history, day("2025-07-01"));
    assertThat(timeline.changes()).containsExactly(
        new TierChange("member", "silver", day("2025-05-01"), TierChangeReason.UPGRADE),
        new TierChange("silver", "gold", day("2025-06-01"), TierChangeReason.UPGRADE));
    assertThat(timeline.status()).isEqualTo(new TierStatus("gold", day("2025-06-01"),
        day("2026-01-01"), Option.none()));
    TierTimeline jump = replay(ONE_LEVEL, List.of(purchase("P-9", day("2025-04-01"), 25_000,
        "1.00")), day("2025-04-02"));
    assertThat(jump.changes()).containsExactly(new TierChange("member", "platinum",
        day("2025-04-01"), TierChangeReason.UPGRADE));
  }

  @Test
  void keepsTheTierWhenTheEvaluatedYearReachesIt() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 6_000, "0.00"),
        purchase("P-2", day("2026-11-01"), 5_000, "0.00"));
    TierTimeline timeline = replay(ONE_LEVEL, history, day("2027-06-01"));
    assertThat(timeline.status().tier()).isEqualTo("gold");
    assertThat(timeline.notices()).isEmpty();
    assertThat(timeline.status().nextEvaluation()).isEqualTo(day("2028-01-01"));
  }

  @Test
  void issuesANoticeAtTheEvaluationAndDowngradesOneLevelWhenGraceEnds() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 6_000, "0.00"));
    TierTimeline atNotice = replay(ONE_LEVEL, history, day("2027-01-01"));
    TierNotice notice = new TierNotice(day("2027-01-01"), day("2027-04-01"));
    assertThat(atNotice.status().tier()).isEqualTo("gold");
    assertThat(atNotice.status().notice()).contains(notice);
    assertThat(atNotice.status().dueAt()).isEqualTo(day("2027-04-01"));
    TierTimeline after = replay(ONE_LEVEL, history, day("2027-04-01"));
    assertThat(after.status()).isEqualTo(new TierStatus("silver", day("2027-04-01"),
        day("2028-01-01"), Option.none()));
    assertThat(after.notices()).containsExactly(notice);
    assertThat(after.changes().last()).isEqualTo(new TierChange("gold", "silver",
        day("2027-04-01"), TierChangeReason.DOWNGRADE));
    TierTimeline later = replay(ONE_LEVEL, history, day("2028-04-01"));
    assertThat(later.status().tier()).as("one level per evaluation").isEqualTo("member");
  }

  @Test
  void toBaseFallsToTheBaseUnlessTheCurrentWindowReachesMore() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 6_000, "0.00"));
    assertThat(replay(TO_BASE, history, day("2027-04-01")).status().tier()).isEqualTo("member");
    Seq<QualifyingEntry> someThisYear = history.append(purchase("P-2", day("2027-02-01"), 1_500,
        "0.00"));
    TierTimeline timeline = replay(TO_BASE, someThisYear, day("2027-04-01"));
    assertThat(timeline.status().tier()).isEqualTo("silver");
    assertThat(timeline.status().notice()).isEmpty();
  }

  @Test
  void aNoticeIsClearedWhenActivityReachesTheTierAgainDuringGrace() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 6_000, "0.00"),
        purchase("P-2", day("2027-02-01"), 0, "25000.00"));
    TierTimeline timeline = replay(ONE_LEVEL, history, day("2027-06-01"));
    assertThat(timeline.notices()).hasSize(1);
    assertThat(timeline.status()).isEqualTo(new TierStatus("gold", day("2025-04-01"),
        day("2028-01-01"), Option.none()));
    assertThat(timeline.changes()).hasSize(1);
  }

  @Test
  void zeroGraceDowngradesAtTheEvaluationItself() {
    LoyaltyProgram program = calendarYear(Period.ZERO, DowngradePolicy.ONE_LEVEL);
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 1_200, "0.00"));
    TierTimeline timeline = TierEngine.replay(program, JOINED, history, day("2027-01-01"));
    assertThat(timeline.status()).isEqualTo(new TierStatus("member", day("2027-01-01"),
        day("2028-01-01"), Option.none()));
    assertThat(timeline.notices()).containsExactly(new TierNotice(day("2027-01-01"),
        day("2027-01-01")));
  }

  @Test
  void evaluationsComeBeforeEntriesAtTheSameInstant() {
    LoyaltyProgram program = calendarYear(Period.ZERO, DowngradePolicy.TO_BASE);
    // Bought at exactly 1 January 00:00: counts for the new year, not for the evaluated one.
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 1_200, "0.00"),
        purchase("P-2", day("2027-01-01"), 1_000, "0.00"));
    TierTimeline timeline = TierEngine.replay(program, JOINED, history, day("2027-01-01"));
    // The evaluation did not see P-2 (so it issued a notice), but the landing did: no change.
    assertThat(timeline.notices()).containsExactly(new TierNotice(day("2027-01-01"),
        day("2027-01-01")));
    assertThat(timeline.changes().map(TierChange::to)).containsExactly("silver");
    assertThat(timeline.status().since()).isEqualTo(day("2025-04-01"));
  }

  @Test
  void rollingWindowsLetOldActivityAgeOut() {
    LoyaltyProgram program = program(fourTiers(), new TierWindow.Rolling(3), Period.ZERO,
        DowngradePolicy.ONE_LEVEL);
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-10"), 600, "0.00"),
        purchase("P-2", day("2025-07-05"), 500, "0.00"));
    // On 5 July the window is (5 April, 5 July]: both purchases count.
    assertThat(TierEngine.replay(program, JOINED, history, day("2025-07-05")).status().tier())
        .isEqualTo("silver");
    Seq<QualifyingEntry> late = List.of(purchase("P-1", day("2025-04-10"), 600, "0.00"),
        purchase("P-2", day("2025-07-15"), 500, "0.00"));
    assertThat(TierEngine.replay(program, JOINED, late, day("2025-07-15")).status().tier())
        .isEqualTo("member");
    // At 1 August the evaluation looks at May to July: only P-2, so silver is lost at once.
    TierTimeline timeline = TierEngine.replay(program, JOINED, history, day("2025-08-01"));
    assertThat(timeline.status().tier()).isEqualTo("member");
    assertThat(timeline.changes().last().at()).isEqualTo(day("2025-08-01"));
  }

  @Test
  void anniversaryLooksAtTheMembershipYear() {
    LoyaltyProgram program = program(fourTiers(), new TierWindow.Anniversary(), Period.ZERO,
        DowngradePolicy.TO_BASE);
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-12-01"), 1_200, "0.00"));
    TierTimeline kept = TierEngine.replay(program, JOINED, history, day("2026-03-15"));
    assertThat(kept.status().tier()).as("window of the first year").isEqualTo("silver");
    assertThat(kept.notices()).isEmpty();
    TierTimeline lost = TierEngine.replay(program, JOINED, history, day("2027-03-15"));
    assertThat(lost.status().tier()).isEqualTo("member");
    assertThat(lost.changes().last()).isEqualTo(new TierChange("silver", "member",
        day("2027-03-15"), TierChangeReason.DOWNGRADE));
  }

  @Test
  void aReversalCountsAgainstItsSourceFromItsOwnTimeOn() {
    QualifyingEntry big = purchase("P-1", day("2025-04-01"), 5_500, "0.00");
    QualifyingEntry small = purchase("P-2", day("2025-05-01"), 200, "0.00");
    QualifyingEntry refund = reversal(big, day("2025-06-01"));
    Seq<QualifyingEntry> history = List.of(big, small, refund);
    assertThat(replay(ONE_LEVEL, history, day("2025-05-31")).status().tier()).isEqualTo("gold");
    TierTimeline after = replay(ONE_LEVEL, history, day("2025-06-01"));
    assertThat(after.status().tier()).isEqualTo("member");
    assertThat(after.status()).isEqualTo(replay(ONE_LEVEL, List.of(small), day("2025-06-01"))
        .status());
    QualifyingEntry partial = new QualifyingEntry(day("2025-06-01"), big.source(),
        io.vavr.collection.HashMap.of(CREDITS, -4_000L), TierPrograms.cny("0.00"), 0, 0, true);
    TierTimeline netted = replay(ONE_LEVEL, List.of(big, small, partial), day("2025-06-01"));
    assertThat(netted.status()).isEqualTo(new TierStatus("silver", day("2025-04-01"),
        day("2026-01-01"), Option.none()));
  }

  @Test
  void advanceGoesOnFromAKnownStatus() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 6_000, "0.00"),
        purchase("P-2", day("2027-02-01"), 1_000, "0.00"));
    TierTimeline first = replay(ONE_LEVEL, history, day("2026-12-31"));
    TierTimeline advanced = TierEngine.advance(ONE_LEVEL, JOINED, history, first.status(),
        day("2026-12-31"), day("2027-05-01"));
    assertThat(advanced.status()).isEqualTo(replay(ONE_LEVEL, history, day("2027-05-01"))
        .status());
    assertThat(advanced.changes()).containsExactly(new TierChange("gold", "silver",
        day("2027-04-01"), TierChangeReason.DOWNGRADE));
    assertThat(advanced.notices()).containsExactly(new TierNotice(day("2027-01-01"),
        day("2027-04-01")));
  }

  @Test
  void projectsWhatIsMissingToReachTheNextTierAndToKeepThisOne() {
    Seq<QualifyingEntry> history = List.of(purchase("P-1", day("2025-04-01"), 1_200, "3000.50"),
        purchase("P-2", day("2027-02-01"), 300, "1200.00"));
    Instant asOf = day("2027-03-01");
    TierStatus status = replay(ONE_LEVEL, history, asOf).status();
    TierProjection projection = TierEngine.project(ONE_LEVEL, JOINED, history, status, asOf);
    assertThat(projection.tier()).isEqualTo("silver");
    assertThat(projection.nextTier()).contains("gold");
    assertThat(projection.nextEvaluation()).isEqualTo(day("2028-01-01"));
    assertThat(projection.notice()).contains(new TierNotice(day("2027-01-01"),
        day("2027-04-01")));
    assertThat(projection.toReachNext().map(TierShortfall::missing))
        .containsExactly(new BigDecimal("4700"), new BigDecimal("18800.00"));
    assertThat(projection.toKeep().map(TierShortfall::reached))
        .containsExactly(new BigDecimal("300"), new BigDecimal("1200.00"));
    assertThat(projection.toKeep().map(TierShortfall::missing))
        .containsExactly(new BigDecimal("700"), new BigDecimal("3800.00"));
    assertThat(projection.keepsTier()).isFalse();
  }

  @Test
  void theTopTierHasNothingToReachAndTheBaseNothingToKeep() {
    TierStatus top = new TierStatus("platinum", JOINED, day("2026-01-01"), Option.none());
    TierProjection atTop = TierEngine.project(ONE_LEVEL, JOINED, List.empty(), top, JOINED);
    assertThat(atTop.nextTier()).isEmpty();
    assertThat(atTop.toReachNext()).isEmpty();
    assertThat(atTop.toKeep()).hasSize(2);
    TierStatus base = new TierStatus("member", JOINED, day("2026-01-01"), Option.none());
    TierProjection atBase = TierEngine.project(ONE_LEVEL, JOINED, List.empty(), base, JOINED);
    assertThat(atBase.toKeep()).isEmpty();
    assertThat(atBase.keepsTier()).isTrue();
  }

  @Test
  void refusesTimesBeforeTheStartAndUnknownTiers() {
    assertThatThrownBy(() -> TierEngine.replay(ONE_LEVEL, JOINED, List.empty(),
        JOINED.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    TierStatus status = new TierStatus("member", JOINED, day("2026-01-01"), Option.none());
    assertThatThrownBy(() -> TierEngine.advance(ONE_LEVEL, JOINED, List.empty(), status,
        day("2025-06-01"), day("2025-05-01"))).isInstanceOf(IllegalArgumentException.class);
    TierStatus unknown = new TierStatus("diamond", JOINED, day("2026-01-01"), Option.none());
    assertThatThrownBy(() -> TierEngine.advance(ONE_LEVEL, JOINED, List.empty(), unknown,
        JOINED, day("2025-05-01"))).isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations().head().code()).isEqualTo("loyalty.tier.unknown"));
    assertThatThrownBy(() -> TierEngine.nextEvaluation(null, JOINED, JOINED))
        .isInstanceOf(NullPointerException.class).hasMessage("program");
  }
}
