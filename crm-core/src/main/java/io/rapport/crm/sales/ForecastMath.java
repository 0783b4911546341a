package io.rapport.crm.sales;

import io.rapport.crm.kernel.ConversionProblem;
import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;

/** Exact sums, conversion and rounding shared by the sales analytics. */
final class ForecastMath {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

  private ForecastMath() {}

  /**
   * Looks up, once per currency, the rate into a report currency on a rate date. Not
   * thread-safe: one per computation.
   */
  static final class Rates {
    private final ExchangeRates table;
    private final Currency target;
    private final LocalDate day;
    private Currency[] currencies = new Currency[4];
    private BigDecimal[] rates = new BigDecimal[4];
    private int size;

    Rates(ExchangeRates table, Currency target, LocalDate day) {
      this.table = table;
      this.target = target;
      this.day = day;
    }

    /** Returns the index of a currency, looking its rate up the first time. */
    int indexOf(Currency currency) {
      for (int i = 0; i < size; i++) {
        if (currencies[i] == currency) {
          return i;
        }
      }
      for (int i = 0; i < size; i++) {
        if (currencies[i].equals(currency)) {
          return i;
        }
      }
      if (size == currencies.length) {
        currencies = Arrays.copyOf(currencies, size * 2);
        rates = Arrays.copyOf(rates, size * 2);
      }
      currencies[size] = currency;
      rates[size] = table.rateOn(currency, target, day).getOrNull();
      return size++;
    }

    int size() {
      return size;
    }

    Currency currency(int index) {
      return currencies[index];
    }

    /** Returns the rate of a currency's index, or null when none applies. */
    BigDecimal rate(int index) {
      return rates[index];
    }

    ConversionProblem problem(int index) {
      return new ConversionProblem(currencies[index], target, day);
    }

    /** Returns an amount converted exactly, or null when no rate applies. */
    BigDecimal convertExactly(Money amount) {
      BigDecimal rate = rates[indexOf(amount.currency())];
      return rate == null ? null : amount.amount().multiply(rate);
    }
  }

  /**
   * Sums amounts of one currency and their probability-weighted values exactly, in minor units
   * (and minor units times basis points), in longs until they would overflow.
   */
  static final class Sum {
    private long units;
    private long weightedUnits;
    private BigDecimal unitsOverflow = BigDecimal.ZERO;
    private BigDecimal weightedOverflow = BigDecimal.ZERO;

    void add(Money amount, Percentage probability) {
      BigInteger unscaled = amount.amount().unscaledValue();
      long bp = basisPoints(probability);
      if (unscaled.bitLength() < 63) {
        long value = unscaled.longValue();
        try {
          units = Math.addExact(units, value);
        } catch (ArithmeticException overflow) {
          unitsOverflow = unitsOverflow.add(BigDecimal.valueOf(value));
        }
        if (bp >= 0) {
          try {
            weightedUnits = Math.addExact(weightedUnits, Math.multiplyExact(value, bp));
            return;
          } catch (ArithmeticException overflow) {
            // added exactly below
          }
        }
      } else {
        unitsOverflow = unitsOverflow.add(new BigDecimal(unscaled));
      }
      weightedOverflow = weightedOverflow.add(
          new BigDecimal(unscaled).multiply(probability.percent().movePointRight(2)));
    }

    void addAll(Sum other) {
      try {
        units = Math.addExact(units, other.units);
      } catch (ArithmeticException overflow) {
        unitsOverflow = unitsOverflow.add(BigDecimal.valueOf(other.units));
      }
      try {
        weightedUnits = Math.addExact(weightedUnits, other.weightedUnits);
      } catch (ArithmeticException overflow) {
        weightedOverflow = weightedOverflow.add(BigDecimal.valueOf(other.weightedUnits));
      }
      unitsOverflow = unitsOverflow.add(other.unitsOverflow);
      weightedOverflow = weightedOverflow.add(other.weightedOverflow);
    }

    /** Returns the exact sum of the amounts, in the currency with {@code digits} decimals. */
    BigDecimal amount(int digits) {
      return BigDecimal.valueOf(units, digits).add(unitsOverflow.movePointLeft(digits));
    }

    /** Returns the exact sum of amount times probability. */
    BigDecimal weighted(int digits) {
      return BigDecimal.valueOf(weightedUnits, digits + 4)
          .add(weightedOverflow.movePointLeft(digits + 4));
    }
  }

  /** Returns a probability in whole basis points, or -1 when it has finer decimals. */
  static long basisPoints(Percentage probability) {
    BigDecimal percent = probability.percent();
    int scale = percent.scale();
    if (scale == 0 && percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0) {
      return percent.longValue() * 100;
    }
    if (scale > 0 && scale <= 2 && percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0) {
      return percent.movePointRight(2).longValueExact();
    }
    return -1;
  }

  /** Rounds an exact amount half-even to a currency's minor unit. */
  static Money round(BigDecimal exact, Currency currency) {
    return Money.of(exact.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
        currency);
  }

  /** Returns part / whole as a percentage with 2 decimals (half-even); whole is not zero. */
  static Percentage percent(BigDecimal part, BigDecimal whole) {
    return Percentage.ofPercent(
        part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN));
  }

  /** Returns the exact length of a duration in days, to DECIMAL128 precision. */
  static BigDecimal days(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
        .divide(SECONDS_PER_DAY, MathContext.DECIMAL128);
  }

  /** Returns the median of durations: the middle one, or the mean of the two middle ones. */
  static Duration median(Duration[] durations, int count) {
    Arrays.sort(durations, 0, count);
    if (count % 2 == 1) {
      return durations[count / 2];
    }
    return durations[count / 2 - 1].plus(durations[count / 2]).dividedBy(2);
  }

  /** Checks that money may be reported in a currency: it has a minor unit. */
  static void requireMinorUnit(Currency currency, String code, String field) {
    if (currency.getDefaultFractionDigits() < 0) {
      throw new InvalidValueException(List.of(Violation.of(code, field,
          currency.getCurrencyCode() + " has no minor unit and cannot be a report currency")));
    }
  }
}
