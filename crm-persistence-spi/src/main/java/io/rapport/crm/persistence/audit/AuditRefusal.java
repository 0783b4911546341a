package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import java.util.Locale;

/**
 * Reports why a restore changed nothing. Immutable and thread-safe.
 *
 * @param reason why nothing changed
 * @param recordType the record's aggregate type name
 * @param recordId the record's id value
 * @param sequence the audit entry named
 * @param path the field path named
 * @param detail more about the reason, possibly empty
 */
public record AuditRefusal(Reason reason, String recordType, String recordId, long sequence,
    String path, String detail) implements Rejection {

  /** Names why a restore changed nothing. */
  public enum Reason {
    /** The record has no audit entry of that sequence. */
    ENTRY_NOT_FOUND,
    /** The entry did not change that field. */
    PATH_NOT_CHANGED,
    /** The entry was scrubbed for erasure: its values are gone. */
    SCRUBBED,
    /** The record does not exist now (never saved, or erased). */
    RECORD_ABSENT,
    /** The earlier value does not make a valid record any more; see the detail. */
    INVALID_VALUE
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public AuditRefusal {
    requireNonNull(reason, "reason");
    requireNonNull(recordType, "recordType");
    requireNonNull(recordId, "recordId");
    requireNonNull(path, "path");
    requireNonNull(detail, "detail");
  }

  /**
   * Returns {@code audit.restore.entry_not_found}, {@code .path_not_changed}, {@code .scrubbed},
   * {@code .record_absent} or {@code .invalid_value}.
   */
  @Override
  public String code() {
    return "audit.restore." + reason.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String message() {
    String entry = "entry " + sequence + " of " + recordType + " " + recordId;
    switch (reason) {
      case ENTRY_NOT_FOUND:
        return "There is no audit " + entry;
      case PATH_NOT_CHANGED:
        return "The audit " + entry + " did not change " + path;
      case SCRUBBED:
        return "The audit " + entry + " was scrubbed; its values are gone";
      case RECORD_ABSENT:
        return recordType + " " + recordId + " does not exist, so " + path + " cannot be restored";
      default:
        return "The earlier value of " + path + " from the audit " + entry
            + " no longer makes a valid record: " + detail;
    }
  }
}
