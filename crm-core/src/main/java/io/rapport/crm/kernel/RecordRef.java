package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Points at one record of any kind, such as the opportunity a call was about or the ticket an
 * activity follows up: the id kind's name and the id's value. Used where a link may lead to
 * records of several kinds. Immutable and thread-safe.
 *
 * <p>{@code toString()} prints {@code kind/value}, such as {@code ticketId/T-17}, and
 * {@link #parse(String)} accepts exactly that.
 *
 * @param kind the id kind's name, such as {@code ticketId}
 * @param value the id's value
 */
public record RecordRef(String kind, String value) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the kind is not a known id kind ({@code ref.kind.unknown}) or
   *     the value is not a valid id
   */
  public RecordRef {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    Seq<Violation> problems = problems(kind, value);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns a reference to the record with the given id.
   *
   * @param id the id
   * @return the reference
   * @throws NullPointerException if id is null
   */
  public static RecordRef to(TypedId id) {
    requireNonNull(id, "id");
    return new RecordRef(IdKind.kindOf(id).name(), id.value());
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param text such as {@code ticketId/T-17}
   * @return the reference
   * @throws NullPointerException if text is null
   * @throws InvalidValueException if the text is malformed ({@code ref.malformed}), or its kind or
   *     value is invalid
   */
  public static RecordRef parse(String text) {
    requireNonNull(text, "text");
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new InvalidValueException(List.of(Violation.of("ref.malformed", "ref",
          "A record reference reads kind/value, such as ticketId/T-17: " + Checks.quote(text))));
    }
    return new RecordRef(text.substring(0, slash), text.substring(slash + 1));
  }

  /**
   * Validates outside input into a reference.
   *
   * @param kind the id kind's name, possibly null
   * @param value the id's value, possibly null
   * @return the reference, or every violation
   */
  public static Validation<Seq<Violation>, RecordRef> validated(String kind, String value) {
    Seq<Violation> problems = problems(kind, value);
    return problems.isEmpty() ? Validation.valid(new RecordRef(kind, value))
        : Validation.invalid(problems);
  }

  private static Seq<Violation> problems(String kind, String value) {
    if (kind == null) {
      return List.of(Violation.of("ref.kind.missing", "ref.kind", "A record reference needs a kind"));
    }
    return IdKind.named(kind).fold(
        () -> List.of(Violation.of("ref.kind.unknown", "ref.kind", "Unknown id kind "
            + Checks.quote(kind) + "; known: " + IdKind.all().map(IdKind::name).mkString(", "))),
        known -> known.validated(value).fold(errors -> errors, id -> List.empty()));
  }

  /** Returns whether this refers to a record of the given kind. */
  public boolean isA(IdKind<?> idKind) {
    return kind.equals(idKind.name());
  }

  /**
   * Returns the id this refers to, if it is of the given kind.
   *
   * @param idKind the kind expected
   * @param <I> the id type
   * @return the id, or empty if this refers to another kind
   */
  public <I extends TypedId> io.vavr.control.Option<I> as(IdKind<I> idKind) {
    return isA(idKind) ? io.vavr.control.Option.of(idKind.parse(value)) : io.vavr.control.Option.none();
  }

  @Override
  public String toString() {
    return kind + "/" + value;
  }
}
