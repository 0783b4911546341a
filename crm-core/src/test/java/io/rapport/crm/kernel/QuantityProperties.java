package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class QuantityProperties {

  static final Gen<QuantityUnit> WEIGHT_UNITS = arbitrary().pick(QuantityUnit.GRAM,
      QuantityUnit.KILOGRAM, QuantityUnit.JIN, QuantityUnit.LIANG, QuantityUnit.POUND);

  static final Gen<Quantity> WEIGHTS = WEIGHT_UNITS.zip(longs().between(0, 10_000_000),
      integers().between(0, 6), (unit, digits, scale) -> Quantity.of(BigDecimal.valueOf(digits, scale), unit));

  @Test
  void convertingToGramsAndBackIsIdentity() {
    qt().forAll(WEIGHTS).check(q -> q.to(QuantityUnit.GRAM).to(q.unit()).equals(q));
  }

  @Test
  void everyExactConversionRoundTrips() {
    qt().forAll(WEIGHTS, WEIGHT_UNITS).check((q, target) -> {
      Quantity there;
      try {
        there = q.to(target);
      } catch (ArithmeticException inexact) {
        return target == QuantityUnit.POUND || q.unit() == QuantityUnit.POUND;
      }
      return there.to(q.unit()).equals(q) && there.isEquivalentTo(q);
    });
  }

  @Test
  void metricAndMarketUnitsAlwaysConvertExactly() {
    Gen<QuantityUnit> metric = arbitrary().pick(QuantityUnit.GRAM, QuantityUnit.KILOGRAM,
        QuantityUnit.JIN, QuantityUnit.LIANG);
    qt().forAll(WEIGHTS.assuming(q -> q.unit() != QuantityUnit.POUND), metric)
        .check((q, target) -> q.to(target).to(q.unit()).equals(q));
  }

  @Test
  void additionIsExactAcrossUnits() {
    qt().forAll(WEIGHTS, WEIGHTS).check((a, b) ->
        a.plus(b).minus(b).isEquivalentTo(a) && a.plus(b).isEquivalentTo(b.plus(a)));
  }

  @Test
  void parseOfToStringIsIdentity() {
    qt().forAll(WEIGHTS).check(q -> Quantity.parse(q.toString()).equals(q));
  }
}
