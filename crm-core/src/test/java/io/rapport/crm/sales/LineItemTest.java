package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CNY;
import static io.rapport.crm.sales.PipelineFixtures.TABLE;
import static io.rapport.crm.sales.PipelineFixtures.cny;
import static io.rapport.crm.sales.PipelineFixtures.tableLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class LineItemTest {

  @Test
  void pricesAWeightInKilogramsAtAPricePerJinExactly() {
    // 19.3 kg = 38.6 jin; 38.6 × 1280.00 = 49408.00
    LineItem line = tableLine();

    assertThat(line.gross()).isEqualTo(cny("49408.00"));
    assertThat(line.total()).isEqualTo(cny("49408.00"));
  }

  @Test
  void takesTheDiscountOffTheGrossAmountRoundedHalfEven() {
    LineItem line = LineItem.of(TABLE, Quantity.of("2.5", QuantityUnit.KILOGRAM),
        UnitPrice.of(Money.of("33.33", CNY), QuantityUnit.JIN))
        .withDiscount(Percentage.parse("7.5"));

    // 2.5 kg = 5 jin → 166.65; 7.5 % of it is 12.49875 → 12.50; net 154.15
    assertThat(line.gross()).isEqualTo(cny("166.65"));
    assertThat(line.total()).isEqualTo(cny("154.15"));
  }

  @Test
  void aFullDiscountMakesTheLineFree() {
    assertThat(tableLine().withDiscount(Percentage.ONE_HUNDRED).total()).isEqualTo(cny("0.00"));
  }

  @Test
  void pricesPiecesAtAPricePerPiece() {
    LineItem chairs = LineItem.of(TABLE, Quantity.pieces(6),
        UnitPrice.of(Money.of("3800.00", CNY), QuantityUnit.PIECE));

    assertThat(chairs.total()).isEqualTo(cny("22800.00"));
    assertThat(chairs.isPriceable()).isTrue();
  }

  @Test
  void tellsWhenAQuantityCannotBePricedInThePricesUnit() {
    LineItem line = LineItem.of(TABLE, Quantity.pieces(2),
        UnitPrice.of(Money.of("1280.00", CNY), QuantityUnit.JIN));

    assertThat(line.isPriceable()).isFalse();
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    assertThatThrownBy(() -> new LineItem(TABLE, Option.of("  "), Quantity.of(0, QuantityUnit.JIN),
        UnitPrice.of(Money.of("1.00", CNY), QuantityUnit.JIN), Percentage.ofPercent(101)))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code)).containsExactly(
                "line_item.description.blank", "line_item.discount.out_of_range",
                "line_item.quantity.zero"));
  }

  @Test
  void refusesANegativeDiscountAndATooLongDescription() {
    assertThatThrownBy(() -> tableLine().withDiscount(Percentage.ofPercent(-1)))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::field)).containsExactly("discount"));
    assertThatThrownBy(() -> tableLine().withDescription("x".repeat(501)))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("line_item.description.too_long"));
  }

  @Test
  void keepsADescriptionForDocuments() {
    LineItem line = tableLine().withDescription("Hainan huanghuali dining table");

    assertThat(line.description()).contains("Hainan huanghuali dining table");
    assertThat(line.total()).isEqualTo(tableLine().total());
  }
}
