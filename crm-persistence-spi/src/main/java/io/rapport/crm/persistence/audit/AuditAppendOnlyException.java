package io.rapport.crm.persistence.audit;

/**
 * Thrown when something tries to change or erase an audit entry through a store's ports: the
 * audit log is append-only, and nothing was written. Entries change only through
 * {@link AuditLog#scrub} (erasure); an earlier value comes back through {@link AuditLog#restore},
 * which appends a new entry. Unchecked, like every refusal the {@code save} and {@code erase}
 * ports cannot return as a value.
 */
public final class AuditAppendOnlyException extends UnsupportedOperationException {

  private static final long serialVersionUID = 1L;

  /** The stable code of this refusal. */
  public static final String CODE = "audit.append_only";

  /**
   * Creates the exception.
   *
   * @param operation the port operation refused, such as {@code save}
   */
  public AuditAppendOnlyException(String operation) {
    super(CODE + ": the audit log is append-only, so " + operation + " of an audit entry is "
        + "refused; use AuditLog.restore or AuditLog.scrub");
  }

  /** Returns {@code audit.append_only}. */
  public String code() {
    return CODE;
  }
}
