package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.QuantityUnit.GRAM;
import static io.rapport.crm.kernel.QuantityUnit.JIN;
import static io.rapport.crm.kernel.QuantityUnit.KILOGRAM;
import static io.rapport.crm.kernel.QuantityUnit.LIANG;
import static io.rapport.crm.kernel.QuantityUnit.PIECE;
import static io.rapport.crm.kernel.QuantityUnit.POUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class QuantityTest {

  @Test
  void convertsChineseMarketUnitsExactly() {
    assertThat(Quantity.of("1", JIN).to(GRAM)).isEqualTo(Quantity.of(500, GRAM));
    assertThat(Quantity.of("1", JIN).to(LIANG)).isEqualTo(Quantity.of(10, LIANG));
    assertThat(Quantity.of("1", KILOGRAM).to(JIN)).isEqualTo(Quantity.of(2, JIN));
    assertThat(Quantity.of("38.6", JIN).to(KILOGRAM)).isEqualTo(Quantity.of("19.3", KILOGRAM));
    assertThat(Quantity.of("3", LIANG).to(JIN)).isEqualTo(Quantity.of("0.3", JIN));
  }

  @Test
  void convertsPoundsExactlyIntoGramsAndBack() {
    assertThat(Quantity.of("1", POUND).to(GRAM)).isEqualTo(Quantity.of("453.59237", GRAM));
    assertThat(Quantity.of("453.59237", GRAM).to(POUND)).isEqualTo(Quantity.of(1, POUND));
    assertThat(Quantity.of("2", POUND).to(KILOGRAM)).isEqualTo(Quantity.of("0.90718474", KILOGRAM));
  }

  @Test
  void refusesAnInexactConversionUnlessTheRoundingIsNamed() {
    assertThatThrownBy(() -> Quantity.of("1", JIN).to(POUND))
        .isInstanceOf(ArithmeticException.class).hasMessageContaining("1 jin");
    assertThat(Quantity.of("1", JIN).to(POUND, 3, RoundingMode.HALF_UP))
        .isEqualTo(Quantity.of("1.102", POUND));
  }

  @Test
  void normalisesSoEqualsAgreesWithCompareTo() {
    assertThat(Quantity.of("1.50", KILOGRAM)).isEqualTo(Quantity.of("1.5", KILOGRAM))
        .hasSameHashCodeAs(Quantity.of("1.5", KILOGRAM));
    assertThat(Quantity.of("100", GRAM).toString()).isEqualTo("100 g");
    assertThat(Quantity.of("1", KILOGRAM)).isNotEqualTo(Quantity.of("1000", GRAM));
    assertThat(Quantity.of("1", KILOGRAM).isEquivalentTo(Quantity.of("1000", GRAM))).isTrue();
    assertThat(Quantity.of("1", KILOGRAM).compareTo(Quantity.of("1000", GRAM))).isNotZero();
    assertThat(Quantity.of("1", KILOGRAM).compareTo(Quantity.of("3", JIN))).isNegative();
    assertThat(Quantity.pieces(2).isEquivalentTo(Quantity.of(2, GRAM))).isFalse();
  }

  @Test
  void addsInTheSharedUnitOrInGrams() {
    assertThat(Quantity.of("1.5", JIN).plus(Quantity.of("2", JIN))).isEqualTo(Quantity.of("3.5", JIN));
    assertThat(Quantity.of("1", JIN).plus(Quantity.of("1", KILOGRAM))).isEqualTo(Quantity.of(1500, GRAM));
    assertThat(Quantity.of("1", KILOGRAM).minus(Quantity.of("1", JIN))).isEqualTo(Quantity.of(500, GRAM));
    assertThat(Quantity.pieces(3).times(4)).isEqualTo(Quantity.pieces(12));
  }

  @Test
  void refusesToMixCountsAndWeights() {
    UnitMismatchException mismatch = catchThrowableOfType(UnitMismatchException.class,
        () -> Quantity.pieces(1).plus(Quantity.of(1, GRAM)));
    assertThat(mismatch.expected()).isEqualTo(PIECE);
    assertThat(mismatch.actual()).isEqualTo(GRAM);
    assertThatThrownBy(() -> Quantity.pieces(1).to(KILOGRAM)).isInstanceOf(UnitMismatchException.class);
  }

  @Test
  void rejectsNegativeWeightsNamingTheField() {
    InvalidValueException error = catchThrowableOfType(InvalidValueException.class,
        () -> Quantity.of("-0.5", JIN));
    assertThat(error.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("quantity.amount.negative", "amount"));
    assertThatThrownBy(() -> Quantity.of("1", JIN).minus(Quantity.of("2", JIN)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsFractionalCounts() {
    assertThat(Quantity.validated("1.5", "pc").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("quantity.amount.fractional_count", "amount"));
    assertThat(Quantity.of("2.000", PIECE)).isEqualTo(Quantity.pieces(2));
  }

  @Test
  void reportsEveryProblemOfOutsideInputAtOnce() {
    assertThat(Quantity.validated("abc", "stone").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("quantity.amount.malformed", "amount"),
            tuple("quantity.unit.unknown", "unit"));
    assertThat(Quantity.validated(null, "kg").getError()).extracting(Violation::code)
        .containsExactly("quantity.amount.missing");
  }

  @Test
  void parsesExactlyWhatItPrints() {
    assertThat(Quantity.parse("38.6 jin")).isEqualTo(Quantity.of("38.6", JIN));
    assertThat(Quantity.parse("3 pc")).isEqualTo(Quantity.pieces(3));
    for (String bad : new String[] {"38.6jin", "jin 38.6", "1  kg", "1 kg extra", ""}) {
      assertThatThrownBy(() -> Quantity.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
    }
  }
}
