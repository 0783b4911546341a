package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by {@code save} and {@code erase} of a secured store when the access policy denies the
 * write; nothing was written. Unchecked, like every refusal a caller cannot express as a value in
 * those two ports' signatures.
 */
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AccessDenied denial;

  /**
   * Creates the exception.
   *
   * @param denial what was denied and why
   * @throws NullPointerException if denial is null
   */
  public AccessDeniedException(AccessDenied denial) {
    super(requireNonNull(denial, "denial").message());
    this.denial = denial;
  }

  /** Returns {@code access.denied}. */
  public String code() {
    return denial.code();
  }

  /** Returns what was denied and why. */
  public AccessDenied denial() {
    return denial;
  }
}
