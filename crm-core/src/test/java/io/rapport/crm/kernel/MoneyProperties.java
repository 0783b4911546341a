package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MoneyProperties {

  static final Gen<Currency> CURRENCIES = arbitrary().pick(
      Currency.getInstance("EUR"), Currency.getInstance("CNY"), Currency.getInstance("JPY"),
      Currency.getInstance("BHD"), Currency.getInstance("USD"), Currency.getInstance("CLF"));

  static final Gen<Long> MINOR_UNITS = longs().between(-1_000_000_000_000L, 1_000_000_000_000L)
      .mix(longs().between(-1000, 1000), 40);

  static final Gen<Money> MONEY = CURRENCIES.zip(MINOR_UNITS, (c, units) -> Money.ofMinor(units, c));

  static Gen<Money[]> sameCurrency(int count) {
    return CURRENCIES.zip(lists().of(MINOR_UNITS).ofSize(count),
        (c, units) -> units.stream().map(u -> Money.ofMinor(u, c)).toArray(Money[]::new));
  }

  static final Gen<long[]> RATIOS = lists().of(longs().between(0, 1000).mix(longs().between(0, 3), 30))
      .ofSizeBetween(1, 40)
      .assuming(ratios -> ratios.stream().anyMatch(r -> r > 0))
      .map(ratios -> ratios.stream().mapToLong(Long::longValue).toArray());

  @Test
  void additionCommutes() {
    qt().forAll(sameCurrency(2)).check(m -> m[0].plus(m[1]).equals(m[1].plus(m[0])));
  }

  @Test
  void additionAssociates() {
    qt().forAll(sameCurrency(3))
        .check(m -> m[0].plus(m[1]).plus(m[2]).equals(m[0].plus(m[1].plus(m[2]))));
  }

  @Test
  void subtractionUndoesAddition() {
    qt().forAll(sameCurrency(2)).check(m -> m[0].plus(m[1]).minus(m[1]).equals(m[0]));
  }

  @Test
  void zeroIsNeutralAndNegationCancels() {
    qt().forAll(MONEY).check(m -> m.plus(Money.zero(m.currency())).equals(m)
        && m.plus(m.negated()).isZero());
  }

  @Test
  void allocationSumsBackExactly() {
    qt().forAll(MONEY, RATIOS).check((money, ratios) -> {
      Seq<Money> parts = money.allocate(ratios);
      return parts.size() == ratios.length && Money.sum(money.currency(), parts).equals(money);
    });
  }

  @Test
  void allocationStaysWithinOneMinorUnitOfTheExactShare() {
    qt().forAll(MONEY, RATIOS).check((money, ratios) -> {
      Seq<Money> parts = money.allocate(ratios);
      BigInteger total = BigInteger.valueOf(java.util.Arrays.stream(ratios).sum());
      for (int i = 0; i < ratios.length; i++) {
        // |part * total - amount * ratio| < total, in minor units
        BigInteger part = parts.get(i).amount().unscaledValue();
        BigInteger exact = money.amount().unscaledValue().multiply(BigInteger.valueOf(ratios[i]));
        if (part.multiply(total).subtract(exact).abs().compareTo(total) >= 0) {
          return false;
        }
        if (ratios[i] == 0 && !parts.get(i).isZero()) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void splitSumsBackAndPartsDifferByAtMostOneMinorUnit() {
    qt().forAll(MONEY, integers().between(1, 200)).check((money, n) -> {
      Seq<Money> parts = money.split(n);
      Money smallest = parts.min().get();
      Money largest = parts.max().get();
      return parts.size() == n
          && Money.sum(money.currency(), parts).equals(money)
          && largest.minus(smallest).abs().toMinorUnits() <= 1;
    });
  }

  @Test
  void parseOfToStringIsIdentity() {
    qt().forAll(MONEY).check(m -> Money.parse(m.toString()).equals(m));
  }

  @Test
  void multiplicationRoundsByLessThanOneMinorUnit() {
    Gen<BigDecimal> factors = longs().between(-100_000, 100_000).map(l -> BigDecimal.valueOf(l, 3));
    qt().forAll(MONEY, factors, arbitrary().pick(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN,
        RoundingMode.DOWN, RoundingMode.UP, RoundingMode.FLOOR, RoundingMode.CEILING))
        .check((money, factor, rounding) -> {
          BigDecimal exact = money.amount().multiply(factor);
          BigDecimal rounded = money.times(factor, rounding).amount();
          return rounded.subtract(exact).abs().compareTo(BigDecimal.ONE.movePointLeft(rounded.scale())) < 0
              && rounded.scale() == money.amount().scale();
        });
  }

  @Test
  void orderAgreesWithEquality() {
    qt().forAll(sameCurrency(2)).check(m ->
        (m[0].compareTo(m[1]) == 0) == m[0].equals(m[1])
            && Integer.signum(m[0].compareTo(m[1])) == -Integer.signum(m[1].compareTo(m[0])));
  }
}
