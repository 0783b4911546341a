package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class UnitPriceProperties {

  static final Gen<UnitPrice> PRICES = QuantityProperties.WEIGHT_UNITS.zip(
      longs().between(0, 100_000_000), arbitrary().pick("CNY", "EUR", "JPY"),
      (unit, units, code) -> UnitPrice.of(BigDecimal.valueOf(units, 4), Currency.getInstance(code), unit));

  @Test
  void theSameWeightCostsTheSameInWhateverUnitItIsGiven() {
    qt().forAll(PRICES, QuantityProperties.WEIGHTS).check((price, q) ->
        price.priceOf(q, RoundingMode.HALF_EVEN)
            .equals(price.priceOf(q.to(QuantityUnit.GRAM), RoundingMode.HALF_EVEN)));
  }

  @Test
  void priceIsWithinHalfAMinorUnitOfTheExactProduct() {
    qt().forAll(PRICES, QuantityProperties.WEIGHTS).check((price, q) -> {
      BigDecimal exact = price.amount().multiply(q.to(QuantityUnit.GRAM).amount())
          .divide(price.unit().sizeInBaseUnit(), 20, RoundingMode.HALF_EVEN);
      BigDecimal charged = price.priceOf(q, RoundingMode.HALF_UP).amount();
      BigDecimal halfUnit = BigDecimal.valueOf(5, charged.scale() + 1);
      return charged.subtract(exact).abs().compareTo(halfUnit) <= 0;
    });
  }

  @Test
  void parseOfToStringIsIdentity() {
    qt().forAll(PRICES).check(p -> UnitPrice.parse(p.toString()).equals(p));
  }
}
