package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.testkit.generators.ValueGenerators;
import io.rapport.crm.value.PeriodUnit;
import org.junit.jupiter.api.Test;

/** The value generators yield valid values and the cases the laws need. */
class ValueGeneratorsProperties {

  @Test
  void rowsMixRefundsZeroAmountsSameDayPurchasesAndLateRows() {
    boolean[] seen = new boolean[4];
    Theories.qt().forAll(ValueGenerators.transactionRows()).checkAssert(rows -> {
      seen[0] |= rows.exists(r -> r.amountMinor() < 0);
      seen[1] |= rows.exists(r -> r.amountMinor() == 0);
      seen[2] |= rows.groupBy(r -> r.customer() + r.day()).exists(g -> g._2.size() > 1);
      seen[3] |= rows.exists(r -> r.day().isAfter(ValueGenerators.OBSERVATION_END));
      assertThat(ValueGenerators.logOf(rows).size()).isEqualTo(rows.size());
    });
    assertThat(seen).containsOnly(true);
  }

  @Test
  void summaryTablesHoldValidRows() {
    Theories.qt().forAll(ValueGenerators.summaryTables(PeriodUnit.WEEKS)).checkAssert(table -> {
      assertThat(table.unit()).isEqualTo(PeriodUnit.WEEKS);
      for (int i = 0; i < table.size(); i++) {
        assertThat(table.recency(i)).isBetween(0.0, table.age(i));
      }
    });
  }

  @Test
  void policiesCoverEveryRule() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    Theories.qt().forAll(ValueGenerators.summaryPolicies()).checkAssert(policy -> {
      seen.add(policy.sameDay() + "/" + policy.refunds() + "/" + policy.zeroAmounts());
      assertThat(policy.observationEnd()).isEqualTo(ValueGenerators.OBSERVATION_END);
    });
    assertThat(seen).hasSize(8);
  }
}
