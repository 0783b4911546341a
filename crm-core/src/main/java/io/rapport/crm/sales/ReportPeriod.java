package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a calendar month, quarter or year that reports group by, printed as {@code 2026-11},
 * {@code 2026-Q4} or {@code 2026}. Quarters are calendar quarters (Q1 = January to March), on
 * the ISO calendar. Immutable and thread-safe.
 *
 * <p>Periods order by their first day, then the longer period first, so {@code 2026} comes before
 * {@code 2026-Q1}, which comes before {@code 2026-01}.
 *
 * @param grain whether it is a month, a quarter or a year
 * @param year the year, 1 to 9999
 * @param number the month (1 to 12), the quarter (1 to 4), or 1 for a year
 */
public record ReportPeriod(Grain grain, int year, int number) implements Comparable<ReportPeriod> {

  private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q(\\d)))?");

  /** Names how long a report period is. */
  public enum Grain {
    /** A calendar month. */
    MONTH,
    /** A calendar quarter: January–March, April–June, July–September, October–December. */
    QUARTER,
    /** A calendar year. */
    YEAR
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if grain is null
   * @throws InvalidValueException if the year is outside 1 to 9999
   *     ({@code report.period.year_out_of_range}) or the number does not fit the grain
   *     ({@code report.period.number_out_of_range})
   */
  public ReportPeriod {
    requireNonNull(grain, "grain");
    Seq<Violation> problems = problems(grain, year, number, "period");
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the period of a grain that holds a day.
   *
   * @param grain the grain
   * @param day the day
   * @return the month, quarter or year of the day
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the day's year is outside 1 to 9999
   */
  public static ReportPeriod of(Grain grain, LocalDate day) {
    requireNonNull(grain, "grain");
    requireNonNull(day, "day");
    return new ReportPeriod(grain, day.getYear(), numberOf(grain, day.getMonthValue()));
  }

  /**
   * Returns a month.
   *
   * @param year the year
   * @param month the month, 1 to 12
   * @return the period
   * @throws InvalidValueException if the year or month is out of range
   */
  public static ReportPeriod month(int year, int month) {
    return new ReportPeriod(Grain.MONTH, year, month);
  }

  /**
   * Returns a calendar quarter.
   *
   * @param year the year
   * @param quarter the quarter, 1 to 4
   * @return the period
   * @throws InvalidValueException if the year or quarter is out of range
   */
  public static ReportPeriod quarter(int year, int quarter) {
    return new ReportPeriod(Grain.QUARTER, year, quarter);
  }

  /**
   * Returns a calendar year.
   *
   * @param year the year
   * @return the period
   * @throws InvalidValueException if the year is out of range
   */
  public static ReportPeriod year(int year) {
    return new ReportPeriod(Grain.YEAR, year, 1);
  }

  /**
   * Parses what {@link #toString()} prints: {@code 2026-11}, {@code 2026-Q4} or {@code 2026}.
   *
   * @param text the text
   * @return the period
   * @throws NullPointerException if text is null
   * @throws InvalidValueException if the text is not a period ({@code report.period.malformed}) or
   *     a part is out of range
   */
  public static ReportPeriod parse(String text) {
    requireNonNull(text, "text");
    return InvalidValueException.valueOrThrow(validated(text, "period"));
  }

  /**
   * Validates outside input such as {@code 2026-Q4} into a period.
   *
   * @param text the text, possibly null
   * @param field the field to name in a violation
   * @return the period, or {@code report.period.malformed},
   *     {@code report.period.year_out_of_range} or {@code report.period.number_out_of_range}
   */
  public static Validation<Seq<Violation>, ReportPeriod> validated(String text, String field) {
    requireNonNull(field, "field");
    Matcher matcher = text == null ? null : SHAPE.matcher(text);
    if (matcher == null || !matcher.matches()) {
      return Violation.invalid("report.period.malformed", field, "Expected a period such as"
          + " '2026-11', '2026-Q4' or '2026', but got "
          + (text == null ? "nothing" : "'" + text + "'"));
    }
    int year = Integer.parseInt(matcher.group(1));
    Grain grain = matcher.group(2) != null ? Grain.MONTH
        : matcher.group(3) != null ? Grain.QUARTER : Grain.YEAR;
    int number = grain == Grain.MONTH ? Integer.parseInt(matcher.group(2))
        : grain == Grain.QUARTER ? Integer.parseInt(matcher.group(3)) : 1;
    Seq<Violation> problems = problems(grain, year, number, field);
    return problems.isEmpty() ? Validation.valid(new ReportPeriod(grain, year, number))
        : Validation.invalid(problems);
  }

  /** Returns the first day of the period. */
  public LocalDate start() {
    return LocalDate.of(year, grain == Grain.MONTH ? number
        : grain == Grain.QUARTER ? 3 * number - 2 : 1, 1);
  }

  /** Returns the first day after the period (its end, exclusive). */
  public LocalDate end() {
    LocalDate start = start();
    return grain == Grain.MONTH ? start.plusMonths(1)
        : grain == Grain.QUARTER ? start.plusMonths(3) : start.plusYears(1);
  }

  /** Returns the last day of the period. */
  public LocalDate last() {
    return end().minusDays(1);
  }

  /**
   * Tells whether a day lies in the period.
   *
   * @param day the day
   * @return true if it is on or after the first day and on or before the last
   * @throws NullPointerException if day is null
   */
  public boolean contains(LocalDate day) {
    requireNonNull(day, "day");
    return day.getYear() == year && (grain == Grain.YEAR
        || numberOf(grain, day.getMonthValue()) == number);
  }

  /**
   * Returns the period of the same grain that follows this one.
   *
   * @return the next period
   * @throws InvalidValueException after the year 9999
   */
  public ReportPeriod next() {
    return of(grain, end());
  }

  /** Orders periods by first day, then the longer one first. */
  @Override
  public int compareTo(ReportPeriod other) {
    int byStart = start().compareTo(other.start());
    return byStart != 0 ? byStart : other.grain.compareTo(grain);
  }

  /** Returns {@code 2026-11}, {@code 2026-Q4} or {@code 2026}. */
  @Override
  public String toString() {
    String yearText = String.format("%04d", year);
    return grain == Grain.MONTH ? yearText + "-" + (number < 10 ? "0" : "") + number
        : grain == Grain.QUARTER ? yearText + "-Q" + number : yearText;
  }

  static int numberOf(Grain grain, int month) {
    return grain == Grain.MONTH ? month : grain == Grain.QUARTER ? (month + 2) / 3 : 1;
  }

  private static Seq<Violation> problems(Grain grain, int year, int number, String field) {
    Seq<Violation> problems = List.empty();
    if (year < 1 || year > 9999) {
      problems = problems.append(Violation.of("report.period.year_out_of_range", field,
          "A report period's year is 1 to 9999, but got " + year));
    }
    int most = grain == Grain.MONTH ? 12 : grain == Grain.QUARTER ? 4 : 1;
    if (number < 1 || number > most) {
      problems = problems.append(Violation.of("report.period.number_out_of_range", field,
          "A " + grain.name().toLowerCase(java.util.Locale.ROOT) + "'s number is 1 to " + most
              + ", but got " + number));
    }
    return problems;
  }
}
