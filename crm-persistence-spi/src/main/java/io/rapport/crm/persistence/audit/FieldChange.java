package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;

/**
 * Records how one field of a record's JSON document changed: its path and the JSON text of its
 * value before and after, each absent when the field did not exist. Paths start at {@code $} and
 * name object properties as {@code .name}, or {@code ['name']} when the name is not a plain
 * identifier (such as {@code $.attributes['wood.preference']}); an array is one value, never split
 * by index. Immutable and thread-safe.
 *
 * @param path the field's path in the aggregate's JSON document, such as {@code $.name.display}
 * @param before the value before the change as JSON text, or empty if the field was absent
 * @param after the value after the change as JSON text, or empty if the field is now absent
 */
public record FieldChange(String path, Option<String> before, Option<String> after) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a present value is null
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public FieldChange {
    requireNonNull(path, "path");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    before.forEach(value -> requireNonNull(value, "before"));
    after.forEach(value -> requireNonNull(value, "after"));
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("A field path starts with $: " + path);
    }
  }

  /**
   * Returns a change.
   *
   * @param path the field's path
   * @param before the JSON text before, or null if the field was absent
   * @param after the JSON text after, or null if the field is now absent
   * @return the change
   * @throws NullPointerException if path is null
   * @throws IllegalArgumentException if the path does not start with {@code $}
   */
  public static FieldChange of(String path, String before, String after) {
    return new FieldChange(path, Option.of(before), Option.of(after));
  }

  /** Returns this change with every present value replaced by {@link AuditEntry#SCRUBBED}. */
  public FieldChange scrubbed() {
    return new FieldChange(path, before.map(value -> AuditEntry.SCRUBBED),
        after.map(value -> AuditEntry.SCRUBBED));
  }
}
