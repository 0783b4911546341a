package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sums up a set of stays in a stage: how many, their total, mean and median length. The median of
 * an even number of stays is the mean of the middle two. Immutable and thread-safe.
 *
 * @param count how many stays
 * @param total their total length
 * @param mean the mean length, empty when there are none
 * @param median the median length, empty when there are none
 */
public record DwellStatistics(int count, Duration total, Option<Duration> mean,
    Option<Duration> median) {

  /** No stays. */
  public static final DwellStatistics NONE =
      new DwellStatistics(0, Duration.ZERO, Option.none(), Option.none());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the count is negative, or the mean and median are present
   *     while there are no stays or absent while there are ({@code dwell.inconsistent})
   */
  public DwellStatistics {
    requireNonNull(total, "total");
    requireNonNull(mean, "mean");
    requireNonNull(median, "median");
    if (count < 0 || mean.isDefined() != (count > 0) || median.isDefined() != (count > 0)) {
      throw new InvalidValueException(List.of(Violation.of("dwell.inconsistent", "count",
          "A mean and median exist exactly when there are stays, but got " + count
              + " stays, mean " + mean + " and median " + median)));
    }
  }

  /**
   * Sums up stays.
   *
   * @param stays the lengths of the stays
   * @return the statistics
   * @throws NullPointerException if stays or a stay is null
   */
  public static DwellStatistics of(Iterable<Duration> stays) {
    requireNonNull(stays, "stays");
    Duration[] lengths = List.ofAll(stays).toJavaArray(Duration[]::new);
    return of(lengths, lengths.length);
  }

  static DwellStatistics of(Duration[] stays, int count) {
    if (count == 0) {
      return NONE;
    }
    Duration total = Duration.ZERO;
    for (int i = 0; i < count; i++) {
      total = total.plus(requireNonNull(stays[i], "stays element"));
    }
    Duration[] sorted = Arrays.copyOf(stays, count);
    return new DwellStatistics(count, total, Option.some(total.dividedBy(count)),
        Option.some(ForecastMath.median(sorted, count)));
  }
}
