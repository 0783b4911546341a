package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.util.regex.Pattern;

/**
 * Names what a ticket is about: one of the common categories below, or any code the business
 * adds, such as {@code installation}. Immutable and thread-safe.
 *
 * @param code the category's code: a lower-case letter or digit, then up to 63 lower-case letters,
 *     digits or {@code . _ -}
 */
public record TicketCategory(String code) implements Comparable<TicketCategory> {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** A complaint: the customer is unhappy with a product, a delivery or the service. */
  public static final TicketCategory COMPLAINT = new TicketCategory("complaint");

  /** A question. */
  public static final TicketCategory INQUIRY = new TicketCategory("inquiry");

  /** A repair or maintenance request. */
  public static final TicketCategory REPAIR = new TicketCategory("repair");

  /** A return or exchange. */
  public static final TicketCategory RETURN = new TicketCategory("return");

  /** A question or problem about a delivery. */
  public static final TicketCategory DELIVERY = new TicketCategory("delivery");

  /** A question or problem about an invoice, a payment or a refund. */
  public static final TicketCategory BILLING = new TicketCategory("billing");

  /**
   * Checks the code.
   *
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code ticket.category.invalid}, field
   *     {@code category})
   */
  public TicketCategory {
    requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new InvalidValueException(List.of(Violation.of("ticket.category.invalid", "category",
          "A category code is a lower-case letter or digit, then up to 63 lower-case letters,"
              + " digits or . _ -, but got '" + code + "'")));
    }
  }

  /**
   * Returns the category with a code.
   *
   * @param code the code
   * @return the category
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is malformed ({@code ticket.category.invalid})
   */
  public static TicketCategory of(String code) {
    return new TicketCategory(code);
  }

  /** Tells whether this is {@link #COMPLAINT}. */
  public boolean isComplaint() {
    return equals(COMPLAINT);
  }

  /** Orders categories by code. */
  @Override
  public int compareTo(TicketCategory other) {
    return code.compareTo(other.code);
  }

  /** Returns the code. */
  @Override
  public String toString() {
    return code;
  }
}
