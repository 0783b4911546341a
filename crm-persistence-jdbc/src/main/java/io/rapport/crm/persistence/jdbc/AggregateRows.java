package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The SQL of one aggregate type: its rows in {@code rapport_aggregate}, its index entries in
 * {@code rapport_index_entry}, and their JSON documents through the codec. Stateless apart from
 * its settings, so one instance serves every session; each method runs on the connection given.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
final class AggregateRows<I extends TypedId, A extends Aggregate<I>> {

  static final int MAX_PAGE = 10_000;

  static final String FIND = "SELECT version, document FROM rapport_aggregate"
      + " WHERE aggregate_type = ? AND id = ?";
  static final String UPDATE = "UPDATE rapport_aggregate SET version = ?, document = ?"
      + " WHERE aggregate_type = ? AND id = ? AND version = ? AND document IS NOT NULL";
  static final String ERASE = "UPDATE rapport_aggregate"
      + " SET version = version + 1, document = NULL"
      + " WHERE aggregate_type = ? AND id = ? AND document IS NOT NULL";
  static final String DELETE_ENTRIES = "DELETE FROM rapport_index_entry"
      + " WHERE aggregate_type = ? AND id = ?";
  static final String INSERT_ENTRY = "INSERT INTO rapport_index_entry"
      + " (aggregate_type, index_name, index_key, sort_key, id) VALUES (?, ?, ?, ?, ?)";
  static final String LIST_FIRST = "SELECT version, document FROM rapport_aggregate"
      + " WHERE aggregate_type = ? AND document IS NOT NULL ORDER BY id LIMIT ?";
  static final String LIST_AFTER = "SELECT version, document FROM rapport_aggregate"
      + " WHERE aggregate_type = ? AND document IS NOT NULL AND id > ? ORDER BY id LIMIT ?";

  final AggregateType<I, A> type;
  private final JsonCodec codec;
  private final Dialect dialect;

  AggregateRows(AggregateType<I, A> type, JsonCodec codec, Dialect dialect) {
    this.type = type;
    this.codec = codec;
    this.dialect = dialect;
  }

  /** Reads an aggregate, or nothing if it does not exist or was erased. */
  Option<Versioned<A>> find(Connection connection, I id) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(FIND)) {
      find.setString(1, type.name());
      find.setString(2, id.value());
      try (ResultSet row = find.executeQuery()) {
        if (!row.next()) {
          return Option.none();
        }
        long version = row.getLong(1);
        String document = row.getString(2);
        return document == null ? Option.none()
            : Option.of(new Versioned<>(decode(document, id.value()), Version.of(version)));
      }
    }
  }

  /** Returns the version of an aggregate as the connection sees it, NEW if absent or erased. */
  Version current(Connection connection, String id) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(FIND)) {
      find.setString(1, type.name());
      find.setString(2, id);
      try (ResultSet row = find.executeQuery()) {
        return row.next() && row.getString(2) != null ? Version.of(row.getLong(1)) : Version.NEW;
      }
    }
  }

  /**
   * Saves an aggregate if its stored version is the one expected, with its index entries.
   *
   * @throws ConcurrentChange if the aggregate changed after the session's snapshot
   */
  Either<VersionConflict, Version> save(JdbcSession session, A aggregate, Version expected)
      throws SQLException {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expected, "expectedVersion");
    I id = requireNonNull(aggregate.id(), "aggregate.id()");
    if (!type.javaType().isInstance(aggregate)) {
      throw new IllegalArgumentException("A " + type.name() + " repository stores "
          + type.javaType().getName() + ", not " + aggregate.getClass().getName());
    }
    String document = codec.encodeDocument(aggregate);
    java.util.List<Entry> entries = entriesOf(aggregate);
    Connection connection = session.connection;
    long written;
    try {
      written = expected.isNew()
          ? dialect.insertNew(connection, type.name(), id.value(), document)
          : update(connection, id.value(), expected.value(), document);
    } catch (SQLException failure) {
      if (dialect.isConcurrentChange(failure)) {
        throw session.concurrentChange(type.name(), id, expected, failure);
      }
      throw failure;
    }
    if (written == 0) {
      Version actual = current(connection, id.value());
      if (session.snapshot && actual.equals(expected)) {
        // what this transaction sees is what it expected: someone committed after its snapshot
        throw session.concurrentChange(type.name(), id, expected, null);
      }
      return Either.left(new VersionConflict(type.name(), id, expected, actual));
    }
    if (written > 1) {
      deleteEntries(connection, id.value());
    }
    insertEntries(connection, id.value(), entries);
    session.written.add(id);
    return Either.right(Version.of(written));
  }

  private long update(Connection connection, String id, long expected, String document)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      update.setLong(1, expected + 1);
      update.setString(2, document);
      update.setString(3, type.name());
      update.setString(4, id);
      update.setLong(5, expected);
      return update.executeUpdate() == 1 ? expected + 1 : 0;
    }
  }

  /**
   * Erases an aggregate and its index entries, keeping its version so it keeps counting.
   *
   * @throws ConcurrentChange if the aggregate changed after the session's snapshot
   */
  boolean erase(JdbcSession session, I id) throws SQLException {
    requireNonNull(id, "id");
    Connection connection = session.connection;
    int erased;
    try (PreparedStatement erase = connection.prepareStatement(ERASE)) {
      erase.setString(1, type.name());
      erase.setString(2, id.value());
      erased = erase.executeUpdate();
    } catch (SQLException failure) {
      if (dialect.isConcurrentChange(failure)) {
        throw session.concurrentChange(type.name(), id, Version.NEW, failure);
      }
      throw failure;
    }
    if (erased == 1) {
      deleteEntries(connection, id.value());
      session.written.add(id);
    }
    return erased == 1;
  }

  /** Reads a page of live aggregates in id order. */
  Page<Versioned<A>, I> list(Connection connection, Option<I> after, int limit)
      throws SQLException {
    requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " items, not " + limit);
    }
    try (PreparedStatement list = connection.prepareStatement(after.isEmpty() ? LIST_FIRST : LIST_AFTER)) {
      int parameter = 1;
      list.setString(parameter++, type.name());
      if (after.isDefined()) {
        list.setString(parameter++, after.get().value());
      }
      list.setInt(parameter, limit + 1);
      java.util.List<Versioned<A>> items = new ArrayList<>(Math.min(limit + 1, 256));
      try (ResultSet rows = list.executeQuery()) {
        while (rows.next()) {
          items.add(new Versioned<>(decode(rows.getString(2), null), Version.of(rows.getLong(1))));
        }
      }
      boolean more = items.size() > limit;
      List<Versioned<A>> page = List.ofAll(more ? items.subList(0, limit) : items);
      return new Page<>(page, more ? Option.of(page.last().value().id()) : Option.none());
    }
  }

  /** Reads a page of an index query, joined to the aggregates' documents. */
  Page<Versioned<A>, IndexCursor> query(Connection connection, IndexQuery query)
      throws SQLException {
    requireNonNull(query, "query");
    if (type.index(query.index()).isEmpty()) {
      throw new IllegalArgumentException(type.name() + " has no index named " + query.index()
          + "; it has: " + type.indexes().mkString(", "));
    }
    String sql = querySql(query.from().isDefined(), query.until().isDefined(),
        query.after().isDefined(), query.descending());
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int parameter = 1;
      select.setString(parameter++, type.name());
      select.setString(parameter++, query.index());
      select.setString(parameter++, query.key());
      if (query.from().isDefined()) {
        select.setString(parameter++, query.from().get());
      }
      if (query.until().isDefined()) {
        select.setString(parameter++, query.until().get());
      }
      if (query.after().isDefined()) {
        select.setString(parameter++, query.after().get().sortKey());
        select.setString(parameter++, query.after().get().id());
      }
      select.setInt(parameter, query.limit() + 1);
      java.util.List<Versioned<A>> items = new ArrayList<>(Math.min(query.limit() + 1, 256));
      IndexCursor last = null;
      boolean more = false;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (items.size() == query.limit()) {
            more = true;
            break;
          }
          String document = rows.getString(4);
          if (document == null) {
            throw new StorageException("The index " + type.name() + "." + query.index()
                + " lists the erased aggregate " + rows.getString(2) + "; the store is corrupt");
          }
          last = new IndexCursor(rows.getString(1), rows.getString(2));
          items.add(new Versioned<>(decode(document, last.id()), Version.of(rows.getLong(3))));
        }
      }
      return new Page<>(List.ofAll(items), more ? Option.of(last) : Option.none());
    }
  }

  /**
   * Returns the SQL of an index query: one range of the index entries' primary key, joined to
   * the aggregates' primary key. Parameters: type, index, key, [from], [until], [cursor sort key,
   * cursor id], limit.
   */
  static String querySql(boolean from, boolean until, boolean after, boolean descending) {
    StringBuilder sql = new StringBuilder(400).append("SELECT e.sort_key, e.id, a.version,"
        + " a.document FROM rapport_index_entry e JOIN rapport_aggregate a"
        + " ON a.aggregate_type = e.aggregate_type AND a.id = e.id"
        + " WHERE e.aggregate_type = ? AND e.index_name = ? AND e.index_key = ?");
    if (from) {
      sql.append(" AND e.sort_key >= ?");
    }
    if (until) {
      sql.append(" AND e.sort_key < ?");
    }
    if (after) {
      sql.append(descending ? " AND (e.sort_key, e.id) < (?, ?)" : " AND (e.sort_key, e.id) > (?, ?)");
    }
    sql.append(descending ? " ORDER BY e.sort_key DESC, e.id DESC" : " ORDER BY e.sort_key, e.id");
    return sql.append(" LIMIT ?").toString();
  }

  /** Returns the index entries of an aggregate, computed before anything is written. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  java.util.List<Entry> entriesOf(A aggregate) {
    java.util.List<Entry> entries = new ArrayList<>();
    for (Index index : type.indexes()) {
      for (Object each : index.entriesOf(aggregate)) {
        IndexEntry entry = (IndexEntry) each;
        entries.add(new Entry(index.name(), entry.key(), entry.sortKey()));
      }
    }
    return entries;
  }

  void insertEntries(Connection connection, String id, java.util.List<Entry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
      for (Entry entry : entries) {
        bind(insert, id, entry);
        if (entries.size() == 1) {
          insert.executeUpdate();
          return;
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Binds one index entry's row. */
  void bind(PreparedStatement insert, String id, Entry entry) throws SQLException {
    insert.setString(1, type.name());
    insert.setString(2, entry.index());
    insert.setString(3, entry.key());
    insert.setString(4, entry.sortKey());
    insert.setString(5, id);
  }

  private void deleteEntries(Connection connection, String id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_ENTRIES)) {
      delete.setString(1, type.name());
      delete.setString(2, id);
      delete.executeUpdate();
    }
  }

  /** Reads a stored document; a document that no longer reads is a storage failure. */
  A decode(String document, String id) {
    try {
      return codec.decodeDocument(document, type.javaType());
    } catch (CodecException unreadable) {
      throw new StorageException("The stored " + type.name() + (id == null ? "" : " " + id)
          + " cannot be read: " + unreadable.getMessage(), unreadable);
    }
  }

  /** One index entry of an aggregate, as a row. */
  record Entry(String index, String key, String sortKey) {}
}
