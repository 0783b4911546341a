package io.rapport.crm.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.jdbc.ImportReport;
import io.rapport.crm.persistence.jdbc.JdbcCrmStore;
import io.rapport.crm.persistence.json.JsonCodec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Compares the JDBC store's import with a raw JDBC batch insert of the same rows on an embedded
 * PostgreSQL. Target (docs/benchmarks.md, issue 10): Rapport's {@code importNew} reaches at least
 * 70 % of the raw throughput.
 *
 * <p>Builds the customers in memory first (1 M unless the first argument says otherwise; not
 * timed), and for the raw run also their JSON documents and index entries (not timed). Then, on
 * one database, alternately: (a) raw: the prepared rows inserted with plain
 * {@code addBatch}/{@code executeBatch}, 500 customers per batch and per transaction (the
 * customer rows, then their index entry rows), on a connection with
 * {@code reWriteBatchedInserts=true}; (b) Rapport: {@code importNew(CustomerRepository.TYPE,
 * customers)}, encoding and index computation included. The tables are truncated before each run
 * and their row counts checked after it. Prints each run's customers/s and the medians of three
 * runs (or of the second argument's number) and their ratio.
 *
 * <p>Run: {@code java -Xmx10g -cp crm-benchmarks/target/benchmarks.jar
 * io.rapport.crm.benchmarks.ImportHarness [customers] [runs]}.
 */
public final class ImportHarness {

  private static final int BATCH = 500;

  private ImportHarness() {}

  /**
   * Runs the comparison.
   *
   * @param args optional: the number of customers, then the number of runs of each
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(20261123L);
    java.util.List<Customer> customers = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      customers.add(JdbcFixtures.customer(n, random));
    }
    Prepared rows = Prepared.of(customers, JsonCodec.standard());
    System.out.printf("built %,d customers, %,d index entries, %,d document chars in %.1f s%n",
        count, rows.entryCount(), rows.documentChars(), (System.nanoTime() - started) / 1e9);

    try (EmbeddedPostgres postgres = JdbcFixtures.startPostgres();
        HikariDataSource pool = JdbcFixtures.pool(postgres, 4)) {
      JdbcCrmStore store = JdbcCrmStore.builder(pool).build();
      double[] raw = new double[runs];
      double[] rapport = new double[runs];
      for (int run = 0; run < runs; run++) {
        empty(pool);
        long t0 = System.nanoTime();
        rows.insert(pool);
        raw[run] = count / ((System.nanoTime() - t0) / 1e9);
        check(pool, count, rows.entryCount());
        System.out.printf("run %d raw:     %,.0f customers/s%n", run, raw[run]);

        empty(pool);
        long t1 = System.nanoTime();
        ImportReport report = store.importNew(CustomerRepository.TYPE, customers);
        rapport[run] = count / ((System.nanoTime() - t1) / 1e9);
        if (report.created() != count) {
          throw new IllegalStateException("Rapport created " + report.created() + " of " + count);
        }
        check(pool, count, rows.entryCount());
        System.out.printf("run %d rapport: %,.0f customers/s (%.2f of raw)%n", run, rapport[run],
            rapport[run] / raw[run]);
      }
      double rawMedian = median(raw);
      double rapportMedian = median(rapport);
      System.out.printf("median of %d runs, %,d customers (%,d index entries):%n", runs, count,
          rows.entryCount());
      System.out.printf("  raw JDBC batches: %,.0f customers/s%n", rawMedian);
      System.out.printf("  Rapport import:   %,.0f customers/s%n", rapportMedian);
      System.out.printf("  Rapport/raw:      %.2f (target ≥ 0.70)%n", rapportMedian / rawMedian);
      store.close();
    }
  }

  /** Empties the store's aggregate and index tables, then checkpoints so runs start alike. */
  private static void empty(HikariDataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("TRUNCATE rapport_index_entry, rapport_aggregate");
      sql.execute("CHECKPOINT");
    }
  }

  private static void check(HikariDataSource pool, long aggregates, long entries)
      throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement sql = connection.createStatement();
        ResultSet counts = sql.executeQuery("SELECT (SELECT COUNT(*) FROM rapport_aggregate),"
            + " (SELECT COUNT(*) FROM rapport_index_entry)")) {
      counts.next();
      if (counts.getLong(1) != aggregates || counts.getLong(2) != entries) {
        throw new IllegalStateException("Expected " + aggregates + " customers and " + entries
            + " index entries, found " + counts.getLong(1) + " and " + counts.getLong(2));
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * The rows an import of the customers writes, computed beforehand: one document per customer,
   * and the index entries of all of them in flat arrays ({@code entryStart[i]} to
   * {@code entryStart[i + 1]} are customer i's).
   */
  private record Prepared(String type, String[] ids, String[] documents, int[] entryStart,
      String[] entryIndex, String[] entryKey, String[] entrySortKey) {

    static Prepared of(java.util.List<Customer> customers, JsonCodec codec) {
      int count = customers.size();
      String[] ids = new String[count];
      String[] documents = new String[count];
      int[] entryStart = new int[count + 1];
      java.util.List<String> index = new ArrayList<>();
      java.util.List<String> key = new ArrayList<>();
      java.util.List<String> sortKey = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Customer customer = customers.get(i);
        ids[i] = customer.id().value();
        documents[i] = codec.encodeDocument(customer);
        entryStart[i] = index.size();
        for (Index<? super Customer> each : CustomerRepository.TYPE.indexes()) {
          for (IndexEntry entry : each.entriesOf(customer)) {
            index.add(each.name());
            key.add(entry.key());
            sortKey.add(entry.sortKey());
          }
        }
      }
      entryStart[count] = index.size();
      return new Prepared(CustomerRepository.TYPE.name(), ids, documents, entryStart,
          index.toArray(String[]::new), key.toArray(String[]::new),
          sortKey.toArray(String[]::new));
    }

    int entryCount() {
      return entryIndex.length;
    }

    long documentChars() {
      long chars = 0;
      for (String document : documents) {
        chars += document.length();
      }
      return chars;
    }

    /** Inserts the rows with plain JDBC batches, one transaction per batch of customers. */
    void insert(HikariDataSource pool) throws SQLException {
      try (Connection connection = pool.getConnection();
          PreparedStatement aggregate = connection.prepareStatement("INSERT INTO"
              + " rapport_aggregate (aggregate_type, id, version, document) VALUES (?, ?, 1, ?)");
          PreparedStatement entry = connection.prepareStatement("INSERT INTO"
              + " rapport_index_entry (aggregate_type, index_name, index_key, sort_key, id)"
              + " VALUES (?, ?, ?, ?, ?)")) {
        connection.setAutoCommit(false);
        for (int from = 0; from < ids.length; from += BATCH) {
          int to = Math.min(ids.length, from + BATCH);
          for (int i = from; i < to; i++) {
            aggregate.setString(1, type);
            aggregate.setString(2, ids[i]);
            aggregate.setString(3, documents[i]);
            aggregate.addBatch();
          }
          aggregate.executeBatch();
          for (int i = from; i < to; i++) {
            for (int e = entryStart[i]; e < entryStart[i + 1]; e++) {
              entry.setString(1, type);
              entry.setString(2, entryIndex[e]);
              entry.setString(3, entryKey[e]);
              entry.setString(4, entrySortKey[e]);
              entry.setString(5, ids[i]);
              entry.addBatch();
            }
          }
          entry.executeBatch();
          connection.commit();
        }
        connection.setAutoCommit(true);
      }
    }
  }
}
