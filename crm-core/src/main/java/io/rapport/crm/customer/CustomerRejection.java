package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Locale;

/**
 * Refuses a command on a customer, saying why and with what to act on: the violations of invalid
 * input, or the lifecycle refusal with the allowed stages. Immutable and thread-safe.
 *
 * @param reason why
 * @param customerId the customer concerned
 * @param detail a readable explanation
 * @param violations the violations, when input was invalid; otherwise empty
 */
public record CustomerRejection(Reason reason, CustomerId customerId, String detail,
    Seq<Violation> violations) implements Rejection {

  /** Names why a command on a customer was refused. */
  public enum Reason {
    /** The customer's personal data was erased; only erasing again is accepted. */
    ERASED,
    /** The customer was merged into another; work on that one. */
    MERGED,
    /** The input breaks a rule; see the violations. */
    INVALID,
    /** The contact point is already held by this customer. */
    CONTACT_DUPLICATE,
    /** The customer holds no such contact point. */
    CONTACT_UNKNOWN,
    /** The lifecycle move is not allowed; the detail names the allowed stages. */
    LIFECYCLE,
    /** A customer cannot be merged with itself. */
    MERGE_SELF,
    /** An erased customer cannot take part in a merge. */
    MERGE_ERASED,
    /** A customer already merged into another cannot take part in a merge. */
    MERGE_MERGED,
    /** The merge cannot be undone exactly because a customer changed since. */
    UNDO_CHANGED,
    /** The journal does not belong to these customers. */
    UNDO_MISMATCH,
    /** Nothing would change. */
    NO_CHANGE,
    /** No customer (or merge journal) with that id is stored. */
    NOT_FOUND
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public CustomerRejection {
    requireNonNull(reason, "reason");
    requireNonNull(customerId, "customerId");
    requireNonNull(detail, "detail");
    requireNonNull(violations, "violations");
  }

  /**
   * Returns a rejection without violations.
   *
   * @param reason why
   * @param id the customer concerned
   * @param detail a readable explanation
   * @return the rejection
   */
  public static CustomerRejection of(Reason reason, CustomerId id, String detail) {
    return new CustomerRejection(reason, id, detail, List.empty());
  }

  static CustomerRejection invalid(CustomerId id, Seq<Violation> violations) {
    return new CustomerRejection(Reason.INVALID, id, violations.mkString("; "), violations);
  }

  /** Returns {@code customer.} and the reason in lower case, such as {@code customer.erased}. */
  @Override
  public String code() {
    return "customer." + reason.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String message() {
    return detail;
  }
}
