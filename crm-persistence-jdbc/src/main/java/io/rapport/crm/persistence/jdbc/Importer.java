package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes batches of new aggregates: on PostgreSQL one multi-row upsert per batch that returns the
 * ids it wrote, then the index entries of those in multi-row inserts; on H2 row by row. Keeps the
 * running report.
 */
final class Importer<I extends TypedId, A extends Aggregate<I>> {

  /** Rows per multi-row index insert: 5 parameters each, under PostgreSQL's 32 767. */
  private static final int ENTRY_ROWS = 4000;

  private final AggregateRows<I, A> rows;
  private final JsonCodec codec;
  private final Dialect dialect;
  private long created;
  private long skipped;
  private final java.util.List<String> skippedIds = new ArrayList<>();

  Importer(AggregateRows<I, A> rows, JsonCodec codec, Dialect dialect) {
    this.rows = rows;
    this.codec = codec;
    this.dialect = dialect;
  }

  /** Writes one batch on a connection whose transaction the caller commits. */
  void write(Connection connection, java.util.List<A> batch) throws SQLException {
    java.util.List<String> ids = new ArrayList<>(batch.size());
    java.util.List<String> documents = new ArrayList<>(batch.size());
    java.util.List<java.util.List<AggregateRows.Entry>> entries = new ArrayList<>(batch.size());
    Set<String> seen = new HashSet<>();
    int[] slots = new int[batch.size()]; // each input's place in ids, -1 if its id repeats
    int at = 0;
    for (A aggregate : batch) {
      String id = aggregate.id().value();
      if (!rows.type.javaType().isInstance(aggregate)) {
        throw new IllegalArgumentException("A " + rows.type.name() + " import takes "
            + rows.type.javaType().getName() + ", not " + aggregate.getClass().getName());
      }
      if (!seen.add(id)) {
        slots[at++] = -1; // the same id twice in one batch: the first one wins
        continue;
      }
      slots[at++] = ids.size();
      ids.add(id);
      documents.add(codec.encodeDocument(aggregate));
      entries.add(rows.entriesOf(aggregate));
    }
    Set<String> written = dialect instanceof PostgresDialect
        ? upsertAll(connection, ids, documents)
        : insertEach(connection, ids, documents);
    java.util.List<String> entryIds = new ArrayList<>();
    java.util.List<AggregateRows.Entry> entryRows = new ArrayList<>();
    for (int input = 0; input < batch.size(); input++) { // in input order, as the report lists
      int i = slots[input];
      if (i < 0 || !written.contains(ids.get(i))) {
        skip(batch.get(input).id().value());
        continue;
      }
      created++;
      for (AggregateRows.Entry entry : entries.get(i)) {
        entryIds.add(ids.get(i));
        entryRows.add(entry);
      }
    }
    insertEntries(connection, entryIds, entryRows);
  }

  ImportReport report() {
    return new ImportReport(created, skipped, List.ofAll(skippedIds));
  }

  private void skip(String id) {
    skipped++;
    if (skippedIds.size() < ImportReport.MAX_LISTED) {
      skippedIds.add(id);
    }
  }

  private Set<String> upsertAll(Connection connection, java.util.List<String> ids,
      java.util.List<String> documents) throws SQLException {
    Set<String> written = new HashSet<>();
    if (ids.isEmpty()) {
      return written;
    }
    StringBuilder sql = new StringBuilder("INSERT INTO rapport_aggregate"
        + " (aggregate_type, id, version, document) VALUES ");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "(?, ?, 1, ?)" : ", (?, ?, 1, ?)");
    }
    sql.append(" ON CONFLICT (aggregate_type, id) DO UPDATE"
        + " SET version = rapport_aggregate.version + 1, document = EXCLUDED.document"
        + " WHERE rapport_aggregate.document IS NULL RETURNING id");
    try (PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
      int parameter = 1;
      for (int i = 0; i < ids.size(); i++) {
        upsert.setString(parameter++, rows.type.name());
        upsert.setString(parameter++, ids.get(i));
        upsert.setString(parameter++, documents.get(i));
      }
      try (ResultSet returned = upsert.executeQuery()) {
        while (returned.next()) {
          written.add(returned.getString(1));
        }
      }
    }
    return written;
  }

  private Set<String> insertEach(Connection connection, java.util.List<String> ids,
      java.util.List<String> documents) throws SQLException {
    Set<String> written = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (dialect.insertNew(connection, rows.type.name(), ids.get(i), documents.get(i)) > 0) {
        written.add(ids.get(i));
      }
    }
    return written;
  }

  private void insertEntries(Connection connection, java.util.List<String> ids,
      java.util.List<AggregateRows.Entry> entries) throws SQLException {
    for (int from = 0; from < entries.size(); from += ENTRY_ROWS) {
      int to = Math.min(entries.size(), from + ENTRY_ROWS);
      StringBuilder sql = new StringBuilder("INSERT INTO rapport_index_entry"
          + " (aggregate_type, index_name, index_key, sort_key, id) VALUES ");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
      }
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        int parameter = 1;
        for (int i = from; i < to; i++) {
          AggregateRows.Entry entry = entries.get(i);
          insert.setString(parameter++, rows.type.name());
          insert.setString(parameter++, entry.index());
          insert.setString(parameter++, entry.key());
          insert.setString(parameter++, entry.sortKey());
          insert.setString(parameter++, ids.get(i));
        }
        insert.executeUpdate();
      }
    }
  }
}
