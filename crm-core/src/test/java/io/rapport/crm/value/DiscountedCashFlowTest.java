package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class DiscountedCashFlowTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  private static Money eur(String amount) {
    return Money.of(amount, EUR);
  }

  @Test
  void retentionModelTextbookExample() {
    // 100 · 0.8 / (1 + 0.1 − 0.8) = 80 / 0.3 = 266.666…
    assertThat(DiscountedCashFlow.retention(eur("100"), new BigDecimal("0.8"),
        new BigDecimal("0.1"), RoundingMode.HALF_EVEN)).isEqualTo(eur("266.67"));
    assertThat(DiscountedCashFlow.retention(eur("100"), new BigDecimal("0.8"),
        new BigDecimal("0.1"), RoundingMode.DOWN)).isEqualTo(eur("266.66"));
  }

  @Test
  void threeYearsOfOneHundredAtTenPercent() {
    // 100/1.1 + 100/1.21 + 100/1.331 = 90.909… + 82.644… + 75.131… = 248.685…
    Seq<Money> margins = List.of(eur("100"), eur("100"), eur("100"));
    assertThat(DiscountedCashFlow.clv(margins, new BigDecimal("0.1"), RoundingMode.HALF_EVEN))
        .isEqualTo(eur("248.69"));
    assertThat(DiscountedCashFlow.clv(margins, BigDecimal.ZERO, RoundingMode.HALF_EVEN))
        .isEqualTo(DiscountedCashFlow.undiscounted(margins)).isEqualTo(eur("300.00"));
    // an uneven stream: −50 (acquisition) then 60 and 70 at 5 %: −47.619 + 54.422 + 60.469
    assertThat(DiscountedCashFlow.clv(List.of(eur("-50"), eur("60"), eur("70")),
        new BigDecimal("0.05"), RoundingMode.HALF_UP)).isEqualTo(eur("67.27"));
  }

  @Test
  void theFiniteRetentionStreamApproachesTheClosedForm() {
    Seq<Money> stream = DiscountedCashFlow.retainedMargins(eur("100"), new BigDecimal("0.8"), 200,
        RoundingMode.HALF_EVEN);
    assertThat(stream.head()).isEqualTo(eur("80.00"));
    Money finite = DiscountedCashFlow.clv(stream, new BigDecimal("0.1"), RoundingMode.HALF_EVEN);
    assertThat(finite.minus(eur("266.67")).abs().toMinorUnits()).isLessThanOrEqualTo(5);
  }

  @Test
  void propertiesDiscountingNeverAddsAndHigherRatesNeverRaise() {
    ClvTestData.qt().forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 30),
        integers().between(0, 50)).checkAssert((cents, percent) -> {
          Seq<Money> margins = List.ofAll(cents).map(c -> Money.ofMinor(c, EUR));
          BigDecimal d = BigDecimal.valueOf(percent, 2);
          Money discounted = DiscountedCashFlow.clv(margins, d, RoundingMode.HALF_EVEN);
          assertThat(discounted.isGreaterThan(DiscountedCashFlow.undiscounted(margins))).isFalse();
          assertThat(DiscountedCashFlow.clv(margins, d.add(new BigDecimal("0.01")),
              RoundingMode.HALF_EVEN).isGreaterThan(discounted)).isFalse();
        });
  }

  @Test
  void refusesEveryBadInputWithItsCode() {
    assertThatThrownBy(() -> DiscountedCashFlow.retention(eur("100"), new BigDecimal("1.2"),
        new BigDecimal("-1"), RoundingMode.HALF_EVEN))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("value.dcf.discount_invalid",
            "value.dcf.retention_invalid"));
    assertThatThrownBy(() -> DiscountedCashFlow.retention(eur("100"), new BigDecimal("0.95"),
        new BigDecimal("-0.1"), RoundingMode.HALF_EVEN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.dcf.retention_invalid");
    assertThatThrownBy(() -> DiscountedCashFlow.clv(List.empty(), BigDecimal.ONE,
        RoundingMode.HALF_EVEN)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.dcf.margins_empty");
    assertThatThrownBy(() -> DiscountedCashFlow.clv(List.of(eur("1"),
        Money.of("1", Currency.getInstance("USD"))), new BigDecimal("-2"), RoundingMode.HALF_EVEN))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("value.dcf.currency_mismatch",
            "value.dcf.discount_invalid"));
    assertThatThrownBy(() -> DiscountedCashFlow.retainedMargins(eur("1"), new BigDecimal("-0.1"),
        0, RoundingMode.HALF_EVEN)).isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations()).hasSize(2));
  }
}
