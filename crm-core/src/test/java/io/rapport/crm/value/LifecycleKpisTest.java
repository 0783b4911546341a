package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LifecycleKpisTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  static final LocalDate START = LocalDate.of(2026, 5, 23);

  static PurchaseHistory history(String customer, String... days) {
    return new PurchaseHistory(customer, List.of(days).map(LocalDate::parse));
  }

  static LifecycleKpis kpis(Seq<LifecycleKpis> all, LifecycleSegment segment) {
    return all.find(k -> k.segment() == segment).get();
  }

  @Test
  void computesEachSegmentsKpisByHand() {
    Seq<PurchaseHistory> histories = List.of(
        history("n1", "2026-08-01"), // new, one purchase
        history("n2", "2026-07-01", "2026-07-11", "2026-07-31"), // new, gaps 10 + 20
        history("a1", "2025-01-01", "2026-06-01", "2026-10-01"), // active; inactive on START
        history("a2", "2025-12-01", "2026-06-10"), // active; bought 2025-12 so not inactive then
        history("i1", "2024-01-01"), // inactive all along
        history("o1", "2024-01-01", "2026-09-01"), // occasional, reactivated
        history("p1"));
    Seq<LifecycleKpis> all = LifecycleKpis.of(LifecycleSegments.standard(), histories,
        HashMap.of("n1", 4.0, "n2", 5.0, "i1", 2.0, "nobody", 1.0), START, AS_OF);
    assertThat(all.map(LifecycleKpis::segment)).containsExactly(LifecycleSegment.values());

    LifecycleKpis fresh = kpis(all, LifecycleSegment.NEW);
    assertThat(fresh.customers()).isEqualTo(2);
    assertThat(fresh.firstPurchaseSatisfaction()).isEqualTo(Option.some(4.5));
    assertThat(fresh.satisfactionAnswers()).isEqualTo(2);
    assertThat(fresh.repeatPurchaseRate()).isEqualTo(Option.some(0.5));
    assertThat(fresh.meanDaysBetweenPurchases()).isEqualTo(Option.some(15.0));
    assertThat(fresh.inactiveAtStart()).isZero();
    assertThat(fresh.reactivationRate()).isEqualTo(Option.none());

    LifecycleKpis active = kpis(all, LifecycleSegment.ACTIVE);
    assertThat(active.customers()).isEqualTo(2);
    assertThat(active.repeatPurchaseRate()).isEqualTo(Option.some(1.0));
    // a1: 638 days over 2 gaps; a2: 191 days over 1 gap → 829 / 3
    assertThat(active.meanDaysBetweenPurchases().get()).isCloseTo(829.0 / 3,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(active.inactiveAtStart()).isEqualTo(1);
    assertThat(active.reactivationRate()).isEqualTo(Option.some(1.0));
    assertThat(active.firstPurchaseSatisfaction()).isEqualTo(Option.none());

    LifecycleKpis inactive = kpis(all, LifecycleSegment.INACTIVE);
    assertThat(inactive.customers()).isEqualTo(1);
    assertThat(inactive.inactiveAtStart()).isEqualTo(1);
    assertThat(inactive.reactivationRate()).isEqualTo(Option.some(0.0));
    assertThat(inactive.repeatPurchaseRate()).isEqualTo(Option.some(0.0));
    assertThat(inactive.meanDaysBetweenPurchases()).isEqualTo(Option.none());

    LifecycleKpis occasional = kpis(all, LifecycleSegment.OCCASIONAL);
    assertThat(occasional.reactivationRate()).isEqualTo(Option.some(1.0));

    LifecycleKpis prospects = kpis(all, LifecycleSegment.PROSPECT);
    assertThat(prospects.customers()).isEqualTo(1);
    assertThat(prospects.repeatPurchaseRate()).isEqualTo(Option.none());
  }

  @Test
  void kpisDoNotDependOnTheOrderOfHistories() {
    Seq<PurchaseHistory> histories = List.of(history("a", "2026-01-01", "2026-10-01"),
        history("b", "2024-02-02"), history("c", "2026-09-09", "2026-09-19"));
    assertThat(LifecycleKpis.of(LifecycleSegments.standard(), histories.reverse(),
        HashMap.of("c", 3.0), START, AS_OF))
        .isEqualTo(LifecycleKpis.of(LifecycleSegments.standard(), histories,
            HashMap.of("c", 3.0), START, AS_OF));
  }

  @Test
  void aBackwardPeriodAndBadScoresAreReportedTogether() {
    assertThatThrownBy(() -> LifecycleKpis.of(LifecycleSegments.standard(), List.empty(),
        HashMap.of("a", Double.NaN), AS_OF.plusDays(1), AS_OF))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("value.lifecycle.period_invalid",
                "value.lifecycle.score_invalid"));
  }
}
