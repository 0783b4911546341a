package io.rapport.crm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vavr.collection.List;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency BHD = Currency.getInstance("BHD");

  @Test
  void keepsTheCurrencysMinorUnitScale() {
    assertThat(Money.of("12.5", EUR).amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(Money.of("1200", JPY).amount().scale()).isZero();
    assertThat(Money.of("1.5", BHD).toString()).isEqualTo("BHD 1.500");
    assertThat(Money.of("1.500", EUR)).isEqualTo(Money.of("1.5", EUR));
    assertThat(Money.ofMinor(1250, EUR)).isEqualTo(Money.of("12.50", EUR));
    assertThat(Money.of("12.50", EUR).toMinorUnits()).isEqualTo(1250);
  }

  @Test
  void addsAndSubtractsExactly() {
    Money a = Money.of("0.10", EUR);
    Money b = Money.of("0.20", EUR);
    assertThat(a.plus(b)).isEqualTo(Money.of("0.30", EUR));
    assertThat(a.minus(b)).isEqualTo(Money.of("-0.10", EUR));
    assertThat(a.minus(b).negated()).isEqualTo(a);
    assertThat(a.minus(b).abs()).isEqualTo(a);
    assertThat(Money.sum(EUR, List.of(a, b, a))).isEqualTo(Money.of("0.40", EUR));
    assertThat(Money.sum(EUR, List.empty())).isEqualTo(Money.zero(EUR));
  }

  @Test
  void multipliesWithTheNamedRounding() {
    Money price = Money.of("10.05", EUR);
    assertThat(price.times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.of("5.03", EUR));
    assertThat(price.times(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("5.02", EUR));
    assertThat(price.times(new BigDecimal("0.5"), RoundingMode.DOWN)).isEqualTo(Money.of("5.02", EUR));
    assertThat(price.times(3)).isEqualTo(Money.of("30.15", EUR));
    assertThatThrownBy(() -> price.times(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void allocatesByLargestRemainder() {
    assertThat(Money.of("100.00", EUR).allocate(1, 1, 1))
        .containsExactly(Money.of("33.34", EUR), Money.of("33.33", EUR), Money.of("33.33", EUR));
    // 0.10 by 1:2:4 is 0.0143 / 0.0286 / 0.0571: the last two lost most in rounding down.
    assertThat(Money.of("0.10", EUR).allocate(1, 2, 4))
        .containsExactly(Money.of("0.01", EUR), Money.of("0.03", EUR), Money.of("0.06", EUR));
    // 0.05 by 3:7 is 0.015 / 0.035: equal remainders, so the earlier part gets the cent.
    assertThat(Money.of("0.05", EUR).allocate(3, 7))
        .containsExactly(Money.of("0.02", EUR), Money.of("0.03", EUR));
    assertThat(Money.of("10.00", EUR).allocate(0, 1, 0))
        .containsExactly(Money.zero(EUR), Money.of("10.00", EUR), Money.zero(EUR));
    assertThat(Money.of("-100.00", EUR).allocate(1, 1, 1))
        .containsExactly(Money.of("-33.34", EUR), Money.of("-33.33", EUR), Money.of("-33.33", EUR));
    assertThat(Money.of("7", JPY).allocate(50, 30, 20))
        .containsExactly(Money.of("4", JPY), Money.of("2", JPY), Money.of("1", JPY));
  }

  @Test
  void allocatesAmountsTooLargeForALong() {
    Money huge = Money.of("123456789012345678901234567.89", EUR);
    assertThat(Money.sum(EUR, huge.allocate(1, 2, Long.MAX_VALUE / 4))).isEqualTo(huge);
    assertThat(Money.sum(EUR, Money.of("92233720368547758.07", EUR).allocate(Long.MAX_VALUE / 2, 3)))
        .isEqualTo(Money.of("92233720368547758.07", EUR));
  }

  @Test
  void splitsIntoEqualParts() {
    assertThat(Money.of("10.00", EUR).split(3))
        .containsExactly(Money.of("3.34", EUR), Money.of("3.33", EUR), Money.of("3.33", EUR));
    assertThat(Money.of("-0.02", EUR).split(3))
        .containsExactly(Money.of("-0.01", EUR), Money.of("-0.01", EUR), Money.zero(EUR));
    assertThat(Money.of("5", JPY).split(1)).containsExactly(Money.of("5", JPY));
  }

  @Test
  void comparesWithinOneCurrency() {
    assertThat(Money.of("2.00", EUR).isGreaterThan(Money.of("1.99", EUR))).isTrue();
    assertThat(Money.of("-2.00", EUR).isLessThan(Money.zero(EUR))).isTrue();
    assertThat(Money.of("-2.00", EUR).isNegative()).isTrue();
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(Money.of("0.01", EUR).isPositive()).isTrue();
  }

  @Test
  void refusesToMixCurrenciesAndSaysWhichOnes() {
    CurrencyMismatchException mismatch = catchThrowableOfType(CurrencyMismatchException.class,
        () -> Money.of("1.00", EUR).plus(Money.of("1.00", CNY)));
    assertThat(mismatch.expected()).isEqualTo(EUR);
    assertThat(mismatch.actual()).isEqualTo(CNY);
    assertThat(mismatch).hasMessageContaining("EUR").hasMessageContaining("CNY");
    assertThatThrownBy(() -> Money.of("1.00", EUR).compareTo(Money.of("1", JPY)))
        .isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> Money.of("1.00", EUR).minus(Money.of("1.00", CNY)))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void parsesExactlyWhatItPrints() {
    assertThat(Money.parse("CNY 1280.00")).isEqualTo(Money.of("1280", CNY));
    assertThat(Money.parse("EUR -0.50").toString()).isEqualTo("EUR -0.50");
    assertThat(Money.parse(Money.of("3", BHD).toString())).isEqualTo(Money.of("3", BHD));
  }

  @Test
  void rejectsTooManyDecimalsNamingTheField() {
    InvalidValueException error = catchThrowableOfType(InvalidValueException.class,
        () -> Money.of("1.005", EUR));
    assertThat(error.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("money.amount.too_many_decimals", "amount"));
    assertThatThrownBy(() -> Money.of("1.5", JPY)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsAnUnknownCurrencyNamingTheField() {
    assertThat(Money.validated("1.00", "EUX").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("money.currency.unknown", "currency"));
    assertThat(Money.validated("1.00", "eur").getError()).extracting(Violation::code)
        .containsExactly("money.currency.unknown");
    assertThat(Money.validated("1.00", null).getError()).extracting(Violation::code)
        .containsExactly("money.currency.missing");
  }

  @Test
  void rejectsCurrenciesWithoutMinorUnit() {
    assertThat(Money.validated("1", "XAU").getError()).extracting(Violation::code)
        .containsExactly("money.currency.no_minor_unit");
    assertThatThrownBy(() -> Money.zero(Currency.getInstance("XXX")))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("no minor unit");
  }

  @Test
  void reportsEveryProblemOfOutsideInputAtOnce() {
    assertThat(Money.validated("12,50", "EURO").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("money.amount.malformed", "amount"),
            org.assertj.core.groups.Tuple.tuple("money.currency.unknown", "currency"));
    assertThat(Money.validated(null, "EUR").getError()).extracting(Violation::code)
        .containsExactly("money.amount.missing");
  }

  @Test
  void rejectsMalformedAmounts() {
    for (String bad : new String[] {"", "-", ".5", "5.", "1e3", "1,000.00", " 1", "NaN", "+1", "1.2.3", "--1"}) {
      assertThat(Money.validated(bad, "EUR").getError()).as(bad).extracting(Violation::code)
          .containsExactly("money.amount.malformed");
    }
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : new String[] {"EUR12.50", "12.50 EUR", "EUR  12.50", "EU 1", "EUR "}) {
      assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
    }
    assertThat(catchThrowableOfType(InvalidValueException.class, () -> Money.parse("12.50 EUR"))
        .violations().head().field()).isEqualTo("money");
  }

  @Test
  void parsesEveryAmountItAcceptsAndRefusesAbsurdOnes() {
    Money large = Money.of(new java.math.BigDecimal("9".repeat(98)), JPY);
    assertThat(Money.parse(large.toString())).isEqualTo(large);
    assertThat(Money.validated("1" + "0".repeat(99), "EUR").getError()).extracting(Violation::code)
        .containsExactly("money.amount.too_large");
    assertThat(Money.validated("1".repeat(200), "EUR").getError()).extracting(Violation::code)
        .containsExactly("money.amount.malformed");
    assertThatThrownBy(() -> Quantity.of(new java.math.BigDecimal("1".repeat(101)), QuantityUnit.GRAM))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("too_large");
  }

  @Test
  void rejectsBadAllocations() {
    Money money = Money.of("1.00", EUR);
    assertThatThrownBy(() -> money.allocate()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.allocate(1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.allocate(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.split(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesTheNullParameter() {
    assertThatThrownBy(() -> Money.of((String) null, EUR)).hasMessage("amount");
    assertThatThrownBy(() -> Money.of("1", null)).hasMessage("currency");
    assertThatThrownBy(() -> Money.zero(EUR).plus(null)).hasMessage("other");
    assertThatThrownBy(() -> Money.zero(EUR).times(BigDecimal.ONE, null)).hasMessage("rounding");
  }
}
