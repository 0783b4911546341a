package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.generators.KernelGenerators.money;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.testkit.laws.MoneyLaws;
import io.vavr.collection.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The laws catch the mistakes they exist for. */
class MoneyLawsTest {

  @Test
  void catchesADivisionThatLosesAMinorUnit() {
    // Rounding each third separately loses or invents a cent on amounts like 0.10.
    assertThatThrownBy(() -> MoneyLaws.conservesTotal(money(), m -> {
      Money third = m.times(new BigDecimal("0.3333333333"), RoundingMode.HALF_UP);
      return List.of(third, third, third);
    })).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAnUnevenSplit() {
    // All in the first part, nothing in the second: conserving, but not even.
    assertThatThrownBy(() -> MoneyLaws.splitsEvenly(money(),
        m -> List.of(m, Money.zero(m.currency())))).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesARoundingRuleThatIsNotAdditive() {
    assertThatThrownBy(() -> MoneyLaws.isAdditive(money(Currency.getInstance("EUR")),
        m -> m.times(new BigDecimal("0.5"), RoundingMode.HALF_UP)))
        .isInstanceOf(AssertionError.class);
  }

}
