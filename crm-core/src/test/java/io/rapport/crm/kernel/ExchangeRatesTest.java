package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ExchangeRatesTest {

  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency USD = Currency.getInstance("USD");
  static final Currency JPY = Currency.getInstance("JPY");
  static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
  static final LocalDate APR_1 = LocalDate.parse("2026-04-01");

  static ExchangeRates twoPeriods() {
    return ExchangeRates.of(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1, APR_1),
        ExchangeRate.of(EUR, CNY, new BigDecimal("7.5"), APR_1),
        ExchangeRate.of(USD, JPY, new BigDecimal("150"), JAN_1)));
  }

  @Test
  void convertsAtTheRateOfTheDayRoundingOnce() {
    ExchangeRates rates = twoPeriods();
    assertThat(rates.convert(Money.of("10.00", EUR), CNY, LocalDate.parse("2026-02-01"),
        RoundingMode.HALF_EVEN)).isEqualTo(Either.right(Money.of("80.00", CNY)));
    assertThat(rates.convert(Money.of("10.01", EUR), CNY, LocalDate.parse("2026-05-01"),
        RoundingMode.HALF_EVEN)).isEqualTo(Either.right(Money.of("75.08", CNY)));
    // 10.01 × 7.5 = 75.075: half-even gives 75.08, down gives 75.07
    assertThat(rates.convert(Money.of("10.01", EUR), CNY, LocalDate.parse("2026-05-01"),
        RoundingMode.DOWN)).isEqualTo(Either.right(Money.of("75.07", CNY)));
    assertThat(rates.convert(Money.of("1.99", USD), JPY, JAN_1, RoundingMode.HALF_EVEN))
        .isEqualTo(Either.right(Money.of("298", JPY)));
    assertThat(rates.convert(Money.of("3.21", EUR), EUR, JAN_1.minusYears(5),
        RoundingMode.HALF_EVEN)).isEqualTo(Either.right(Money.of("3.21", EUR)));
  }

  @Test
  void appliesFromTheFirstDayUpToButNotIncludingTheEnd() {
    ExchangeRates rates = ExchangeRates.of(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1, APR_1)));
    assertThat(rates.rateOn(EUR, CNY, JAN_1.minusDays(1))).isEmpty();
    assertThat(rates.rateOn(EUR, CNY, JAN_1)).contains(new BigDecimal("8"));
    assertThat(rates.rateOn(EUR, CNY, APR_1.minusDays(1))).contains(new BigDecimal("8"));
    assertThat(rates.rateOn(EUR, CNY, APR_1)).isEmpty();
    assertThat(twoPeriods().rateOn(EUR, CNY, APR_1)).contains(new BigDecimal("7.5"));
    assertThat(twoPeriods().rateOn(EUR, CNY, LocalDate.parse("2099-12-31")))
        .contains(new BigDecimal("7.5"));
    assertThat(ExchangeRates.empty().rateOn(EUR, EUR, JAN_1)).contains(BigDecimal.ONE);
  }

  @Test
  void invertsTheOppositePairWithDecimal128() {
    ExchangeRates rates = twoPeriods();
    assertThat(rates.rateOn(CNY, EUR, JAN_1)).contains(new BigDecimal("0.125"));
    assertThat(rates.rateOn(CNY, EUR, APR_1))
        .contains(new BigDecimal("0.1333333333333333333333333333333333"));
    assertThat(rates.convert(Money.of("75.00", CNY), EUR, APR_1, RoundingMode.HALF_EVEN))
        .isEqualTo(Either.right(Money.of("10.00", EUR)));
    ExchangeRates both = rates.plus(List.of(ExchangeRate.of(CNY, EUR, new BigDecimal("0.13"), JAN_1)));
    assertThat(both.rateOn(CNY, EUR, APR_1)).as("the direct rate wins").contains(new BigDecimal("0.13"));
    assertThat(both.rateOn(EUR, CNY, APR_1)).contains(new BigDecimal("7.5"));
  }

  @Test
  void doesNotTriangulate() {
    ExchangeRates rates = ExchangeRates.of(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1),
        ExchangeRate.of(EUR, USD, new BigDecimal("1.1"), JAN_1)));
    assertThat(rates.rateOn(CNY, USD, APR_1)).isEmpty();
  }

  @Test
  void reportsAMissingRateNamingThePairAndTheDay() {
    Either<ConversionProblem, Money> converted = twoPeriods()
        .convert(Money.of("5.00", EUR), JPY, APR_1, RoundingMode.HALF_EVEN);
    assertThat(converted.getLeft()).isEqualTo(new ConversionProblem(EUR, JPY, APR_1));
    assertThat(converted.getLeft().code()).isEqualTo("rates.missing");
    assertThat(converted.getLeft().message()).contains("EUR/JPY", "2026-04-01");
    assertThat(twoPeriods().convert(Money.of("5.00", EUR), CNY, JAN_1.minusDays(1),
        RoundingMode.HALF_EVEN).getLeft().on()).isEqualTo(JAN_1.minusDays(1));
  }

  @Test
  void refusesOverlappingRatesOfOnePairNamingEachClash() {
    Validation<Seq<Violation>, ExchangeRates> result = ExchangeRates.validated(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1, APR_1),
        ExchangeRate.of(EUR, CNY, new BigDecimal("7.9"), LocalDate.parse("2026-03-31")),
        ExchangeRate.of(CNY, EUR, new BigDecimal("0.125"), JAN_1),
        ExchangeRate.of(EUR, CNY, new BigDecimal("7.5"), LocalDate.parse("2026-06-01"),
            LocalDate.parse("2026-07-01")),
        ExchangeRate.of(USD, JPY, new BigDecimal("150"), JAN_1, APR_1),
        ExchangeRate.of(USD, JPY, new BigDecimal("151"), APR_1)));
    assertThat(result.isInvalid()).isTrue();
    assertThat(result.getError().map(Violation::code)).containsExactly("rates.overlap", "rates.overlap");
    assertThat(result.getError().map(Violation::field)).containsExactly("rates[1]", "rates[3]");
    assertThat(result.getError().head().message()).contains("rates[0]", "2026-03-31");
    assertThatThrownBy(() -> ExchangeRates.of(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1),
        ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1))))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("rates.overlap");
  }

  @Test
  void reportsEveryProblemOfOutsideRowsAtOnce() {
    Validation<Seq<Violation>, ExchangeRates> result = ExchangeRates.validatedRows(List.of(
        new ExchangeRates.Row("EUR", "EUR", "-1", JAN_1, JAN_1),
        new ExchangeRates.Row("EUR", "XYZ", "abc", null, null),
        new ExchangeRates.Row("EUR", "CNY", "8", JAN_1, null),
        new ExchangeRates.Row("EUR", "CNY", "7.9", APR_1, null)));
    assertThat(result.getError().map(v -> v.field() + " " + v.code())).containsExactly(
        "rates[0].to rates.same_currency", "rates[0].rate rates.rate.not_positive",
        "rates[0].validUntil rates.validity.empty", "rates[1].to money.currency.unknown",
        "rates[1].rate rates.rate.malformed", "rates[1].validFrom rates.valid_from.missing",
        "rates[3] rates.overlap");
    assertThat(ExchangeRates.validatedRows(List.of(new ExchangeRates.Row("EUR", "CNY", "8.00",
        JAN_1, APR_1))).get().rates())
        .containsExactly(ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1, APR_1));
  }

  @Test
  void checksEachRate() {
    assertThatThrownBy(() -> ExchangeRate.of(EUR, EUR, BigDecimal.ZERO, APR_1, JAN_1))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code)).containsExactly(
                "rates.same_currency", "rates.rate.not_positive", "rates.validity.empty"));
    assertThat(ExchangeRate.of(EUR, CNY, new BigDecimal("7.80"), JAN_1))
        .isEqualTo(ExchangeRate.of(EUR, CNY, new BigDecimal("7.8"), JAN_1));
    assertThat(ExchangeRate.of(EUR, CNY, new BigDecimal("7.8"), JAN_1, APR_1).toString())
        .isEqualTo("EUR/CNY 7.8 [2026-01-01, 2026-04-01)");
    assertThatThrownBy(() -> twoPeriods().convert(Money.of("1.00", EUR),
        Currency.getInstance("XAU"), JAN_1, RoundingMode.HALF_EVEN))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("money.currency.no_minor_unit");
  }

  @Test
  void tablesOfTheSameRatesAreEqualWhateverTheOrder() {
    ExchangeRate a = ExchangeRate.of(EUR, CNY, new BigDecimal("8"), JAN_1);
    ExchangeRate b = ExchangeRate.of(USD, JPY, new BigDecimal("150"), JAN_1);
    assertThat(ExchangeRates.of(List.of(a, b))).isEqualTo(ExchangeRates.of(List.of(b, a)))
        .hasSameHashCodeAs(ExchangeRates.of(List.of(b, a)));
  }

  /**
   * Converting there (rounded to the target's minor unit) and back with the table's inverse of
   * the same rate lands within one minor unit of the start, for rates of at least 1 between
   * currencies with the same minor unit: the first rounding moves at most half a unit of the
   * target, which is at most half a unit of the source after dividing by the rate.
   */
  @Test
  void convertingThereAndBackWithTheInverseRoundTripsWithinOneMinorUnit() {
    qt().forAll(longs().between(-1_000_000_000L, 1_000_000_000L),
            integers().between(10_000, 2_000_000_000), integers().between(0, 4))
        .check((cents, rateInTenThousandths, scaleShift) -> {
          BigDecimal rate = BigDecimal.valueOf(rateInTenThousandths, 4 + scaleShift)
              .max(BigDecimal.ONE);
          ExchangeRates rates = ExchangeRates.of(List.of(ExchangeRate.of(EUR, CNY, rate, JAN_1)));
          Money start = Money.ofMinor(cents, EUR);
          Money there = rates.convert(start, CNY, APR_1, RoundingMode.HALF_EVEN).get();
          Money back = rates.convert(there, EUR, APR_1, RoundingMode.HALF_EVEN).get();
          return back.minus(start).abs().compareTo(Money.ofMinor(1, EUR)) <= 0;
        });
  }
}
