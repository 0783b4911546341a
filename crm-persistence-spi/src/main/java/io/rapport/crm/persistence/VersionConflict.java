package io.rapport.crm.persistence;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;

/**
 * Reports a save refused because the aggregate changed since it was read: someone else saved (or
 * erased) it first. Nothing was written. Re-read, re-apply the change and save again, or let
 * {@code update} do that. Immutable and thread-safe.
 *
 * @param type the aggregate type's name, such as {@code customer}
 * @param id the aggregate's id
 * @param expected the version the save expected
 * @param actual the version actually stored; {@link Version#NEW} if there is none
 */
public record VersionConflict(String type, TypedId id, Version expected, Version actual)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public VersionConflict {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
    requireNonNull(expected, "expected");
    requireNonNull(actual, "actual");
  }

  /** Returns {@code storage.version_conflict}. */
  @Override
  public String code() {
    return "storage.version_conflict";
  }

  @Override
  public String message() {
    return type + " " + id + " was expected at " + expected + " but is at " + actual;
  }
}
