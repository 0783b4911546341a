package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.TierPrograms.CREDITS;
import static io.rapport.crm.loyalty.TierPrograms.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.HashMap;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** The tier engine's laws on random programs and histories, decoded from plain integers. */
class TierEngineProperties {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final Instant JOINED = Instant.parse("2025-02-28T20:15:00Z");
  static final long HORIZON_MINUTES = 3L * 366 * 24 * 60;

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(400);
  }

  static Gen<List<Integer>> codes() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 30);
  }

  static LoyaltyProgram program(int code) {
    TierWindow window;
    switch (code % 4) {
      case 0:
        window = new TierWindow.CalendarYear();
        break;
      case 1:
        window = new TierWindow.Anniversary();
        break;
      default:
        window = new TierWindow.Rolling(1 + (code / 4) % 13);
        break;
    }
    Period[] graces = {Period.ZERO, Period.ofMonths(1), Period.ofMonths(3), Period.ofDays(45),
        Period.ofYears(1)};
    Period grace = graces[(code / 64) % graces.length];
    DowngradePolicy policy = DowngradePolicy.values()[(code / 1024) % 2];
    return TierPrograms.program(TierPrograms.fourTiers(), window, grace, policy);
  }

  /** Decodes integers into a time-ordered history with some full and partial reversals. */
  static Vector<QualifyingEntry> history(List<Integer> codes) {
    ArrayList<QualifyingEntry> entries = new ArrayList<>();
    ArrayList<QualifyingEntry> originals = new ArrayList<>();
    Instant at = JOINED;
    for (int i = 0; i < codes.size(); i++) {
      int code = codes.get(i);
      long step = (code % 9 == 0) ? 0 : (code / 7) % (HORIZON_MINUTES / 12);
      at = at.plus(Duration.ofMinutes(step));
      if (code % 5 == 0 && !originals.isEmpty()) {
        QualifyingEntry source = originals.remove((code / 5) % originals.size());
        boolean full = (code / 11) % 2 == 0;
        long credits = source.points().getOrElse(CREDITS, 0L);
        long taken = full ? credits : credits / 2;
        entries.add(new QualifyingEntry(at, source.source(),
            taken == 0 ? HashMap.empty() : HashMap.of(CREDITS, -taken),
            full ? source.spend().negated() : cny("0.00"), full ? -source.purchases() : 0, 0,
            true));
      } else {
        long credits = ((code / 13) % 4) * (1 + (code / 53) % 4_000);
        String spend = (code / 3) % 3 == 0 ? ((code / 17) % 30_000) + ".00" : "0.00";
        QualifyingEntry entry = new QualifyingEntry(at, RecordRef.to(PurchaseId.parse("P-" + i)),
            credits == 0 ? HashMap.empty() : HashMap.of(CREDITS, credits), cny(spend), 1, 0,
            false);
        entries.add(entry);
        originals.add(entry);
      }
    }
    return Vector.ofAll(entries);
  }

  @Test
  void advanceAgreesWithReplayAtEverySplitWithoutALaterReversal() {
    qt().forAll(integers().allPositive(), codes(), integers().between(0, 1_000_000),
        integers().between(0, 1_000_000)).checkAssert((programCode, codes, a, b) -> {
          LoyaltyProgram program = program(programCode);
          Vector<QualifyingEntry> history = history(codes);
          Instant lastReversal = history.filter(QualifyingEntry::reversal)
              .map(QualifyingEntry::at).maxBy(Instant::compareTo).getOrElse(JOINED);
          Instant end = history.last().at().plus(Duration.ofDays(800));
          long span = Duration.between(lastReversal, end).toMinutes();
          Instant t1 = lastReversal.plus(Duration.ofMinutes(span * Math.min(a, b) / 1_000_000));
          Instant t2 = lastReversal.plus(Duration.ofMinutes(span * Math.max(a, b) / 1_000_000));
          TierTimeline first = TierEngine.replay(program, JOINED, history, t1);
          TierTimeline whole = TierEngine.replay(program, JOINED, history, t2);
          TierTimeline advanced = TierEngine.advance(program, JOINED, history, first.status(),
              t1, t2);
          assertThat(advanced.status()).as("status at %s from %s", t2, t1)
              .isEqualTo(whole.status());
          assertThat(first.changes().appendAll(advanced.changes())).as("changes")
              .isEqualTo(whole.changes());
          assertThat(first.notices().appendAll(advanced.notices())).as("notices")
              .isEqualTo(whole.notices());
        });
  }

  @Test
  void replayIsAPureFunctionOfHistoryAndDate() {
    qt().forAll(integers().allPositive(), codes(), integers().between(0, 1_000_000))
        .checkAssert((programCode, codes, a) -> {
          LoyaltyProgram program = program(programCode);
          Vector<QualifyingEntry> history = history(codes);
          Instant asOf = JOINED.plus(Duration.ofMinutes(HORIZON_MINUTES * a / 1_000_000));
          assertThat(TierEngine.replay(program, JOINED, history, asOf))
              .isEqualTo(TierEngine.replay(program, JOINED, io.vavr.collection.List.ofAll(history),
                  asOf));
        });
  }

  @Test
  void theStatusIsAlwaysConsistent() {
    qt().forAll(integers().allPositive(), codes(), integers().between(0, 1_000_000))
        .checkAssert((programCode, codes, a) -> {
          LoyaltyProgram program = program(programCode);
          Vector<QualifyingEntry> history = history(codes);
          Instant asOf = JOINED.plus(Duration.ofMinutes(HORIZON_MINUTES * a / 1_000_000));
          TierTimeline timeline = TierEngine.replay(program, JOINED, history, asOf);
          TierStatus status = timeline.status();
          assertThat(status.nextEvaluation())
              .isEqualTo(TierEngine.nextEvaluation(program, JOINED, asOf)).isAfter(asOf);
          assertThat(status.since()).isEqualTo(timeline.changes().lastOption()
              .map(TierChange::at).getOrElse(JOINED));
          assertThat(status.tier()).isEqualTo(timeline.changes().lastOption()
              .map(TierChange::to).getOrElse("member"));
          status.notice().forEach(notice -> assertThat(notice.effectiveAt()).isAfter(asOf));
          timeline.changes().sliding(2).forEach(pair -> {
            if (pair.size() == 2) {
              assertThat(pair.get(1).from()).isEqualTo(pair.get(0).to());
              assertThat(pair.get(1).at()).isAfterOrEqualTo(pair.get(0).at());
            }
          });
        });
  }

  @Test
  void decodedHistoriesUpgradeAndDowngrade() {
    java.util.Set<TierChangeReason> reasons = new java.util.HashSet<>();
    qt().forAll(integers().allPositive(), codes()).checkAssert((programCode, codes) -> {
      Vector<QualifyingEntry> history = history(codes);
      TierEngine.replay(program(programCode), JOINED, history,
          history.last().at().plus(Duration.ofDays(800))).changes()
          .forEach(change -> reasons.add(change.reason()));
    });
    assertThat(reasons).containsExactlyInAnyOrder(TierChangeReason.UPGRADE,
        TierChangeReason.DOWNGRADE);
  }
}
