package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PercentageTest {

  static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void isTheSameWhetherMadeFromPercentBasisPointsOrAFraction() {
    assertThat(Percentage.ofBasisPoints(1250)).isEqualTo(Percentage.ofPercent(new BigDecimal("12.50")))
        .isEqualTo(Percentage.ofFraction(new BigDecimal("0.125")))
        .isEqualTo(Percentage.parse("12.5%"));
    assertThat(Percentage.ofPercent(15).basisPoints()).isEqualTo(1500);
    assertThat(Percentage.ofBasisPoints(1).fraction()).isEqualByComparingTo("0.0001");
    assertThat(Percentage.ofPercent(100)).isEqualTo(Percentage.ONE_HUNDRED);
  }

  @Test
  void appliesToMoneyWithTheNamedRounding() {
    assertThat(Percentage.parse("12.5%").of(Money.of("10.00", EUR), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("1.25", EUR));
    assertThat(Percentage.ofPercent(15).of(Money.of("0.99", EUR), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("0.15", EUR));
    assertThat(Percentage.ofPercent(15).complement()).isEqualTo(Percentage.ofPercent(85));
  }

  @Test
  void refusesFractionalBasisPoints() {
    assertThatThrownBy(() -> Percentage.parse("0.001%").basisPoints())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsMalformedInputNamingTheField() {
    assertThat(Percentage.validated("twelve", "discount").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("percentage.malformed", "discount"));
    assertThat(Percentage.validated(null, "discount").isInvalid()).isTrue();
    assertThat(Percentage.validated("%", "discount").isInvalid()).isTrue();
    assertThat(Percentage.validated("-3.5", "margin").get()).isEqualTo(Percentage.ofBasisPoints(-350));
    assertThatThrownBy(() -> Percentage.parse("12.5 %")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void parseOfToStringIsIdentity() {
    qt().forAll(longs().between(-10_000_000, 10_000_000)).check(bp -> {
      Percentage p = Percentage.ofBasisPoints(bp);
      return Percentage.parse(p.toString()).equals(p) && p.basisPoints() == bp;
    });
  }
}
