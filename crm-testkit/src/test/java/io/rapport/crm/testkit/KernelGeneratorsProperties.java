package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static io.rapport.crm.testkit.generators.KernelGenerators.allocationRatios;
import static io.rapport.crm.testkit.generators.KernelGenerators.discounts;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static io.rapport.crm.testkit.generators.KernelGenerators.money;
import static io.rapport.crm.testkit.generators.KernelGenerators.moneyBetween;
import static io.rapport.crm.testkit.generators.KernelGenerators.percentages;
import static io.rapport.crm.testkit.generators.KernelGenerators.quantities;
import static io.rapport.crm.testkit.generators.KernelGenerators.unitPrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.testkit.laws.MoneyLaws;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The testkit proves itself on the reference implementations: its values obey the kernel's laws. */
class KernelGeneratorsProperties {

  @Test
  void moneyRoundTripsThroughText() {
    qt().forAll(money()).check(m -> Money.parse(m.toString()).equals(m));
  }

  @Test
  void allocationConservesTheTotal() {
    qt().forAll(money(), allocationRatios())
        .check((m, ratios) -> Money.sum(m.currency(), m.allocate(ratios)).equals(m));
  }

  @Test
  void splitIsEvenAndConservingByTheReusableLaws() {
    assertThatCode(() -> {
      MoneyLaws.conservesTotal(money(), m -> m.split(7));
      MoneyLaws.splitsEvenly(money(), m -> m.split(7));
    }).doesNotThrowAnyException();
  }

  @Test
  void wholeNumberMultiplicationIsAdditive() {
    assertThatCode(() -> MoneyLaws.isAdditive(money(Currency.getInstance("CNY")), m -> m.times(3)))
        .doesNotThrowAnyException();
  }

  @Test
  void boundedMoneyStaysWithinItsBounds() {
    Money min = Money.of("-5.00", Currency.getInstance("EUR"));
    Money max = Money.of("12.34", Currency.getInstance("EUR"));
    qt().forAll(moneyBetween(min, max)).check(m -> !m.isLessThan(min) && !m.isGreaterThan(max));
  }

  @Test
  void quantitiesAreValidAndRoundTrip() {
    qt().forAll(quantities()).check(q -> Quantity.parse(q.toString()).equals(q)
        && q.amount().signum() >= 0
        && (q.unit().dimension() != QuantityUnit.Dimension.COUNT || q.amount().scale() == 0));
  }

  @Test
  void unitPricesRoundTripAndPriceAnyQuantityOfTheirDimension() {
    qt().forAll(unitPrices(), quantities())
        .assuming((price, q) -> price.unit().isConvertibleTo(q.unit()))
        .check((price, q) -> UnitPrice.parse(price.toString()).equals(price)
            && !price.priceOf(q, RoundingMode.HALF_EVEN).isNegative());
  }

  @Test
  void discountsStayBetweenZeroAndAHundredPercent() {
    qt().forAll(discounts()).check(p -> p.compareTo(Percentage.ZERO) >= 0
        && p.compareTo(Percentage.ONE_HUNDRED) <= 0);
    qt().forAll(percentages()).check(p -> Percentage.parse(p.toString()).equals(p));
  }

  @Test
  void idsAreValidForTheirKind() {
    qt().forAll(ids(CustomerId.KIND)).check(id -> CustomerId.KIND.validated(id.value()).isValid());
  }

  @Test
  void instantsStayInTheirRange() {
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant until = Instant.parse("2026-04-01T00:00:00Z");
    qt().forAll(instantsBetween(from, until)).check(i -> !i.isBefore(from) && i.isBefore(until));
  }
}
