package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.Version;

/**
 * Ends a transaction's work when an aggregate it writes was changed by a transaction that
 * committed after this one took its snapshot: the transaction cannot commit, so the store rolls
 * it back and answers with a {@link io.rapport.crm.persistence.VersionConflict}. Never reaches
 * the host.
 */
final class ConcurrentChange extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final String type;
  final transient TypedId id;
  final transient Version expected;

  ConcurrentChange(String type, TypedId id, Version expected, Throwable cause) {
    super(type + " " + id + " changed concurrently", cause, false, false);
    this.type = type;
    this.id = id;
    this.expected = expected;
  }
}
