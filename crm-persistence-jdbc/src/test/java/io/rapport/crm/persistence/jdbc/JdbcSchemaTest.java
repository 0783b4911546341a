package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.testkit.storage.Tally;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter's schema management on both databases, each test on a database of its own: a
 * schema a newer Rapport wrote is refused and left as it was, a schema that is behind is refused
 * when migrations are off (and nothing is created), and migrating an up-to-date schema again
 * changes nothing.
 */
class JdbcSchemaTest {

  private static final Tally TALLY = new Tally(CustomerId.parse("t-001"), 0,
      Money.zero(Currency.getInstance("CNY")), "kept");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aSchemaNewerThanTheAdapterKnowsIsRefusedAndLeftAsItWas(TestDatabase database)
      throws SQLException {
    DataSource dataSource = database.newDatabase(TestDatabase.uniqueName("rapport_newer"));
    try (JdbcCrmStore store = JdbcCrmStore.builder(dataSource).codec(Databases.CODEC).build()) {
      assertThat(store.repository(Tally.TYPE).save(TALLY, Version.NEW).isRight()).isTrue();
    }
    update(dataSource, "INSERT INTO \"rapport_schema_history\" (\"installed_rank\", \"version\","
        + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\","
        + " \"execution_time\", \"success\") VALUES (100, '999', 'from the future', 'SQL',"
        + " 'V999__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)");
    long historyBefore = count(dataSource, "SELECT COUNT(*) FROM \"rapport_schema_history\"");

    assertThatThrownBy(() -> JdbcCrmStore.builder(dataSource).codec(Databases.CODEC).build())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("version 999")
        .hasMessageContaining("newer than version 1")
        .hasMessageContaining("Nothing was changed");
    assertThat(count(dataSource, "SELECT COUNT(*) FROM \"rapport_schema_history\""))
        .isEqualTo(historyBefore);
    assertThat(count(dataSource, "SELECT COUNT(*) FROM rapport_aggregate WHERE id = 't-001'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void anEmptyDatabaseWithMigrationsOffIsRefusedAsBehindAndNothingIsCreated(TestDatabase database)
      throws SQLException {
    DataSource dataSource = database.newDatabase(TestDatabase.uniqueName("rapport_behind"));

    assertThatThrownBy(() -> JdbcCrmStore.builder(dataSource).migrate(false).build())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("behind")
        .hasMessageContaining("empty")
        .hasMessageContaining("migrations are off");
    assertThat(count(dataSource, "SELECT COUNT(*) FROM information_schema.tables"
        + " WHERE LOWER(table_name) LIKE 'rapport%'")).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void migratingAnUpToDateSchemaAgainChangesNothing(TestDatabase database) throws SQLException {
    DataSource dataSource = database.newDatabase(TestDatabase.uniqueName("rapport_twice"));
    try (JdbcCrmStore store = JdbcCrmStore.builder(dataSource).codec(Databases.CODEC).build()) {
      assertThat(store.repository(Tally.TYPE).save(TALLY, Version.NEW).isRight()).isTrue();
    }
    String history = "SELECT COUNT(*) FROM \"rapport_schema_history\" WHERE \"success\" = TRUE";
    long applied = count(dataSource, history);

    try (JdbcCrmStore again = JdbcCrmStore.builder(dataSource).codec(Databases.CODEC).build();
        JdbcCrmStore checking = JdbcCrmStore.builder(dataSource).codec(Databases.CODEC)
            .migrate(false).build()) {
      assertThat(again.repository(Tally.TYPE).find(TALLY.id()).get().value()).isEqualTo(TALLY);
      assertThat(checking.repository(Tally.TYPE).find(TALLY.id()).get().version())
          .isEqualTo(Version.of(1));
    }
    assertThat(count(dataSource, history)).isEqualTo(applied);
    assertThat(count(dataSource, "SELECT COUNT(*) FROM \"rapport_schema_history\"")).isEqualTo(applied);
  }

  private static void update(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
