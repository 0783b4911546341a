package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.StorageException;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Reads every row the JDBC store writes with plain SQL, beneath its ports: each aggregate row
 * (type, id and document, tombstones included), each index entry (index, key, sort key, id) and
 * each outbox entry (type, aggregate id and payload), one text per row.
 */
final class StoredRows {

  private static final List<String> QUERIES = List.of(
      "SELECT aggregate_type, id, document FROM rapport_aggregate",
      "SELECT aggregate_type, index_name, index_key, sort_key, id FROM rapport_index_entry",
      "SELECT event_type, aggregate_id, document FROM rapport_outbox");

  private StoredRows() {}

  /** Returns every row of the store's tables, each as its columns joined by tabs. */
  static Seq<String> of(DataSource dataSource) {
    List<String> rows = List.empty();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String query : QUERIES) {
        try (ResultSet result = statement.executeQuery(query)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
              row.append(c > 1 ? "\t" : "").append(result.getString(c));
            }
            rows = rows.prepend(row.toString());
          }
        }
      }
    } catch (SQLException failure) {
      throw new StorageException("Could not read the store's rows", failure);
    }
    return rows.reverse();
  }
}
