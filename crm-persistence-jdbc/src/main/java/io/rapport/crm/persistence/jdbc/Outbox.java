package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outbox table: events written with the transaction that caused them, read back in sequence
 * order, and one delivery position per consumer.
 */
final class Outbox {

  static final String INSERT = "INSERT INTO rapport_outbox"
      + " (sequence, event_type, event_id, aggregate_id, occurred_at, document)"
      + " VALUES (?, ?, ?, ?, ?, ?)";
  static final String AFTER = "SELECT sequence, document FROM rapport_outbox"
      + " WHERE sequence > ? ORDER BY sequence LIMIT ?";
  static final String POSITION = "SELECT position FROM rapport_outbox_consumer"
      + " WHERE consumer = ?";
  static final String REDACT = "UPDATE rapport_outbox SET document = ? WHERE sequence = ?";
  /** How many aggregate ids one redaction query names. */
  static final int REDACT_CHUNK = 100;
  static final String ADVANCE = "UPDATE rapport_outbox_consumer SET position = ?"
      + " WHERE consumer = ? AND position < ?";

  private final JsonCodec codec;
  private final Dialect dialect;
  private final String consumer;

  Outbox(JsonCodec codec, Dialect dialect, String consumer) {
    this.codec = codec;
    this.dialect = dialect;
    this.consumer = consumer;
  }

  /** Encodes an event for the outbox, failing at once if it has no registered JSON name. */
  Pending encode(DomainEvent event) {
    String document = codec.encodeDocument(event);
    return new Pending(event, typeOf(document), document);
  }

  /**
   * Writes a committing transaction's events; the caller holds the outbox lock.
   *
   * @return the sequence of the first event written
   */
  long append(Connection connection, List<Pending> events) throws SQLException {
    long[] sequences = new long[events.size()];
    try (PreparedStatement next = connection.prepareStatement(dialect.nextSequenceSql())) {
      for (int i = 0; i < sequences.length; i++) {
        try (ResultSet row = next.executeQuery()) {
          row.next();
          sequences[i] = row.getLong(1);
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < sequences.length; i++) {
        Pending pending = events.get(i);
        insert.setLong(1, sequences[i]);
        insert.setString(2, pending.type());
        insert.setString(3, pending.event().eventId().value());
        insert.setString(4, pending.event().aggregateId().value());
        insert.setTimestamp(5, Timestamp.from(pending.event().occurredAt()));
        insert.setString(6, pending.document());
        if (sequences.length == 1) {
          insert.executeUpdate();
          return sequences[0];
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return sequences[0];
  }

  /** Reads up to {@code limit} entries after a sequence, in order. */
  List<OutboxEntry> after(Connection connection, long position, int limit) throws SQLException {
    List<OutboxEntry> entries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(AFTER)) {
      select.setLong(1, position);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long sequence = rows.getLong(1);
          entries.add(new OutboxEntry(sequence, decode(sequence, rows.getString(2))));
        }
      }
    }
    return entries;
  }

  /** Returns this consumer's delivery position, registering the consumer at 0 if it is new. */
  long position(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(POSITION)) {
      select.setString(1, consumer);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          return row.getLong(1);
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO rapport_outbox_consumer (consumer, position) VALUES (?, 0)")) {
      insert.setString(1, consumer);
      insert.executeUpdate();
    } catch (SQLException raced) {
      if (!Dialect.isDuplicateKey(raced)) {
        throw raced;
      }
    }
    return 0;
  }

  /** Moves this consumer's position forward (never back). */
  void advance(Connection connection, long to) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(ADVANCE)) {
      update.setLong(1, to);
      update.setString(2, consumer);
      update.setLong(3, to);
      update.executeUpdate();
    }
  }

  /** Deletes the entries every consumer has been delivered; returns how many. */
  int prune(Connection connection) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rapport_outbox"
        + " WHERE sequence <= (SELECT MIN(position) FROM rapport_outbox_consumer)")) {
      return delete.executeUpdate();
    }
  }

  /**
   * Replaces, in the entries still in the outbox before a sequence, every event of one of the
   * written aggregates that carries personal text by its {@link RedactableEvent#redacted()
   * redacted} event: only the document changes, so the sequence, the event id and the order stay.
   * The caller holds the outbox lock, in the transaction that erases a customer, after
   * {@link #prune}.
   *
   * @return how many entries were redacted
   */
  int redact(Connection connection, long before, Set<TypedId> written) throws SQLException {
    List<String> values = written.stream().map(TypedId::value).distinct().sorted()
        .collect(Collectors.toList());
    Map<Long, String> redacted = new TreeMap<>();
    for (int from = 0; from < values.size(); from += REDACT_CHUNK) {
      List<String> chunk = values.subList(from,
          Math.min(values.size(), from + REDACT_CHUNK));
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT sequence, document FROM rapport_outbox WHERE sequence < ? AND aggregate_id IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
        select.setLong(1, before);
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long sequence = rows.getLong(1);
            String document = rows.getString(2);
            DomainEvent event = decode(sequence, document);
            if (event instanceof RedactableEvent redactable
                && written.contains(event.aggregateId())) {
              String plain = codec.encodeDocument(redactable.redacted());
              if (!plain.equals(document)) {
                redacted.put(sequence, plain);
              }
            }
          }
        }
      }
    }
    if (redacted.isEmpty()) {
      return 0;
    }
    try (PreparedStatement update = connection.prepareStatement(REDACT)) {
      for (Map.Entry<Long, String> entry : redacted.entrySet()) {
        update.setString(1, entry.getValue());
        update.setLong(2, entry.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
    return redacted.size();
  }

  private DomainEvent decode(long sequence, String document) {
    try {
      return codec.decodeDocument(document, DomainEvent.class);
    } catch (CodecException unreadable) {
      throw new StorageException("Outbox entry " + sequence + " cannot be read: "
          + unreadable.getMessage(), unreadable);
    }
  }

  /** Returns the registered type name written in a document the codec made. */
  private static String typeOf(String document) {
    int start = document.indexOf("\"type\":\"");
    int end = start < 0 ? -1 : document.indexOf('"', start + 8);
    if (end < 0) {
      throw new IllegalStateException("Not a codec document: " + document);
    }
    return document.substring(start + 8, end);
  }

  /** An event encoded for the outbox, waiting for its transaction to commit. */
  record Pending(DomainEvent event, String type, String document) {}
}
