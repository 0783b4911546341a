package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Seq;

/**
 * Refuses to quote a cart, with every problem found at once: for the cart (empty, another
 * currency than the rule set's, duplicate line ids, unknown or used-up coupons) and for each line
 * that cannot be priced (no price found, quantity not positive). A cart with any problem gets no
 * quote at all, never a wrong price. Immutable and thread-safe.
 *
 * @param problems the problems, cart problems first, then lines in cart order; not empty
 */
public record CartRejection(Seq<CartProblem> problems) implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if problems or a problem is null
   * @throws IllegalArgumentException if there is no problem
   */
  public CartRejection {
    requireNonNull(problems, "problems");
    problems.forEach(value -> requireNonNull(value, "problems"));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A cart rejection names at least one problem");
    }
  }

  /** Returns the first problem's code. */
  @Override
  public String code() {
    return problems.head().code();
  }

  /** Returns every problem's message, one per line of text, with its line when there is one. */
  @Override
  public String message() {
    return problems.map(p -> p.lineId().map(id -> "line " + id + ": ").getOrElse("")
        + p.message()).mkString("\n");
  }

  /**
   * Tells whether some problem has a code.
   *
   * @param code the code
   * @return true if a problem has it
   */
  public boolean has(String code) {
    return problems.exists(problem -> problem.code().equals(code));
  }
}
