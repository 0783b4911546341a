package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.testkit.generators.SegmentGenerators;
import io.rapport.crm.testkit.laws.SegmentLaws;
import io.rapport.crm.value.LifecycleSegment;
import io.rapport.crm.value.LifecycleSegments;
import io.rapport.crm.value.PurchaseHistory;
import io.rapport.crm.value.RfmRule;
import io.rapport.crm.value.RfmScore;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.ScoreRange;
import io.rapport.crm.value.SummaryTable;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The library's segmentation keeps its laws, and each law catches a planted bug. */
class SegmentLawsTest {

  static final Gen<SummaryTable> TABLES = SegmentGenerators.summaryTables(80);
  static final Gen<Seq<PurchaseHistory>> HISTORIES = SegmentGenerators.histories();
  static final LocalDate AS_OF = SegmentGenerators.AS_OF;

  /** A team's own map on quartiles. */
  static final RfmSegments QUARTILES = RfmSegments.of(4, List.of(
      new RfmRule("best", ScoreRange.of(3, 4), ScoreRange.of(3, 4), ScoreRange.of(3, 4)),
      RfmRule.of("slipping", ScoreRange.of(1, 2), ScoreRange.of(3, 4), 4),
      RfmRule.catchAll("rest", 4)));

  @Test
  void theLibraryKeepsEveryLawWithTheStandardMap() {
    assertThatCode(() -> SegmentLaws.all(TABLES, RfmSegments.standard(), HISTORIES, AS_OF))
        .doesNotThrowAnyException();
  }

  @Test
  void theLibraryKeepsEveryLawWithATeamsMap() {
    assertThatCode(() -> SegmentLaws.all(TABLES, QUARTILES, HISTORIES, AS_OF))
        .doesNotThrowAnyException();
  }

  @Test
  void aScoreOneAboveTheTopIsCaught() {
    SegmentLaws.Engine planted = new SegmentLaws.Engine() {
      @Override
      public Seq<RfmScore> score(SummaryTable table, int bins) {
        // off by one: the top bin spills over to bins + 1
        return SegmentLaws.Engine.super.score(table, bins).map(s -> s.monetary() == bins
            ? new RfmScore(s.customer(), s.recency(), s.frequency(), bins + 1) : s);
      }
    };
    assertThatThrownBy(() -> SegmentLaws.scoresWithinBins(TABLES, 5, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aMapWithoutItsCatchAllIsCaught() {
    SegmentLaws.Engine planted = new SegmentLaws.Engine() {
      @Override
      public Seq<String> assign(RfmSegments map, Seq<RfmScore> scores) {
        // only the explicit rules: customers nobody matched are left without a segment
        Seq<RfmRule> explicit = map.rules().init();
        return scores.map(s -> explicit.find(r -> r.matches(s.recency(), s.frequency(),
            s.monetary())).map(RfmRule::name).getOrNull());
      }
    };
    assertThatThrownBy(() -> SegmentLaws.assignmentTotal(TABLES, RfmSegments.standard(),
        planted)).isInstanceOf(AssertionError.class);
  }

  @Test
  void tiesBrokenByRowPositionAreCaught() {
    SegmentLaws.Engine planted = new SegmentLaws.Engine() {
      @Override
      public Seq<RfmScore> score(SummaryTable table, int bins) {
        // ranks by a stable sort of total spend: equal spends get scores by their position
        int n = table.size();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(table.totalSpend(a), table.totalSpend(b)));
        int[] monetary = new int[n];
        for (int rank = 0; rank < n; rank++) {
          monetary[order[rank]] = 1 + bins * rank / n;
        }
        return SegmentLaws.Engine.super.score(table, bins).zipWithIndex().map(t ->
            new RfmScore(t._1.customer(), t._1.recency(), t._1.frequency(), monetary[t._2]));
      }
    };
    assertThatThrownBy(() -> SegmentLaws.stableUnderReordering(TABLES, RfmSegments.standard(),
        planted)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aLifecycleThatDropsProspectsIsCaught() {
    SegmentLaws.Engine planted = new SegmentLaws.Engine() {
      @Override
      public Seq<Tuple2<String, LifecycleSegment>> lifecycle(LifecycleSegments segments,
          Seq<PurchaseHistory> histories, LocalDate asOf) {
        return SegmentLaws.Engine.super.lifecycle(segments, histories, asOf)
            .filter(p -> p._2 != LifecycleSegment.PROSPECT);
      }
    };
    assertThatThrownBy(() -> SegmentLaws.lifecycleTotalAndStable(HISTORIES,
        LifecycleSegments.standard(), AS_OF, planted)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aLifecycleThatCarriesStateFromTheCustomerBeforeIsCaught() {
    SegmentLaws.Engine planted = new SegmentLaws.Engine() {
      @Override
      public Seq<Tuple2<String, LifecycleSegment>> lifecycle(LifecycleSegments segments,
          Seq<PurchaseHistory> histories, LocalDate asOf) {
        // a stale variable: a customer without purchases inherits the previous one's days
        List<Tuple2<String, LifecycleSegment>> out = List.empty();
        Seq<LocalDate> previous = List.empty();
        for (PurchaseHistory h : histories) {
          Seq<LocalDate> days = h.days().isEmpty() ? previous : h.days();
          out = out.append(new Tuple2<>(h.customer(),
              segments.segmentOf(new PurchaseHistory(h.customer(), days), asOf)));
          previous = days;
        }
        return out;
      }
    };
    assertThatThrownBy(() -> SegmentLaws.lifecycleTotalAndStable(HISTORIES,
        LifecycleSegments.standard(), AS_OF, planted)).isInstanceOf(AssertionError.class);
  }

  @Test
  void generatedMapsAreValidAndEndWithTheirCatchAll() {
    Theories.qt().forAll(SegmentGenerators.segmentMaps(5)).checkAssert(map -> {
      assertThat(RfmSegments.validated(map.bins(), map.rules()).isValid()).isTrue();
      assertThat(map.names().last()).isEqualTo("others");
      assertThat(map.rules().init()).noneMatch(r -> r.recency().equals(ScoreRange.of(1, 5))
          && r.frequency().equals(ScoreRange.of(1, 5)) && r.monetary().equals(ScoreRange.of(1,
          5)));
    });
  }

  @Test
  void generatedMapsKeepTheLawsToo() {
    Theories.qt().withExamples(20).forAll(SegmentGenerators.segmentMaps(5)).checkAssert(map ->
        assertThatCode(() -> SegmentLaws.assignmentTotal(SegmentGenerators.summaryTables(20), map,
            SegmentLaws.STANDARD)).doesNotThrowAnyException());
  }

  @Test
  void generatedInputHasTiesAndEverySegment() {
    java.util.Set<LifecycleSegment> seen = new java.util.HashSet<>();
    java.util.concurrent.atomic.AtomicInteger tiedTables = new java.util.concurrent.atomic
        .AtomicInteger();
    Theories.qt().withExamples(200).forAll(HISTORIES, TABLES).checkAssert((histories, table) -> {
      seen.addAll(LifecycleSegments.standard().assign(histories, AS_OF).values().toJavaList());
      if (table.size() > 5 && table.rows().map(r -> r.frequency()).distinct().size()
          < table.size()) {
        tiedTables.incrementAndGet();
      }
      assertThat(table.rows().map(r -> r.customer()).distinct()).hasSize(table.size());
    });
    assertThat(seen).containsExactlyInAnyOrder(LifecycleSegment.values());
    assertThat(tiedTables.get()).isGreaterThan(50);
  }
}
