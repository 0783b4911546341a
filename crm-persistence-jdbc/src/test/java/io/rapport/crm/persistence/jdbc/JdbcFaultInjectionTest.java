package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.testkit.storage.Tally;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection that dies in the middle of an operation, at each statement in turn, leaves no
 * partial writes on either database: for every k from 1 to the number of statements the
 * operation makes, failing the k-th one makes the call throw a {@link StorageException} carrying
 * the injected failure, and a healthy store then sees exactly what was there before — no
 * aggregate rows, no index entries, no outbox rows of the failed operation.
 */
class JdbcFaultInjectionTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aTransactionSavingTwoAggregatesAndPublishingTwoEventsIsAllOrNothing(TestDatabase database) {
    everyFailureLeavesNoPartialWrites(database, store -> { }, store -> {
      Either<?, ?> outcome = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(tally(1, "red green"), Version.NEW);
        tx.repository(Tally.TYPE).save(tally(2, "blue"), Version.NEW);
        tx.publish(List.of(incremented("e-1", 1), incremented("e-2", 2)));
        return Either.right("done");
      });
      assertThat(outcome.isRight()).isTrue();
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anUpdatePublishingAnEventIsAllOrNothing(TestDatabase database) {
    everyFailureLeavesNoPartialWrites(database,
        store -> store.repository(Tally.TYPE).save(tally(1, "red green"), Version.NEW),
        store -> assertThat(store.repository(Tally.TYPE).update(id(1), t -> t.increment(
            Money.of("2.00", CNY), 10, EventId.parse("e-1"), AT)).isRight()).isTrue());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anImportIsAllOrNothing(TestDatabase database) {
    everyFailureLeavesNoPartialWrites(database,
        store -> store.repository(Tally.TYPE).save(tally(2, "taken"), Version.NEW),
        store -> assertThat(store.importNew(Tally.TYPE,
            List.of(tally(1, "red"), tally(2, "blue"), tally(3, "red green"))).created())
            .isEqualTo(2));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEraseIsAllOrNothing(TestDatabase database) {
    everyFailureLeavesNoPartialWrites(database,
        store -> store.repository(Tally.TYPE).save(tally(1, "red green"), Version.NEW),
        store -> assertThat(store.repository(Tally.TYPE).erase(id(1))).isTrue());
  }

  /**
   * Measures how many statements an operation makes, then fails each of them in turn on a fresh
   * database and checks that the failure surfaced with its cause and changed nothing.
   */
  private static void everyFailureLeavesNoPartialWrites(TestDatabase database,
      Consumer<JdbcCrmStore> setUp, Consumer<JdbcCrmStore> operation) {
    FaultyDataSource faulty = new FaultyDataSource(database.unpooled());
    try (JdbcCrmStore healthy = database.fresh()) {
      setUp.accept(healthy);
      String before = contents(database.unpooled());
      try (JdbcCrmStore store = JdbcCrmStore.builder(faulty.dataSource()).codec(Databases.CODEC)
          .build()) {
        faulty.count();
        operation.accept(store);
        faulty.disarm();
      }
      assertThat(contents(database.unpooled())).as("the operation writes").isNotEqualTo(before);
    }
    int statements = faulty.statements();
    assertThat(statements).isGreaterThan(1);

    for (int k = 1; k <= statements; k++) {
      try (JdbcCrmStore healthy = database.fresh()) {
        setUp.accept(healthy);
        String before = contents(database.unpooled());
        Throwable thrown;
        try (JdbcCrmStore store = JdbcCrmStore.builder(faulty.dataSource()).codec(Databases.CODEC)
            .build()) {
          faulty.failAt(k);
          thrown = catchThrowable(() -> operation.accept(store));
          faulty.disarm();
        }
        SQLException injected = faulty.injected();
        assertThat((Object) injected).as("statement %d of %d was reached", k, statements).isNotNull();
        assertThat(thrown).as("failure at statement %d: %s", k, injected.getMessage())
            .isInstanceOf(StorageException.class);
        assertThat(causes(thrown).toJavaList()).as("the cause of the failure at statement %d", k)
            .contains(injected);
        assertThat(contents(database.unpooled()))
            .as("what a healthy connection sees after a failure at statement %d (%s)", k,
                injected.getMessage())
            .isEqualTo(before);
        assertThat(faulty.borrowed()).as("connections given back").isZero();
        assertThat(healthy.repository(Tally.TYPE).find(id(1)).isDefined())
            .as("a healthy store still reads")
            .isEqualTo(before.contains("tally/t-001"));
      }
    }
  }

  /** Returns every row of the store's tables (outbox without its sequence), one per line. */
  private static String contents(DataSource dataSource) {
    StringBuilder rows = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      dump(statement, "SELECT aggregate_type, id, version, document FROM rapport_aggregate"
          + " ORDER BY aggregate_type, id", rows);
      dump(statement, "SELECT aggregate_type, index_name, index_key, sort_key, id"
          + " FROM rapport_index_entry ORDER BY aggregate_type, index_name, index_key, sort_key, id",
          rows);
      dump(statement, "SELECT event_type, event_id, aggregate_id, document FROM rapport_outbox"
          + " ORDER BY event_id", rows);
    } catch (SQLException failure) {
      throw new AssertionError("Could not read the tables", failure);
    }
    return rows.toString();
  }

  private static void dump(Statement statement, String sql, StringBuilder rows)
      throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      int columns = row.getMetaData().getColumnCount();
      while (row.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.append(c == 1 ? "" : "/").append(row.getString(c));
        }
        rows.append('\n');
      }
    }
  }

  private static List<Throwable> causes(Throwable thrown) {
    List<Throwable> chain = List.empty();
    for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain = chain.append(cause);
    }
    return chain;
  }

  private static CustomerId id(int n) {
    return CustomerId.parse(String.format("t-%03d", n));
  }

  private static Tally tally(int n, String note) {
    return new Tally(id(n), 0, Money.zero(CNY), note);
  }

  private static Tally.Incremented incremented(String eventId, int n) {
    return new Tally.Incremented(EventId.parse(eventId), id(n), AT,
        io.rapport.crm.kernel.ActorId.parse("tester"), 1);
  }
}
