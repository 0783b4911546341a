package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

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
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Writes batches of new aggregates: on PostgreSQL one multi-row upsert per batch that returns the
 * ids it wrote, then the index entries of those in multi-row inserts; on H2 row by row. Encodes
 * the next batch (documents and index entries) on a helper thread while the current one is
 * written, so the encoding overlaps the database's work. Keeps the running report.
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

  /**
   * One batch encoded: its distinct rows in order, every input id in input order, and each
   * input's place among the rows (-1 for a later copy of an id already in the batch, dropped).
   */
  record Batch(java.util.List<String> ids, java.util.List<String> documents,
      java.util.List<java.util.List<AggregateRows.Entry>> entries,
      java.util.List<String> inputIds, int[] slots) {}

  /**
   * Imports the aggregates batch by batch, each batch written by {@code transaction} (which
   * commits it, or rolls it back and throws). The aggregates are taken from the iterator on the
   * calling thread, a batch ahead of the one being written; a failure to take or to encode a
   * batch is thrown after the batches before it are written, exactly as if one batch were
   * encoded and written after the other.
   */
  void importAll(Iterator<? extends A> each, int batchSize, Consumer<Batch> transaction) {
    if (!each.hasNext()) {
      return;
    }
    java.util.List<A> first = take(each, batchSize);
    ExecutorService encoder = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "rapport-import-encoder");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<Batch> next = encoder.submit(() -> prepare(first));
      while (next != null) {
        Batch current = await(next);
        next = null;
        RuntimeException takeFailure = null;
        try {
          if (each.hasNext()) {
            java.util.List<A> following = take(each, batchSize);
            next = encoder.submit(() -> prepare(following));
          }
        } catch (RuntimeException failure) {
          takeFailure = failure; // thrown once the batch before it is written
        }
        transaction.accept(current);
        if (takeFailure != null) {
          throw takeFailure;
        }
      }
    } finally {
      encoder.shutdownNow();
    }
  }

  private static <A> java.util.List<A> take(Iterator<? extends A> each, int batchSize) {
    java.util.List<A> batch = new ArrayList<>(batchSize);
    while (batch.size() < batchSize && each.hasNext()) {
      batch.add(requireNonNull(each.next(), "aggregate"));
    }
    return batch;
  }

  /** Waits for an encoded batch, without giving up on an interrupt (the import ignores them). */
  private static Batch await(Future<Batch> batch) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return batch.get();
        } catch (InterruptedException interrupt) {
          interrupted = true;
        } catch (ExecutionException failure) {
          Throwable cause = failure.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException("Could not encode an import batch", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Encodes one batch; touches no state of the importer, so it runs on the helper thread. */
  Batch prepare(java.util.List<A> batch) {
    java.util.List<String> ids = new ArrayList<>(batch.size());
    java.util.List<String> documents = new ArrayList<>(batch.size());
    java.util.List<java.util.List<AggregateRows.Entry>> entries = new ArrayList<>(batch.size());
    java.util.List<String> inputIds = new ArrayList<>(batch.size());
    int[] slots = new int[batch.size()];
    Set<String> seen = new HashSet<>();
    for (A aggregate : batch) {
      String id = aggregate.id().value();
      if (!rows.type.javaType().isInstance(aggregate)) {
        throw new IllegalArgumentException("A " + rows.type.name() + " import takes "
            + rows.type.javaType().getName() + ", not " + aggregate.getClass().getName());
      }
      inputIds.add(id);
      if (!seen.add(id)) {
        slots[inputIds.size() - 1] = -1; // the same id twice in one batch: the first one wins
        continue;
      }
      slots[inputIds.size() - 1] = ids.size();
      ids.add(id);
      documents.add(codec.encodeDocument(aggregate));
      entries.add(rows.entriesOf(aggregate));
    }
    return new Batch(ids, documents, entries, inputIds, slots);
  }

  /** Writes one encoded batch on a connection whose transaction the caller commits. */
  void write(Connection connection, Batch batch) throws SQLException {
    java.util.List<String> ids = batch.ids();
    java.util.List<java.util.List<AggregateRows.Entry>> entries = batch.entries();
    Set<String> written = dialect instanceof PostgresDialect
        ? upsertAll(connection, ids, batch.documents())
        : insertEach(connection, ids, batch.documents());
    java.util.List<String> entryIds = new ArrayList<>();
    java.util.List<AggregateRows.Entry> entryRows = new ArrayList<>();
    for (int input = 0; input < batch.slots().length; input++) { // input order, as reported
      int i = batch.slots()[input];
      if (i < 0 || !written.contains(ids.get(i))) {
        skip(batch.inputIds().get(input));
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
