package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.QuantityUnit.GRAM;
import static io.rapport.crm.kernel.QuantityUnit.JIN;
import static io.rapport.crm.kernel.QuantityUnit.KILOGRAM;
import static io.rapport.crm.kernel.QuantityUnit.LIANG;
import static io.rapport.crm.kernel.QuantityUnit.PIECE;
import static io.rapport.crm.kernel.QuantityUnit.POUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class UnitPriceTest {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency USD = Currency.getInstance("USD");

  @Test
  void pricesRosewoodByTheJin() {
    UnitPrice perJin = UnitPrice.of(Money.of("1280", CNY), JIN);
    assertThat(perJin.priceOf(Quantity.of("38.6", JIN), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("49408.00", CNY));
    // 1 kg is exactly 2 jin; 3 liang is 0.3 jin.
    assertThat(perJin.priceOf(Quantity.of("1", KILOGRAM), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("2560.00", CNY));
    assertThat(perJin.priceOf(Quantity.of("3", LIANG), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("384.00", CNY));
  }

  @Test
  void roundsOnceAtTheEndAsTheCallerSays() {
    UnitPrice perPound = UnitPrice.of(Money.of("9.99", USD), POUND);
    // 1000 g = 2.20462262... lb; 9.99 * that = 22.0241800...
    assertThat(perPound.priceOf(Quantity.of(1000, GRAM), RoundingMode.HALF_UP))
        .isEqualTo(Money.of("22.02", USD));
    assertThat(perPound.priceOf(Quantity.of(1000, GRAM), RoundingMode.UP))
        .isEqualTo(Money.of("22.03", USD));
    UnitPrice perGram = UnitPrice.of(new BigDecimal("0.0125"), USD, GRAM);
    assertThat(perGram.priceOf(Quantity.of("3", GRAM), RoundingMode.HALF_EVEN))
        .isEqualTo(Money.of("0.04", USD));
    assertThatThrownBy(() -> perGram.priceOf(Quantity.of("3", GRAM), RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void refusesToPriceAWeightPerPiece() {
    UnitPrice perPiece = UnitPrice.of(Money.of("5", USD), PIECE);
    assertThatThrownBy(() -> perPiece.priceOf(Quantity.of(1, GRAM), RoundingMode.HALF_UP))
        .isInstanceOf(UnitMismatchException.class);
  }

  @Test
  void parsesExactlyWhatItPrints() {
    UnitPrice price = UnitPrice.of(Money.of("1280", CNY), JIN);
    assertThat(price.toString()).isEqualTo("CNY 1280.00/jin");
    assertThat(UnitPrice.parse("CNY 1280.00/jin")).isEqualTo(price);
    assertThat(UnitPrice.parse("USD 0.012345/g").amount()).isEqualTo(new BigDecimal("0.012345"));
    assertThatThrownBy(() -> UnitPrice.parse("CNY1280/jin")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsNegativeAndOverPrecisePrices() {
    assertThat(UnitPrice.validated("-1", "CNY", "jin").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("unit_price.amount.negative", "amount"));
    assertThat(UnitPrice.validated("0.000000001", "CNY", "g").getError())
        .extracting(Violation::code).containsExactly("unit_price.amount.too_many_decimals");
  }

  @Test
  void reportsEveryProblemOfOutsideInputAtOnce() {
    assertThat(UnitPrice.validated("x", "ZZZ", "stone").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("unit_price.amount.malformed", "amount"),
            tuple("money.currency.unknown", "currency"), tuple("quantity.unit.unknown", "unit"));
  }
}
