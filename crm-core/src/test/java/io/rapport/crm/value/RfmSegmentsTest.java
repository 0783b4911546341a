package io.rapport.crm.value;

import static io.rapport.crm.value.SegmentPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmSegmentsTest {

  static final RfmSegments STANDARD = RfmSegments.standard();

  static String segment(int r, int f, int m) {
    return STANDARD.segmentOf(new RfmScore("c", r, f, m));
  }

  @Test
  void theStandardMapNamesTheUsualCells() {
    assertThat(segment(5, 5, 5)).isEqualTo("champions");
    assertThat(segment(4, 4, 4)).isEqualTo("champions");
    assertThat(segment(5, 5, 3)).isEqualTo("loyal customers");
    assertThat(segment(3, 4, 5)).isEqualTo("loyal customers");
    assertThat(segment(4, 3, 1)).isEqualTo("potential loyalists");
    assertThat(segment(5, 1, 5)).isEqualTo("new customers");
    assertThat(segment(4, 1, 2)).isEqualTo("promising");
    assertThat(segment(3, 3, 3)).isEqualTo("need attention");
    assertThat(segment(3, 2, 1)).isEqualTo("about to sleep");
    assertThat(segment(1, 5, 5)).isEqualTo("can't lose them");
    assertThat(segment(2, 5, 5)).isEqualTo("at risk");
    assertThat(segment(1, 3, 1)).isEqualTo("at risk");
    assertThat(segment(2, 1, 1)).isEqualTo("hibernating");
    assertThat(segment(1, 2, 4)).isEqualTo("lost");
    assertThat(segment(1, 1, 1)).isEqualTo("lost");
  }

  @Test
  void everyStandardSegmentIsReachable() {
    Set<String> reached = new HashSet<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          reached.add(segment(r, f, m));
        }
      }
    }
    assertThat(reached).containsExactlyInAnyOrderElementsOf(STANDARD.names());
    assertThat(STANDARD.names()).hasSize(11);
  }

  @Test
  void theFirstMatchingRuleWins() {
    RfmSegments map = RfmSegments.of(3, List.of(
        RfmRule.of("recent", ScoreRange.exactly(3), ScoreRange.of(1, 3), 3),
        RfmRule.of("frequent", ScoreRange.of(1, 3), ScoreRange.exactly(3), 3),
        RfmRule.catchAll("others", 3)));
    assertThat(map.segmentOf(new RfmScore("a", 3, 3, 1))).isEqualTo("recent");
    assertThat(map.segmentOf(new RfmScore("b", 2, 3, 1))).isEqualTo("frequent");
    assertThat(map.segmentOf(new RfmScore("c", 2, 2, 2))).isEqualTo("others");
  }

  @Test
  void validationReportsEveryProblemAtOnce() {
    Seq<Violation> problems = RfmSegments.validated(5, List.of(
        RfmRule.of(" ", ScoreRange.of(4, 5), ScoreRange.of(1, 5), 5),
        RfmRule.of("twice", ScoreRange.of(0, 5), ScoreRange.of(1, 5), 5),
        RfmRule.of("twice", ScoreRange.of(3, 2), ScoreRange.of(1, 6), 5),
        RfmRule.of("almost all", ScoreRange.of(1, 5), ScoreRange.of(2, 5), 5)))
        .getError();
    assertThat(problems).extracting(Violation::code, Violation::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("value.segment.name_blank", "rules[0].name"),
        org.assertj.core.groups.Tuple.tuple("value.segment.range_invalid", "rules[1].recency"),
        org.assertj.core.groups.Tuple.tuple("value.segment.name_duplicate", "rules[2].name"),
        org.assertj.core.groups.Tuple.tuple("value.segment.range_invalid", "rules[2].recency"),
        org.assertj.core.groups.Tuple.tuple("value.segment.range_invalid", "rules[2].frequency"),
        org.assertj.core.groups.Tuple.tuple("value.segment.no_catch_all", "rules"));
  }

  @Test
  void aCatchAllMustComeLastAndTheListMustNotBeEmpty() {
    assertThat(RfmSegments.validated(5, List.of(RfmRule.catchAll("all", 5),
            RfmRule.catchAll("never", 5))).getError())
        .extracting(Violation::code).containsExactly("value.segment.catch_all_not_last");
    assertThat(RfmSegments.validated(5, List.empty()).getError())
        .extracting(Violation::code).containsExactly("value.segment.no_catch_all");
    assertThat(RfmSegments.validated(1, List.of(RfmRule.catchAll("all", 1))).getError())
        .extracting(Violation::code).contains("value.segment.bins_invalid");
    assertThatThrownBy(() -> RfmSegments.of(5, List.empty()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void scoresOfAnotherScaleAreRefused() {
    RfmScores fours = RfmScores.of(RfmScoresTest.spends(1, 2, 3), 4);
    assertThatThrownBy(() -> STANDARD.assign(fours))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.segment.bins_mismatch"));
    assertThatThrownBy(() -> STANDARD.segmentOf(new RfmScore("x", 6, 1, 1)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.segment.score_outside"));
  }

  @Test
  void assignAndCountFollowTheRowsScores() {
    SummaryTable t = SummaryTable.builder(PeriodUnit.WEEKS)
        .add("star", 9, 39, 40, 50, 500)
        .add("gone", 0, 0, 40, 0, 5)
        .add("fresh", 0, 0, 1, 0, 20)
        .add("faded", 5, 10, 40, 30, 180)
        .add("steady", 3, 30, 40, 20, 80)
        .build();
    RfmScores scores = RfmScores.of(t);
    Seq<String> names = STANDARD.assign(scores);
    assertThat(names).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(names.get(i)).isEqualTo(STANDARD.segmentOf(scores.row(i)));
    }
    // star: R 4 (1 week, second best), F 5, M 5 → champions; gone: R 1, F 1 → lost
    assertThat(names.get(0)).isEqualTo("champions");
    assertThat(names.get(1)).isEqualTo("lost");
    Map<String, Integer> counts = STANDARD.counts(scores);
    assertThat(counts.keySet().toList()).isEqualTo(STANDARD.names().toList());
    assertThat(counts.values().sum().intValue()).isEqualTo(5);
    assertThat(counts.get("champions").get()).isEqualTo(1);
  }

  @Test
  void assignmentIsTotalAndStableUnderReordering() {
    qt().forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 80), longs().all())
        .checkAssert((values, seed) -> {
          java.util.List<Integer> order = new ArrayList<>(
              IntStream.range(0, values.size()).boxed().toList());
          SummaryTable table = RfmScoresTest.table(values, order);
          Collections.shuffle(order, new Random(seed));
          SummaryTable shuffled = RfmScoresTest.table(values, order);
          Map<String, String> first = byCustomer(table);
          assertThat(first).hasSize(values.size());
          assertThat(first.values()).allMatch(STANDARD.names()::contains);
          assertThat(byCustomer(shuffled)).isEqualTo(first);
        });
  }

  static Map<String, String> byCustomer(SummaryTable table) {
    RfmScores scores = RfmScores.of(table);
    Seq<String> names = STANDARD.assign(scores);
    return HashMap.ofEntries(IntStream.range(0, table.size())
        .mapToObj(i -> io.vavr.Tuple.of(scores.customer(i), names.get(i))).toList());
  }
}
