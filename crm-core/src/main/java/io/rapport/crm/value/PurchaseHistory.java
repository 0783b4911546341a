package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.LocalDate;

/**
 * Lists the days on which one customer bought, in any order; each element is one purchase, so
 * two purchases on the same day appear twice. Immutable and thread-safe.
 *
 * <p>The days are kept sorted (ascending) so that two histories with the same purchases are
 * equal whatever order they were recorded in.
 *
 * @param customer the customer's key
 * @param days the days of the purchases, sorted ascending
 */
public record PurchaseHistory(String customer, Seq<LocalDate> days) {

  /**
   * Checks the key and sorts the days.
   *
   * @throws NullPointerException when {@code customer} or {@code days} is null
   * @throws InvalidValueException when the key is blank or a day is null
   *     ({@code value.history.customer_blank}, {@code value.history.day_missing})
   */
  public PurchaseHistory {
    requireNonNull(customer, "customer");
    requireNonNull(days, "days");
    List<Violation> problems = List.empty();
    if (customer.isBlank()) {
      problems = problems.append(Violation.of("value.history.customer_blank", "customer",
          "the customer key must not be blank"));
    }
    if (days.contains(null)) {
      problems = problems.append(Violation.of("value.history.day_missing", "days",
          "a purchase day must not be null"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    days = days.sorted();
  }

  /**
   * Returns a history from the days of its purchases.
   *
   * @param customer the customer's key
   * @param days the days, in any order
   * @return the history
   */
  public static PurchaseHistory of(String customer, LocalDate... days) {
    return new PurchaseHistory(customer, List.of(days));
  }

  /**
   * Returns the purchases made on or before a day: the history as it was known then.
   *
   * @param asOf the last day to keep
   * @return the days up to {@code asOf}, ascending
   */
  public Seq<LocalDate> upTo(LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    return days.takeWhile(d -> !d.isAfter(asOf));
  }
}
