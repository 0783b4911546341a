package io.rapport.crm.persistence.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The two databases the adapter's own tests run every test on (with {@code @EnumSource}). */
enum TestDatabase {
  H2 {
    @Override
    JdbcCrmStore fresh() {
      return Databases.freshH2();
    }

    @Override
    DataSource unpooled() {
      return Databases.h2();
    }

    @Override
    DataSource newDatabase(String name) {
      return Databases.newH2Database(name);
    }

    @Override
    String newDatabaseUrl(String name) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
  },
  POSTGRESQL {
    @Override
    JdbcCrmStore fresh() {
      return Databases.freshPostgres();
    }

    @Override
    DataSource unpooled() {
      return Databases.postgresUnpooled();
    }

    @Override
    DataSource newDatabase(String name) {
      return Databases.newPostgresDatabase(name);
    }

    @Override
    String newDatabaseUrl(String name) {
      Databases.newPostgresDatabase(name);
      return Databases.postgresUrl(name);
    }
  };

  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Returns a store on the shared test database, emptied. */
  abstract JdbcCrmStore fresh();

  /** Returns a data source of the shared test database whose connections are physical ones. */
  abstract DataSource unpooled();

  /** Creates a separate, empty database and returns an unpooled data source of it. */
  abstract DataSource newDatabase(String name);

  /** Creates a separate, empty database and returns its JDBC URL. */
  abstract String newDatabaseUrl(String name);

  /** Returns a database name not used before in this JVM. */
  static String uniqueName(String prefix) {
    return prefix + "_" + NAMES.incrementAndGet();
  }
}
