package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Seq;

/**
 * Refuses a write through a secured view that would store or publish a masked value, or would
 * silently lose a change to a field the actor saw masked. Nothing was written and nothing
 * published. {@code update} answers it inside an {@code UpdateFailure} of reason
 * {@code REJECTED}; {@code save} throws it inside a {@link MaskedValueException}. It names the
 * fields, never a value. Immutable and thread-safe.
 *
 * @param type the aggregate type's name
 * @param id the record's id value
 * @param problem what was wrong with the masked fields
 * @param fields the fields concerned, such as {@code phone}, sorted
 * @param where {@code state}, or {@code event} and the simple name of the event's type
 */
public record MaskedValueRefused(String type, String id, Problem problem, Seq<String> fields,
    String where) implements Rejection {

  /** Names what was wrong with the masked fields. */
  public enum Problem {
    /**
     * The state or an event still holds a masked value after the stored values were put back,
     * for example a command copied a masked phone number into an event of its own.
     */
    STILL_MASKED,
    /**
     * The command changed a field it saw masked (removed, verified or made primary a masked
     * contact point, erased it): putting the stored values back would undo the change while its
     * events state it, so the command is refused instead.
     */
    CHANGED
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if no field is named
   */
  public MaskedValueRefused {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(problem, "problem");
    requireNonNull(fields, "fields");
    requireNonNull(where, "where");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("A masked-value refusal names at least one field");
    }
  }

  /** Returns {@code access.masked_value}. */
  @Override
  public String code() {
    return "access.masked_value";
  }

  /** Returns the record, the problem, the fields and where they were found, in words. */
  @Override
  public String message() {
    if (problem == Problem.CHANGED) {
      return "The change to " + type + " " + id + " changes " + fields.mkString(", ")
          + ", which the actor sees masked and may not change";
    }
    return "The change to " + type + " " + id + " holds the masked value of "
        + fields.mkString(", ") + " in its " + where + ", which the stored value cannot replace:"
        + " a masked value is never stored or published";
  }
}
