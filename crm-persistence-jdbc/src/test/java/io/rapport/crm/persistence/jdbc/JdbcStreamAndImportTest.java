package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.testkit.storage.Tally;
import io.vavr.collection.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.Iterator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Streaming reads and bulk imports on both databases: {@code streamAll} returns every aggregate in
 * id order in pages of the fetch size and gives its connection back when exhausted or closed
 * early; {@code importNew} creates what is new with its index entries, skips ids that exist or
 * repeat, and revives an erased id at a higher version.
 */
class JdbcStreamAndImportTest {

  private static final Currency CNY = Currency.getInstance("CNY");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void streamAllReadsEveryAggregateInIdOrderInPagesAndGivesItsConnectionBack(
      TestDatabase database) {
    List<Tally> tallies = List.of(7, 2, 10, 1, 5, 3, 9, 4, 8, 6).map(n -> tally(n, "note " + n));
    try (JdbcCrmStore healthy = database.fresh()) {
      tallies.forEach(t -> assertThat(healthy.repository(Tally.TYPE).save(t, Version.NEW).isRight())
          .isTrue());
    }
    FaultyDataSource counted = new FaultyDataSource(database.unpooled());
    try (JdbcCrmStore store = JdbcCrmStore.builder(counted.dataSource()).codec(Databases.CODEC)
        .fetchSize(3).build()) {
      assertThat(counted.borrowed()).isZero();

      counted.count();
      java.util.List<Versioned<Tally>> all;
      try (Stream<Versioned<Tally>> stream = store.streamAll(Tally.TYPE)) {
        all = stream.toList();
        assertThat(counted.borrowed()).as("given back once exhausted").isZero();
      }
      counted.disarm();
      assertThat(List.ofAll(all).map(Versioned::value))
          .isEqualTo(tallies.sortBy(t -> t.id().value()));
      assertThat(List.ofAll(all).map(Versioned::version).distinct()).containsExactly(Version.of(1));
      assertThat(counted.statements()).as("read in several round trips, not in one")
          .isGreaterThanOrEqualTo(4);

      Stream<Versioned<Tally>> early = store.streamAll(Tally.TYPE);
      Iterator<Versioned<Tally>> some = early.iterator();
      java.util.List<String> firstFour = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        firstFour.add(some.next().value().id().value());
      }
      assertThat(firstFour).containsExactly("t-001", "t-002", "t-003", "t-004");
      assertThat(counted.borrowed()).as("held while the stream is open").isEqualTo(1);
      early.close();
      assertThat(counted.borrowed()).as("given back when closed early").isZero();

      try (Stream<Versioned<Tally>> limited = store.streamAll(Tally.TYPE)) {
        assertThat(limited.limit(2).map(v -> v.value().id().value()).toList())
            .containsExactly("t-001", "t-002");
      }
      assertThat(counted.borrowed()).as("given back by try-with-resources").isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void importNewCreatesWhatIsNewSkipsTakenAndRepeatedIdsAndRevivesErasedOnes(
      TestDatabase database) throws SQLException {
    try (JdbcCrmStore fresh = database.fresh();
        JdbcCrmStore store = JdbcCrmStore.builder(database.unpooled()).codec(Databases.CODEC)
            .importBatchSize(2).build()) {
      Repository<CustomerId, Tally> repository = store.repository(Tally.TYPE);
      Tally existing = tally(3, "was here first");
      assertThat(repository.save(existing, Version.NEW).isRight()).isTrue();
      assertThat(repository.save(tally(4, "old words"), Version.NEW).isRight()).isTrue();
      assertThat(repository.erase(id(4))).isTrue();
      long erasedVersion = versionRow(database.unpooled(), "t-004");

      Tally first = tally(1, "alpha beta");
      Tally repeated = tally(1, "repeated");
      Tally second = tally(2, "beta gamma");
      Tally taken = tally(3, "taken");
      Tally revived = tally(4, "new life");
      // batches of two: [first, repeated] [second, taken] [revived]
      ImportReport report = store.importNew(Tally.TYPE,
          List.of(first, repeated, second, taken, revived));

      assertThat(report.created()).isEqualTo(3);
      assertThat(report.skipped()).isEqualTo(2);
      assertThat(report.skippedIds()).containsExactly("t-001", "t-003");
      assertThat(repository.find(id(1)).get()).isEqualTo(new Versioned<>(first, Version.of(1)));
      assertThat(repository.find(id(2)).get()).isEqualTo(new Versioned<>(second, Version.of(1)));
      assertThat(repository.find(id(3)).get()).isEqualTo(new Versioned<>(existing, Version.of(1)));
      Versioned<Tally> back = repository.find(id(4)).get();
      assertThat(back.value()).isEqualTo(revived);
      assertThat(back.version().value()).isGreaterThan(erasedVersion);
      assertThat(versionRow(database.unpooled(), "t-004")).isEqualTo(back.version().value());

      List<String> expected = List.of(first, second, existing, revived)
          .flatMap(JdbcStreamAndImportTest::entriesOf).sorted();
      assertThat(indexEntries(database.unpooled())).isEqualTo(expected);

      ImportReport again = store.importNew(Tally.TYPE, List.of(first, second));
      assertThat(again.created()).isZero();
      assertThat(again.skippedIds()).containsExactly("t-001", "t-002");
      assertThat(indexEntries(database.unpooled())).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void importNewListsTheSkippedIdsInInputOrder(TestDatabase database) {
    try (JdbcCrmStore store = database.fresh()) {
      assertThat(store.repository(Tally.TYPE).save(tally(3, "taken"), Version.NEW).isRight())
          .isTrue();
      // one batch: the taken id comes before the repeated one in the input
      ImportReport report = store.importNew(Tally.TYPE,
          List.of(tally(1, "first"), tally(3, "taken again"), tally(1, "repeated"), tally(2, "new")));

      assertThat(report.created()).isEqualTo(2);
      assertThat(report.skippedIds()).containsExactly("t-003", "t-001");
    }
  }

  /** Returns the index entries a tally should have (index|key|sort key|id). */
  private static List<String> entriesOf(Tally tally) {
    String id = tally.id().value();
    return List.ofAll(tally.noteWords()).map(word -> Tally.BY_NOTE_WORD + "|" + word + "||" + id)
        .append(Tally.BY_COUNT + "|CNY|" + Tally.countKey(tally.count()) + "|" + id);
  }

  private static List<String> indexEntries(DataSource dataSource) throws SQLException {
    List<String> rows = List.empty();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT index_name, index_key,"
            + " sort_key, id FROM rapport_index_entry WHERE aggregate_type = 'tally'");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        rows = rows.append(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3)
            + "|" + row.getString(4));
      }
    }
    return rows.sorted();
  }

  private static long versionRow(DataSource dataSource, String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT version FROM rapport_aggregate WHERE aggregate_type = 'tally' AND id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).as("a row for %s", id).isTrue();
        return row.getLong(1);
      }
    }
  }

  private static CustomerId id(int n) {
    return CustomerId.parse(String.format("t-%03d", n));
  }

  private static Tally tally(int n, String note) {
    return new Tally(id(n), 0, Money.zero(CNY), note);
  }
}
