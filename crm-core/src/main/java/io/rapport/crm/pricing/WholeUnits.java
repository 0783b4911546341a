package io.rapport.crm.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic on {@code long} unscaled values with an {@code int} scale, for quote
 * totals: a decimal is {@code unscaled × 10^-scale}, as in {@link BigDecimal}. Each operation
 * gives the value and the scale {@link BigDecimal} gives for the same operands (a sum or a
 * difference at the larger scale, a product at the sum of the scales), so a result turned back
 * with {@link BigDecimal#valueOf(long, int)} equals, scale included, the {@link BigDecimal}
 * result. Whatever would not fit a {@code long} throws {@link ArithmeticException}: the caller
 * then goes back to {@link BigDecimal}.
 */
final class WholeUnits {

  /** Marks a decimal whose unscaled value does not fit (not a value this class produces). */
  static final long NONE = Long.MIN_VALUE;

  private static final long[] POWERS = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power;
      power *= 10;
    }
  }

  private WholeUnits() {}

  /** Returns a decimal's unscaled value, or {@link #NONE} when it has more than 18 digits. */
  static long unscaled(BigDecimal value) {
    return value.precision() > 18 ? NONE : value.unscaledValue().longValue();
  }

  /** Returns 10 to a power from 0 to 18. */
  private static long power(int exponent) {
    if (exponent < 0 || exponent >= POWERS.length) {
      throw new ArithmeticException("10^" + exponent + " does not fit a long");
    }
    return POWERS[exponent];
  }

  /** Returns an unscaled value at a scale at least its own. */
  private static long raised(long unscaled, int from, int to) {
    return from == to ? unscaled : Math.multiplyExact(unscaled, power(to - from));
  }

  /** Compares two decimals by value, as {@link BigDecimal#compareTo} does. */
  static int compare(long a, int aScale, long b, int bScale) {
    if (aScale == bScale) {
      return Long.compare(a, b);
    }
    int scale = Math.max(aScale, bScale);
    return Long.compare(raised(a, aScale, scale), raised(b, bScale, scale));
  }

  /** Returns the unscaled value of {@code a + b}, at the larger of the scales. */
  static long plus(long a, int aScale, long b, int bScale) {
    int scale = Math.max(aScale, bScale);
    return Math.addExact(raised(a, aScale, scale), raised(b, bScale, scale));
  }

  /** Returns the unscaled value of {@code a - b}, at the larger of the scales. */
  static long minus(long a, int aScale, long b, int bScale) {
    int scale = Math.max(aScale, bScale);
    return Math.subtractExact(raised(a, aScale, scale), raised(b, bScale, scale));
  }

  /**
   * Returns the unscaled value of a decimal set to a scale, as {@link BigDecimal#setScale(int,
   * RoundingMode)} does (a mode other than {@code UNNECESSARY}).
   */
  static long rounded(long unscaled, int scale, int target, RoundingMode mode) {
    if (scale <= target) {
      return raised(unscaled, scale, target);
    }
    long divisor = power(scale - target);
    long quotient = unscaled / divisor;
    long remainder = unscaled % divisor;
    if (remainder == 0) {
      return quotient;
    }
    long away = quotient + (unscaled > 0 ? 1 : -1);
    /* The remainder is below 10^18 in size, so twice it still fits. */
    int half = Long.compare(2 * Math.abs(remainder), divisor);
    switch (mode) {
      case UP:
        return away;
      case DOWN:
        return quotient;
      case CEILING:
        return unscaled > 0 ? away : quotient;
      case FLOOR:
        return unscaled < 0 ? away : quotient;
      case HALF_UP:
        return half >= 0 ? away : quotient;
      case HALF_DOWN:
        return half > 0 ? away : quotient;
      case HALF_EVEN:
        return half > 0 || half == 0 && (quotient & 1) != 0 ? away : quotient;
      default:
        throw new ArithmeticException("Rounding needed under " + mode);
    }
  }
}
