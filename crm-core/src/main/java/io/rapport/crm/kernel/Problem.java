package io.rapport.crm.kernel;

/**
 * Describes something that went wrong in terms a caller can act on: a stable machine-readable code
 * and a human-readable message.
 *
 * <p>Codes are lower-case, dot-separated and stable across releases (for example
 * {@code money.amount.too_many_decimals}); messages may change. Two kinds of problem exist: a
 * {@link Violation} reports invalid outside input, a {@link Rejection} reports a refused command.
 */
public interface Problem {

  /** Returns the stable, machine-readable code of this problem. */
  String code();

  /** Returns a human-readable description of this problem. */
  String message();
}
