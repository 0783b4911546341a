package io.rapport.crm.persistence.jdbc;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.EventListener;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Stores every aggregate in a PostgreSQL or H2 database over plain JDBC: one row per aggregate
 * holding the codec's JSON document and a version, one row per secondary-index entry, and a
 * transactional outbox (see docs/adapters.md for the tables and their query plans). The host
 * passes its {@link DataSource}, normally a pool; the store borrows a connection per call or per
 * transaction and never opens a pool of its own. Thread-safe.
 *
 * <p>Opening a store brings the schema to the version this adapter knows with the Flyway
 * migrations in the jar, and refuses a schema a newer Rapport wrote. Transactions run at
 * repeatable read (a snapshot); single calls at the connection's default level, where the
 * conditional {@code UPDATE … WHERE version = ?} keeps writers from overwriting each other. A
 * change that a concurrent transaction beat is answered with a
 * {@link io.rapport.crm.persistence.VersionConflict}; any other database failure with a
 * {@link StorageException} carrying its cause, after rolling everything back.
 *
 * <pre>{@code
 * CrmStore store = JdbcCrmStore.builder(dataSource).build();
 * CustomerRepository customers = CustomerRepository.in(store);
 * }</pre>
 */
public final class JdbcCrmStore implements CrmStore {

  /** How many attempts {@code update} makes by default before giving up on a busy aggregate. */
  public static final int DEFAULT_MAX_UPDATE_ATTEMPTS = 16;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JsonCodec codec;
  private final Outbox outbox;
  private final int maxUpdateAttempts;
  private final int fetchSize;
  private final int importBatchSize;
  private final AutoCloseable resources;
  private final Map<String, AggregateRows<?, ?>> rows = new ConcurrentHashMap<>();
  private final Map<String, Repository<?, ?>> autoCommit = new ConcurrentHashMap<>();
  private final java.util.List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private volatile boolean closed;

  private JdbcCrmStore(Builder builder, Dialect dialect) {
    this.dataSource = builder.dataSource;
    this.dialect = dialect;
    this.codec = builder.codec;
    this.outbox = new Outbox(builder.codec, dialect, builder.consumer);
    this.maxUpdateAttempts = builder.maxUpdateAttempts;
    this.fetchSize = builder.fetchSize;
    this.importBatchSize = builder.importBatchSize;
    this.resources = builder.resources;
  }

  /**
   * Returns a builder of a store on a data source.
   *
   * @param dataSource the host's data source of a PostgreSQL or H2 database
   * @return the builder
   * @throws NullPointerException if dataSource is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /** Returns the database's name: {@code PostgreSQL} or {@code H2}. */
  public String databaseName() {
    return dialect.name();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    requireOpen();
    AggregateRows<I, A> table = rows(type);
    return (Repository<I, A>) autoCommit.computeIfAbsent(type.name(),
        name -> new AutoCommitRepository<>(this, table));
  }

  @Override
  public <R> Either<Rejection, R> inTransaction(
      Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work) {
    requireNonNull(work, "work");
    requireOpen();
    Connection connection = borrow("begin a transaction");
    JdbcSession session = new JdbcSession(this, connection, true);
    boolean committed = false;
    Runnable restore = () -> { };
    try {
      connection.setAutoCommit(false);
      restore = dialect.beginSnapshot(connection);
      Either<? extends Rejection, ? extends R> outcome;
      try {
        outcome = requireNonNull(work.apply(session), "the transaction work's result");
      } catch (ConcurrentChange change) {
        outcome = null;
      } finally {
        session.open = false;
      }
      if (session.doomed == null && outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      if (session.doomed == null) {
        commit(session);
        committed = true;
        return Either.right(outcome.get());
      }
      rollback(connection);
      return Either.left(conflictOf(connection, session.doomed));
    } catch (SQLException failure) {
      throw failure("transaction", failure);
    } finally {
      if (!committed) {
        rollback(connection);
      }
      restore.run();
      giveBack(connection);
      if (committed && !session.events.isEmpty()) {
        dispatchPending();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here the stream reads one snapshot (a repeatable-read transaction on a connection it holds
   * until the stream is closed or exhausted), in keyset pages of the configured fetch size, each
   * page one range of the primary key: memory stays bounded and the first aggregate comes at once,
   * however many there are.
   */
  @Override
  public <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(
      AggregateType<I, A> type) {
    requireNonNull(type, "type");
    requireOpen();
    AggregateRows<I, A> table = rows(type);
    Connection connection = borrow("stream " + type.name());
    Runnable restore;
    try {
      connection.setAutoCommit(false);
      restore = dialect.beginSnapshot(connection);
    } catch (SQLException failure) {
      rollback(connection);
      giveBack(connection);
      throw failure("stream " + type.name(), failure);
    }
    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable release = () -> {
      if (released.compareAndSet(false, true)) {
        rollback(connection);
        restore.run();
        giveBack(connection);
      }
    };
    Spliterator<Versioned<A>> pages = new Spliterators.AbstractSpliterator<Versioned<A>>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      private io.vavr.control.Option<I> after = io.vavr.control.Option.none();
      private Iterator<Versioned<A>> current = java.util.Collections.emptyIterator();
      private boolean last;

      @Override
      public boolean tryAdvance(Consumer<? super Versioned<A>> action) {
        while (!current.hasNext()) {
          if (last || released.get()) {
            release.run();
            return false;
          }
          io.rapport.crm.persistence.Page<Versioned<A>, I> page;
          try {
            page = table.list(connection, after, fetchSize);
          } catch (SQLException failure) {
            release.run();
            throw failure("stream " + type.name(), failure);
          }
          current = page.items().iterator();
          last = page.isLast();
          after = page.items().isEmpty() ? after : io.vavr.control.Option.of(page.items().last().value().id());
        }
        action.accept(current.next());
        return true;
      }
    };
    return StreamSupport.stream(pages, false).onClose(release);
  }

  /**
   * Creates many new aggregates fast, in batches of the configured size, each batch in a
   * transaction of its own: for first loads and migrations from another system. An aggregate
   * whose id is already taken is left alone and listed in the report, never overwritten. Imports
   * write no events and check no versions beyond that.
   *
   * @param type the aggregate type
   * @param aggregates the aggregates to create, in any order
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return how many were created and which were skipped
   * @throws NullPointerException if an argument or an aggregate is null
   * @throws StorageException if the storage fails (batches already committed stay)
   */
  public <I extends TypedId, A extends Aggregate<I>> ImportReport importNew(
      AggregateType<I, A> type, Iterable<? extends A> aggregates) {
    requireNonNull(type, "type");
    requireNonNull(aggregates, "aggregates");
    requireOpen();
    AggregateRows<I, A> table = rows(type);
    Importer<I, A> importer = new Importer<>(table, codec, dialect);
    importer.importAll(aggregates.iterator(), importBatchSize, batch -> {
      Connection connection = borrow("import " + type.name());
      try {
        connection.setAutoCommit(false);
        importer.write(connection, batch);
        connection.commit();
      } catch (SQLException failure) {
        rollback(connection);
        throw failure("import " + type.name(), failure);
      } catch (RuntimeException failure) {
        rollback(connection);
        throw failure;
      } finally {
        giveBack(connection);
      }
    });
    return importer.report();
  }

  @Override
  public void subscribe(EventListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    dispatchPending();
  }

  @Override
  public int dispatchPending() {
    if (listeners.isEmpty() || dispatchLock.isHeldByCurrentThread() || closed) {
      return 0; // a listener committed: the delivery loop already running will pick it up
    }
    dispatchLock.lock();
    try {
      int delivered = 0;
      while (true) {
        java.util.List<OutboxEntry> batch = read("read the outbox",
            connection -> outbox.after(connection, outbox.position(connection), 256));
        if (batch.isEmpty()) {
          return delivered;
        }
        for (OutboxEntry entry : batch) {
          try {
            for (EventListener listener : listeners) {
              listener.on(entry);
            }
          } catch (RuntimeException failure) {
            return delivered; // stays pending; delivered again by the next dispatch
          }
          read("advance the outbox", connection -> {
            outbox.advance(connection, entry.sequence());
            return null;
          });
          delivered++;
        }
      }
    } finally {
      dispatchLock.unlock();
    }
  }

  @Override
  public Seq<OutboxEntry> pendingEvents() {
    requireOpen();
    return read("read the outbox", connection -> {
      long position = outbox.position(connection);
      java.util.List<OutboxEntry> all = new ArrayList<>();
      while (true) {
        java.util.List<OutboxEntry> page = outbox.after(connection, position, 1000);
        all.addAll(page);
        if (page.size() < 1000) {
          return List.ofAll(all);
        }
        position = page.get(page.size() - 1).sequence();
      }
    });
  }

  /**
   * Deletes the outbox entries every consumer has been delivered. The outbox keeps them until
   * then, so a host can also read it as a log; call this from a housekeeping job. A transaction
   * that erases a customer prunes them too (see docs/guides/privacy.md).
   *
   * @return how many entries were deleted
   * @throws StorageException if the storage fails
   */
  public int pruneDelivered() {
    requireOpen();
    return read("prune the outbox", outbox::prune);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception failure) {
        throw new StorageException("Could not release the store's resources", failure);
      }
    }
  }

  // ---- what the repositories and sessions use ----

  int maxUpdateAttempts() {
    return maxUpdateAttempts;
  }

  Outbox outbox() {
    return outbox;
  }

  /** Returns the rows of a type, checking that one name always means one class. */
  @SuppressWarnings("unchecked")
  <I extends TypedId, A extends Aggregate<I>> AggregateRows<I, A> rows(AggregateType<I, A> type) {
    AggregateRows<?, ?> known = rows.computeIfAbsent(type.name(),
        name -> new AggregateRows<>(type, codec, dialect));
    if (known.type != type && (!known.type.javaType().equals(type.javaType())
        || !known.type.indexes().map(Object::toString).equals(type.indexes().map(Object::toString)))) {
      throw new IllegalArgumentException("Aggregate type '" + type.name() + "' is already used for "
          + known.type.javaType().getName() + " with the indexes " + known.type.indexes().mkString(", ")
          + ", not " + type.javaType().getName() + " with " + type.indexes().mkString(", "));
    }
    return (AggregateRows<I, A>) known;
  }

  /** Reads (or writes one statement) on a connection in auto-commit mode. */
  <T> T read(String operation, ConnectionWork<T> work) {
    requireOpen();
    Connection connection = borrow(operation);
    try {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      return work.run(connection);
    } catch (SQLException failure) {
      throw failure(operation, failure);
    } finally {
      giveBack(connection);
    }
  }

  /**
   * Runs one call's writes in a transaction of their own at the connection's default isolation,
   * committing (with the events published) only if the outcome says so.
   */
  <T> T write(String operation, SqlWork<T> work, Predicate<T> commitIf) {
    requireOpen();
    Connection connection = borrow(operation);
    JdbcSession session = new JdbcSession(this, connection, false);
    boolean committed = false;
    try {
      connection.setAutoCommit(false);
      T outcome = work.run(session);
      session.open = false;
      if (commitIf.test(outcome)) {
        commit(session);
        committed = true;
      }
      return outcome;
    } catch (SQLException failure) {
      if (dialect.isConcurrentChange(failure)) {
        throw new ConcurrentChange(operation, null, Version.NEW, failure);
      }
      throw failure(operation, failure);
    } finally {
      if (!committed) {
        rollback(connection);
      }
      giveBack(connection);
      if (committed && !session.events.isEmpty()) {
        dispatchPending();
      }
    }
  }

  /**
   * Writes a session's events to the outbox and commits, holding the outbox lock if needed. A
   * session that erases a customer ({@link CustomerEvent.Erased}) also, in the same transaction,
   * prunes the entries every consumer has been delivered, so no delivered event of the erased
   * customer (an interaction's summary, an adjustment's reason) outlives the erasure, and then
   * redacts the entries still pending whose event is of an aggregate the session wrote and
   * carries personal text ({@link io.rapport.crm.kernel.RedactableEvent}), so none is delivered
   * with it later.
   */
  private void commit(JdbcSession session) throws SQLException {
    Runnable unlock = null;
    try {
      if (!session.events.isEmpty()) {
        unlock = dialect.lockOutbox(session.connection);
        long first = outbox.append(session.connection, session.events);
        if (session.events.stream().anyMatch(e -> e.event() instanceof CustomerEvent.Erased)) {
          outbox.prune(session.connection);
          outbox.redact(session.connection, first, session.written);
        }
      }
      session.connection.commit();
    } finally {
      if (unlock != null) {
        unlock.run();
      }
    }
  }

  /** Describes a doomed transaction's conflict with the version now committed. */
  private VersionConflict conflictOf(Connection connection, ConcurrentChange change) {
    try {
      Version actual = rows.get(change.type).current(connection, change.id.value());
      rollback(connection);
      return new VersionConflict(change.type, change.id, change.expected, actual);
    } catch (SQLException unreadable) {
      throw failure("read " + change.type + " " + change.id, unreadable);
    }
  }

  private Connection borrow(String operation) {
    try {
      return requireNonNull(dataSource.getConnection(), "the data source's connection");
    } catch (SQLException failure) {
      throw failure(operation + " (no connection)", failure);
    }
  }

  private static void rollback(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the connection died; the database rolls back what it had
    }
  }

  private static void giveBack(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // closed below either way
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to release
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("This store is closed");
    }
  }

  /** Wraps a database failure, keeping its cause. */
  static StorageException failure(String operation, SQLException cause) {
    return new StorageException("Could not " + operation + ": " + cause.getMessage()
        + " (SQLState " + cause.getSQLState() + ")", cause);
  }

  /** Work on a connection in auto-commit mode. */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Builds a {@link JdbcCrmStore}. Not thread-safe.
   */
  public static final class Builder {

    private final DataSource dataSource;
    private JsonCodec codec = JsonCodec.standard();
    private boolean migrate = true;
    private int maxUpdateAttempts = DEFAULT_MAX_UPDATE_ATTEMPTS;
    private int fetchSize = 500;
    private int importBatchSize = 500;
    private String consumer = "default";
    private AutoCloseable resources;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the codec of the stored documents and events; it must know every aggregate and event
     * type the host stores. Default: {@link JsonCodec#standard()}.
     *
     * @param codec the codec
     * @return this builder
     * @throws NullPointerException if codec is null
     */
    public Builder codec(JsonCodec codec) {
      this.codec = requireNonNull(codec, "codec");
      return this;
    }

    /**
     * Sets whether opening applies pending migrations (default) or refuses a schema that is
     * behind, for hosts that migrate separately.
     *
     * @param migrate whether to migrate
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Sets how many attempts {@code update} makes before giving up on a busy aggregate.
     *
     * @param attempts 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxUpdateAttempts(int attempts) {
      if (attempts < 1 || attempts > 1000) {
        throw new IllegalArgumentException("Update attempts must be 1 to 1000: " + attempts);
      }
      this.maxUpdateAttempts = attempts;
      return this;
    }

    /**
     * Sets how many aggregates a streaming read fetches per round trip (one keyset page).
     *
     * @param rows 1 to 10 000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder fetchSize(int rows) {
      if (rows < 1 || rows > AggregateRows.MAX_PAGE) {
        throw new IllegalArgumentException("A fetch size must be 1 to 10000: " + rows);
      }
      this.fetchSize = rows;
      return this;
    }

    /**
     * Sets how many aggregates an import writes per batch and transaction.
     *
     * @param aggregates 1 to 5 000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder importBatchSize(int aggregates) {
      if (aggregates < 1 || aggregates > 5_000) {
        throw new IllegalArgumentException("An import batch must be 1 to 5000: " + aggregates);
      }
      this.importBatchSize = aggregates;
      return this;
    }

    /**
     * Names the outbox consumer this store delivers for; each name keeps its own position. Stores
     * of several processes on one database either share a name (each entry reaches one of them
     * at least once... or more, if two dispatch at once) or use one name each.
     *
     * @param name lower-case letters, digits, _ and -, 1 to 63 characters
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder consumer(String name) {
      requireNonNull(name, "name");
      if (!name.matches("[a-z0-9_-]{1,63}")) {
        throw new IllegalArgumentException("A consumer name has 1 to 63 of a-z 0-9 _ -: " + name);
      }
      this.consumer = name;
      return this;
    }

    /**
     * Hands the store a resource to release when it is closed, such as a connection that keeps
     * an in-memory database alive.
     *
     * @param resource the resource
     * @return this builder
     * @throws NullPointerException if resource is null
     */
    public Builder closeWith(AutoCloseable resource) {
      this.resources = requireNonNull(resource, "resource");
      return this;
    }

    /**
     * Opens the store: detects the database, checks and migrates the schema, registers the
     * outbox consumer.
     *
     * @return the store
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
     * @throws StorageException if the database cannot be reached, its schema is newer than this
     *     adapter knows, or it is behind while migrations are off
     */
    public JdbcCrmStore build() {
      Dialect dialect;
      try (Connection connection = dataSource.getConnection()) {
        dialect = Dialect.of(connection);
      } catch (SQLException failure) {
        throw failure("connect to the database", failure);
      }
      Schema.prepare(dataSource, dialect, migrate);
      JdbcCrmStore store = new JdbcCrmStore(this, dialect);
      store.read("register the outbox consumer", store.outbox::position);
      return store;
    }
  }
}
