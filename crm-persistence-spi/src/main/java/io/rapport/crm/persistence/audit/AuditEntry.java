package io.rapport.crm.persistence.audit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EventId;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Records one change to one record: who made it, when, by which command, and the before and after
 * values of the fields it changed. Entries of a record are numbered from 1 in the order their
 * changes committed. Stored as the aggregate type {@code audit_entry} ({@link AuditLog#TYPE}) in
 * the same transaction as the change. Immutable and thread-safe.
 *
 * @param id the entry's id, derived from the record and the sequence
 * @param recordType the changed record's aggregate type name, such as {@code customer}
 * @param recordId the changed record's id value
 * @param sequence the entry's number among the record's entries, from 1
 * @param at when the change was made
 * @param actor who made it
 * @param command {@code save}, {@code erase}, {@code restore}, or for an update the JSON names of
 *     the transition's events joined by {@code +} (such as {@code customer.profile_changed}),
 *     {@code update} if it had none
 * @param changes the changed fields, in document order; empty if nothing changed
 * @param scrubbed whether the personal values were replaced by {@link #SCRUBBED} for erasure
 */
@JsonSerialize(using = AuditEntryJson.Writer.class)
@JsonDeserialize(using = AuditEntryJson.Reader.class)
public record AuditEntry(EventId id, String recordType, String recordId, long sequence, Instant at,
    ActorId actor, String command, Seq<FieldChange> changes, boolean scrubbed)
    implements Aggregate<EventId> {

  /** The JSON text that replaces every before and after value of a scrubbed entry. */
  public static final String SCRUBBED = "\"[scrubbed]\"";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the sequence is not positive, the command or record is
   *     blank, or the id is not the one derived from the record and the sequence
   */
  public AuditEntry {
    requireNonNull(id, "id");
    requireNonNull(recordType, "recordType");
    requireNonNull(recordId, "recordId");
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(command, "command");
    requireNonNull(changes, "changes");
    changes.forEach(change -> requireNonNull(change, "change"));
    if (sequence < 1) {
      throw new IllegalArgumentException("Audit entries are numbered from 1: " + sequence);
    }
    if (recordType.isBlank() || recordId.isBlank() || command.isBlank()) {
      throw new IllegalArgumentException("An audit entry names its record type, record and command");
    }
    if (!id.equals(idOf(recordType, recordId, sequence))) {
      throw new IllegalArgumentException("The audit entry " + id + " is not the entry "
          + sequence + " of " + recordType + " " + recordId);
    }
  }

  /** Returns this entry with every before and after value replaced by {@link #SCRUBBED}. */
  public AuditEntry scrub() {
    return new AuditEntry(id, recordType, recordId, sequence, at, actor, command,
        changes.map(FieldChange::scrubbed), true);
  }

  /**
   * Returns the id of a record's entry: a digest of the record (128 bits, hex) and the sequence,
   * so that two transactions can never append the same entry of a record twice.
   */
  static EventId idOf(String recordType, String recordId, long sequence) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((recordType + "/" + recordId).getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder("audit-");
      for (int i = 0; i < 16; i++) {
        id.append(Character.forDigit((digest[i] >> 4) & 0xf, 16))
            .append(Character.forDigit(digest[i] & 0xf, 16));
      }
      return EventId.parse(id.append('-').append(sequence).toString());
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("Every JVM has SHA-256", missing);
    }
  }

  /** Returns the key of a record's entries in the {@code by_record} index. */
  static String recordKey(String recordType, String recordId) {
    return recordType + "/" + recordId;
  }

  /** Returns the sort key of a sequence: 20 digits, so string order is numeric order. */
  static String sequenceKey(long sequence) {
    String digits = Long.toString(sequence);
    return "0".repeat(Math.max(0, 20 - digits.length())) + digits;
  }
}
