package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ValuePyramidTest {

  @Test
  void splitsOneHundredCustomersOneFourFifteenEighty() {
    Seq<Double> clvs = List.range(0, 100).map(i -> (double) (100 - i));
    ValuePyramid pyramid = ValuePyramid.of(clvs, ValuePyramid.Cutoffs.DEFAULT);
    assertThat(pyramid.tiers().map(ValuePyramid.Tier::customers)).containsExactly(1, 4, 15, 80);
    assertThat(pyramid.tiers().map(ValuePyramid.Tier::name))
        .containsExactly("top 1 %", "next 4 %", "next 15 %", "rest");
    // total 5050; the top customer 100, next 99+98+97+96 = 390, next 95…81 = 1320, rest 3240
    assertThat(pyramid.tiers().map(ValuePyramid.Tier::clv))
        .containsExactly(100.0, 390.0, 1320.0, 3240.0);
    assertThat(pyramid.tiers().get(0).shareOfEquity()).isCloseTo(100 / 5050.0, within(1e-15));
    assertThat(pyramid.equity().value()).isEqualTo(5050.0);
    assertThat(pyramid.tierOf(0)).isEqualTo("top 1 %");
    assertThat(pyramid.tierOf(99)).isEqualTo("rest");
  }

  @Test
  void tiesShareTheHigherTierAndSmallBasesStillHaveATop() {
    ValuePyramid ties = ValuePyramid.of(List.of(5.0, 5.0, 5.0, 1.0), ValuePyramid.Cutoffs.DEFAULT);
    // ⌈0.01 · 4⌉ = 1: the three equal top customers all have rank 0, so all are in the top tier
    assertThat(ties.tiers().map(ValuePyramid.Tier::customers)).containsExactly(3, 0, 0, 1);
    ValuePyramid empty = ValuePyramid.of(List.empty(), ValuePyramid.Cutoffs.DEFAULT);
    assertThat(empty.tiers().map(ValuePyramid.Tier::customers)).containsExactly(0, 0, 0, 0);
    assertThat(empty.tiers().map(ValuePyramid.Tier::shareOfEquity)).containsOnly(0.0);
  }

  @Test
  void propertiesTotalAndOrderIndependent() {
    ClvTestData.qt().forAll(lists().of(integers().between(-100, 1000)).ofSizeBetween(0, 300),
        integers().between(0, 1000)).checkAssert((values, seed) -> {
          Seq<Double> clvs = List.ofAll(values).map(v -> (double) v);
          Seq<Double> shuffled = clvs.zipWithIndex()
              .sortBy(p -> (p._2 * 7919L + seed) % 1009).map(p -> p._1);
          ValuePyramid a = ValuePyramid.of(clvs, ValuePyramid.Cutoffs.DEFAULT);
          ValuePyramid b = ValuePyramid.of(shuffled, ValuePyramid.Cutoffs.DEFAULT);
          assertThat(a.tiers().map(ValuePyramid.Tier::customers).sum().intValue())
              .isEqualTo(clvs.size());
          assertThat(a.tiers()).isEqualTo(b.tiers());
          for (int i = 0; i < clvs.size(); i++) {
            double clv = clvs.get(i);
            int index = shuffled.indexOf(clv);
            assertThat(a.tierIndex(i)).isEqualTo(b.tierIndex(index));
          }
        });
  }

  @Test
  void equityConvertsToMoneyAndRefusesBadInput() {
    ClvTable table = new ClvTable(new String[] {"a", "b"}, new double[] {1, 1},
        new double[] {10, 10}, new double[] {10.005, 20.0});
    CustomerEquity equity = CustomerEquity.of(table);
    assertThat(equity.toMoney(Currency.getInstance("EUR"), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("30.01", Currency.getInstance("EUR")));
    assertThat(equity.average()).isCloseTo(15.0025, within(1e-12));
    assertThat(ValuePyramid.of(table, ValuePyramid.Cutoffs.DEFAULT).tierOf(1))
        .isEqualTo("top 1 %");
    assertThatThrownBy(() -> new ValuePyramid.Cutoffs(List.of("a", "a"), List.of(1.5, 0.2)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("value.pyramid.names_mismatch",
            "value.pyramid.name_duplicate", "value.pyramid.share_invalid"));
    assertThatThrownBy(() -> new ValuePyramid.Cutoffs(List.of("a", "b", "c"), List.of(0.6, 0.6)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.pyramid.shares_exceed_one");
    assertThatThrownBy(() -> ValuePyramid.of(List.of(1.0, Double.NaN),
        ValuePyramid.Cutoffs.DEFAULT)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.pyramid.clv_invalid");
  }
}
