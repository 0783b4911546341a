package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.function.Function;

/**
 * Describes one kind of {@link TypedId}: its name (also the field name in violations) and how to
 * make one from text. Every id type exposes its kind as {@code KIND}, for outside input
 * ({@code CustomerId.KIND.validated(text)}), generators and storage. Immutable and thread-safe.
 *
 * @param <I> the id type
 */
public final class IdKind<I extends TypedId> {

  /** The longest id value accepted, in characters. */
  public static final int MAX_LENGTH = 64;

  private final String name;
  private final Function<String, I> constructor;

  private IdKind(String name, Function<String, I> constructor) {
    this.name = name;
    this.constructor = constructor;
  }

  static <I extends TypedId> IdKind<I> of(String name, Function<String, I> constructor) {
    return new IdKind<>(name, constructor);
  }

  /** Returns the kind's name, such as {@code customerId}. */
  public String name() {
    return name;
  }

  /**
   * Parses an id of this kind.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is blank ({@code id.blank}), too long
   *     ({@code id.too_long}) or has a character outside letters, digits and {@code - _ . :}
   *     ({@code id.malformed})
   */
  public I parse(String value) {
    requireNonNull(value, "value");
    return constructor.apply(value);
  }

  /**
   * Validates outside input into an id of this kind, with the kind's name as the field.
   *
   * @param value the id's value, possibly null
   * @return the id, or the violation ({@code id.missing}, {@code id.blank}, {@code id.too_long},
   *     {@code id.malformed})
   */
  public Validation<Seq<Violation>, I> validated(String value) {
    Violation problem = problemWith(value, name);
    return problem == null ? Validation.valid(constructor.apply(value))
        : Validation.invalid(List.of(problem));
  }

  /**
   * Finds a kind by its name.
   *
   * @param name such as {@code ticketId}
   * @return the kind, or empty if the kernel defines none of that name
   */
  public static Option<IdKind<?>> named(String name) {
    return KnownKinds.BY_NAME.get(requireNonNull(name, "name"));
  }

  /** Returns every kind the kernel defines, in alphabetical order of their names. */
  public static Seq<IdKind<?>> all() {
    return KnownKinds.BY_NAME.values().toList();
  }

  /**
   * Returns the kind of an id.
   *
   * @param id the id
   * @return its kind
   * @throws NullPointerException if id is null
   * @throws IllegalArgumentException if the id's type is not one the kernel defines
   */
  public static IdKind<?> kindOf(TypedId id) {
    requireNonNull(id, "id");
    return KnownKinds.BY_CLASS.get(id.getClass()).getOrElseThrow(() ->
        new IllegalArgumentException("Not a kernel id type: " + id.getClass().getName()));
  }

  @Override
  public String toString() {
    return name;
  }

  /** Checks an id value in a record's compact constructor. */
  static String check(String value, String kind) {
    requireNonNull(value, kind);
    Violation problem = problemWith(value, kind);
    if (problem != null) {
      throw new InvalidValueException(List.of(problem));
    }
    return value;
  }

  private static Violation problemWith(String value, String field) {
    if (value == null) {
      return Violation.of("id.missing", field, "An id is required");
    }
    if (value.isEmpty()) {
      return Violation.of("id.blank", field, "An id must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      return Violation.of("id.too_long", field,
          "An id has at most " + MAX_LENGTH + " characters, but got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!allowed) {
        return Violation.of("id.malformed", field,
            "An id has only letters, digits and - _ . : but got " + Checks.quote(value));
      }
    }
    return null;
  }
}
