package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.StorageException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings the database's schema to the version this adapter knows, with the Flyway migrations
 * shipped in the jar, and refuses a schema that a newer Rapport wrote.
 */
final class Schema {

  /** The table in which Flyway records the migrations applied. */
  static final String HISTORY_TABLE = "rapport_schema_history";

  private Schema() {}

  /**
   * Checks the schema and, if asked, migrates it.
   *
   * @param dataSource the host's data source
   * @param dialect the database's dialect
   * @param migrate whether to apply pending migrations (otherwise a pending one is an error)
   * @throws StorageException if the schema is newer than this adapter knows, behind it while
   *     migrations are off, or the migration fails
   */
  static void prepare(DataSource dataSource, Dialect dialect, boolean migrate) {
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrationLocation())
        .table(HISTORY_TABLE)
        .validateMigrationNaming(true)
        .load();
    try {
      MigrationInfoService info = flyway.info();
      MigrationVersion known = MigrationVersion.EMPTY;
      for (MigrationInfo migration : info.all()) {
        if (migration.getState() != MigrationState.FUTURE_SUCCESS
            && migration.getState() != MigrationState.FUTURE_FAILED
            && migration.getVersion() != null
            && migration.getVersion().compareTo(known) > 0) {
          known = migration.getVersion();
        }
      }
      MigrationInfo current = info.current();
      if (current != null && current.getVersion() != null
          && current.getVersion().compareTo(known) > 0) {
        throw new StorageException("The database schema is at version " + current.getVersion()
            + " (" + current.getDescription() + "), newer than version " + known
            + ", the newest this Rapport adapter knows: upgrade Rapport before opening this"
            + " database. Nothing was changed.");
      }
      if (info.pending().length > 0) {
        if (!migrate) {
          throw new StorageException("The database schema is behind this Rapport adapter ("
              + (current == null ? "empty" : "version " + current.getVersion()) + ", needs version "
              + known + ") and migrations are off: migrate it, or open the store with migrate on.");
        }
        flyway.migrate();
      }
    } catch (FlywayException failure) {
      throw new StorageException("Could not prepare the " + dialect.name()
          + " schema of the Rapport store: " + failure.getMessage(), failure);
    }
  }
}
