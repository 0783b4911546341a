package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Names the days a report covers, from the first to the last, both included, such as
 * 2026-10-01 to 2026-12-31. Immutable and thread-safe.
 *
 * @param first the first day covered
 * @param last the last day covered, not before {@code first}
 */
public record ReportPeriodRange(LocalDate first, LocalDate last) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a day is null
   * @throws InvalidValueException if the last day is before the first ({@code report.range.empty})
   */
  public ReportPeriodRange {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new InvalidValueException(io.vavr.collection.List.of(empty(first, last, "last")));
    }
  }

  /**
   * Returns the days from the first to the last, both included.
   *
   * @param first the first day
   * @param last the last day
   * @return the range
   * @throws NullPointerException if a day is null
   * @throws InvalidValueException if the last day is before the first ({@code report.range.empty})
   */
  public static ReportPeriodRange of(LocalDate first, LocalDate last) {
    return new ReportPeriodRange(first, last);
  }

  /**
   * Returns the days of a period.
   *
   * @param period the period
   * @return from its first to its last day
   * @throws NullPointerException if period is null
   */
  public static ReportPeriodRange of(ReportPeriod period) {
    requireNonNull(period, "period");
    return new ReportPeriodRange(period.start(), period.last());
  }

  /**
   * Returns the days from the start of one period to the end of another, such as 2026-Q1 to
   * 2026-Q2.
   *
   * @param from the first period
   * @param to the last period
   * @return from the first day of {@code from} to the last day of {@code to}
   * @throws NullPointerException if a period is null
   * @throws InvalidValueException if {@code to} ends before {@code from} starts
   *     ({@code report.range.empty})
   */
  public static ReportPeriodRange of(ReportPeriod from, ReportPeriod to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return new ReportPeriodRange(from.start(), to.last());
  }

  /**
   * Validates outside input into a range.
   *
   * @param first the first day, possibly null
   * @param last the last day, possibly null
   * @return the range, or {@code report.range.missing} (fields {@code first}, {@code last}) or
   *     {@code report.range.empty}
   */
  public static Validation<Seq<Violation>, ReportPeriodRange> validated(LocalDate first,
      LocalDate last) {
    Seq<Violation> problems = io.vavr.collection.List.empty();
    if (first == null) {
      problems = problems.append(
          Violation.of("report.range.missing", "first", "A first day is required"));
    }
    if (last == null) {
      problems = problems.append(
          Violation.of("report.range.missing", "last", "A last day is required"));
    }
    if (problems.isEmpty() && last.isBefore(first)) {
      problems = problems.append(empty(first, last, "last"));
    }
    return problems.isEmpty() ? Validation.valid(new ReportPeriodRange(first, last))
        : Validation.invalid(problems);
  }

  /**
   * Tells whether a day lies in the range.
   *
   * @param day the day
   * @return true if it is neither before the first nor after the last day
   * @throws NullPointerException if day is null
   */
  public boolean contains(LocalDate day) {
    requireNonNull(day, "day");
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /** Returns how many days the range covers, at least 1. */
  public long days() {
    return ChronoUnit.DAYS.between(first, last) + 1;
  }

  /** Returns {@code 2026-10-01..2026-12-31}. */
  @Override
  public String toString() {
    return first + ".." + last;
  }

  static Violation empty(LocalDate first, LocalDate last, String field) {
    return Violation.of("report.range.empty", field,
        "A report range ends on or after its first day (" + first + "), but ends " + last);
  }
}
