package io.rapport.crm.work;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Names what an employee may do, such as {@code agent} or {@code sales.manager}. A host defines its
 * own roles beyond the constants here. Immutable and thread-safe.
 *
 * <p>A code has 1 to {@value #MAX_LENGTH} characters drawn from lower-case letters, digits and
 * {@code . _ -}. {@code toString()} prints the code and {@link #parse(String)} accepts exactly that.
 *
 * @param code the role's code
 */
public record Role(String code) implements Comparable<Role> {

  /** The longest code accepted, in characters. */
  public static final int MAX_LENGTH = 64;

  /** Handles customers' calls, tickets and follow-ups. */
  public static final Role AGENT = new Role("agent");

  /** Sells: owns leads and opportunities. */
  public static final Role SALES_REP = new Role("sales.rep");

  /** Leads a team: assigns and reassigns its work. */
  public static final Role MANAGER = new Role("manager");

  /** Configures the CRM. */
  public static final Role ADMIN = new Role("admin");

  /**
   * Checks the code.
   *
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is blank ({@code role.blank}), too long
   *     ({@code role.too_long}) or has another character ({@code role.malformed})
   */
  public Role {
    requireNonNull(code, "code");
    Checks.orThrow(problems(code, "role"));
  }

  /**
   * Returns the role with a code.
   *
   * @param code such as {@code sales.manager}
   * @return the role
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is not valid
   */
  public static Role of(String code) {
    return new Role(code);
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param code the role's code
   * @return the role
   * @throws NullPointerException if code is null
   * @throws InvalidValueException if the code is not valid
   */
  public static Role parse(String code) {
    return new Role(code);
  }

  /**
   * Validates outside input into a role.
   *
   * @param code the code, possibly null ({@code role.missing})
   * @param field the field to name in violations, such as {@code roles[2]}
   * @return the role, or the violation: {@code role.missing}, {@code role.blank},
   *     {@code role.too_long} or {@code role.malformed}
   * @throws NullPointerException if field is null
   */
  public static Validation<Seq<Violation>, Role> validated(String code, String field) {
    requireNonNull(field, "field");
    if (code == null) {
      return Violation.invalid("role.missing", field, "A role code is required");
    }
    Seq<Violation> problems = problems(code, field);
    return problems.isEmpty() ? Validation.valid(new Role(code)) : Validation.invalid(problems);
  }

  private static Seq<Violation> problems(String code, String field) {
    if (code.isEmpty()) {
      return List.of(Violation.of("role.blank", field, "A role code must not be empty"));
    }
    if (code.length() > MAX_LENGTH) {
      return List.of(Violation.of("role.too_long", field,
          "A role code has at most " + MAX_LENGTH + " characters, but got " + code.length()));
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-';
      if (!allowed) {
        return List.of(Violation.of("role.malformed", field,
            "A role code has only lower-case letters, digits and . _ - but got "
                + Checks.quote(code)));
      }
    }
    return List.empty();
  }

  /**
   * Orders roles by code.
   *
   * @param other the role to compare with
   * @return negative, zero or positive as this code sorts before, with or after the other
   */
  @Override
  public int compareTo(Role other) {
    return code.compareTo(other.code);
  }

  /** Returns the code. */
  @Override
  public String toString() {
    return code;
  }
}
