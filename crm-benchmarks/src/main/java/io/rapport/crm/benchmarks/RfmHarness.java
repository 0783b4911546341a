package io.rapport.crm.benchmarks;

import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Compares Rapport's transaction summary with DuckDB's on the same generated CSV, side by side:
 * writes {@code customer_id,date,amount} rows (10 M of 1 M customers over two years unless the
 * first argument says otherwise), computes the RFM summary per customer (frequency of repeat
 * purchase days, recency and age T in days, total spend and average repeat spend, same-day
 * purchases merged) with Rapport (parse and summarise, and summarise alone) and with DuckDB
 * ({@code SET threads=1}; {@code read_csv} and GROUP BY, and the GROUP BY alone on a loaded
 * table), checks that both give the same numbers for a sample of customers, and prints the
 * median of five runs of each and the ratios.
 *
 * <p>Run: {@code java -cp crm-benchmarks/target/benchmarks.jar
 * io.rapport.crm.benchmarks.RfmHarness [rows] [csv path]}.
 */
public final class RfmHarness {

  private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
  private static final LocalDate END = LocalDate.of(2025, 12, 31);
  private static final int RUNS = 5;
  private static final int SAMPLE = 2_000;

  private RfmHarness() {}

  /**
   * Runs the comparison.
   *
   * @param args optional: the number of rows, then the path of the CSV to write
   * @throws Exception when the file or DuckDB fails
   */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int customers = Math.max(1, rows / 10);
    Path csv = args.length > 1 ? Path.of(args[1])
        : Files.createTempFile("rapport-rfm-", ".csv");
    long started = System.nanoTime();
    generate(csv, rows, customers);
    System.out.printf("wrote %,d rows of %,d customers to %s (%,d bytes) in %.1f s%n", rows,
        customers, csv, Files.size(csv), (System.nanoTime() - started) / 1e9);

    SummaryPolicy policy = SummaryPolicy.of(PeriodUnit.DAYS, END);
    double[] parseAndSummarise = new double[RUNS];
    double[] summariseAlone = new double[RUNS];
    SummaryTable table = null;
    for (int run = 0; run < RUNS; run++) {
      long t0 = System.nanoTime();
      TransactionLog log = parse(csv);
      long t1 = System.nanoTime();
      table = TransactionSummaries.summarise(log, policy);
      long t2 = System.nanoTime();
      parseAndSummarise[run] = (t2 - t0) / 1e6;
      TransactionSummaries.summarise(log, policy);
      summariseAlone[run] = (System.nanoTime() - t2) / 1e6;
      System.out.printf("rapport run %d: parse %.0f ms, summary %.0f ms%n", run,
          (t1 - t0) / 1e6, summariseAlone[run]);
    }

    double[] duckParseAndSummarise = new double[RUNS];
    double[] duckSummariseAlone = new double[RUNS];
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      sql.execute("SET threads=1");
      String read = "read_csv('" + csv.toAbsolutePath().toString().replace("'", "''")
          + "', header = true, columns = {'customer_id': 'VARCHAR', 'date': 'DATE', "
          + "'amount': 'DECIMAL(18,2)'})";
      for (int run = 0; run < RUNS; run++) {
        long t0 = System.nanoTime();
        sql.execute("CREATE OR REPLACE TABLE rfm AS " + rfm(read));
        duckParseAndSummarise[run] = (System.nanoTime() - t0) / 1e6;
        sql.execute("CREATE OR REPLACE TABLE tx AS SELECT * FROM " + read);
        long t1 = System.nanoTime();
        sql.execute("CREATE OR REPLACE TABLE rfm2 AS " + rfm("tx"));
        duckSummariseAlone[run] = (System.nanoTime() - t1) / 1e6;
        System.out.printf("duckdb run %d: read_csv + group by %.0f ms, group by alone %.0f ms%n",
            run, duckParseAndSummarise[run], duckSummariseAlone[run]);
      }
      compare(table, sql);
    }
    double rapportFull = median(parseAndSummarise);
    double rapportSummary = median(summariseAlone);
    double duckFull = median(duckParseAndSummarise);
    double duckSummary = median(duckSummariseAlone);
    System.out.printf("median of %d runs, %,d rows, %,d customers summarised:%n", RUNS, rows,
        table.size());
    System.out.printf("  parse + summary: rapport %.0f ms, duckdb %.0f ms, duckdb/rapport %.2f%n",
        rapportFull, duckFull, duckFull / rapportFull);
    System.out.printf("  summary alone:   rapport %.0f ms, duckdb %.0f ms, duckdb/rapport %.2f%n",
        rapportSummary, duckSummary, duckSummary / rapportSummary);
    if (args.length <= 1) {
      Files.deleteIfExists(csv);
    }
  }

  private static String rfm(String source) {
    return "WITH days AS (SELECT customer_id, \"date\" AS d, SUM(amount) AS spend FROM " + source
        + " WHERE \"date\" <= DATE '" + END + "' GROUP BY customer_id, \"date\") "
        + "SELECT customer_id, COUNT(*) - 1 AS frequency, "
        + "date_diff('day', MIN(d), MAX(d)) AS recency, "
        + "date_diff('day', MIN(d), DATE '" + END + "') AS age, SUM(spend) AS total, "
        + "CASE WHEN COUNT(*) > 1 THEN (SUM(spend) - arg_min(spend, d)) / (COUNT(*) - 1) "
        + "ELSE 0 END AS monetary FROM days GROUP BY customer_id";
  }

  private static void compare(SummaryTable table, Statement sql) throws SQLException {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      rowOf.put(table.customer(i), i);
    }
    long total;
    try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM rfm")) {
      count.next();
      total = count.getLong(1);
    }
    if (total != table.size()) {
      throw new IllegalStateException("duckdb has " + total + " customers, rapport "
          + table.size());
    }
    int checked = 0;
    try (ResultSet sample = sql.executeQuery("SELECT customer_id, frequency, recency, age, "
        + "CAST(total AS DOUBLE), CAST(monetary AS DOUBLE) FROM rfm USING SAMPLE " + SAMPLE
        + " ROWS")) {
      while (sample.next()) {
        String customer = sample.getString(1);
        Integer i = rowOf.get(customer);
        if (i == null || table.frequency(i) != sample.getInt(2)
            || table.recency(i) != sample.getInt(3) || table.age(i) != sample.getInt(4)
            || Math.abs(table.totalSpend(i) - sample.getDouble(5)) > 1e-6
            || Math.abs(table.averageRepeatSpend(i) - sample.getDouble(6)) > 1e-6) {
          throw new IllegalStateException("customer " + customer + " differs: rapport "
              + (i == null ? "none" : table.row(i)) + ", duckdb " + sample.getInt(2) + " "
              + sample.getInt(3) + " " + sample.getInt(4) + " " + sample.getDouble(5) + " "
              + sample.getDouble(6));
        }
        checked++;
      }
    }
    System.out.printf("same numbers for a sample of %,d customers (of %,d)%n", checked, total);
  }

  private static void generate(Path csv, int rows, int customers) throws IOException {
    SplittableRandom random = new SplittableRandom(20261123L);
    int days = (int) (END.toEpochDay() - FIRST.toEpochDay() + 1);
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
      out.write("customer_id,date,amount\n");
      StringBuilder line = new StringBuilder(40);
      for (int r = 0; r < rows; r++) {
        long cents = 100 + random.nextInt(20_000);
        line.setLength(0);
        line.append(random.nextInt(customers)).append(',')
            .append(FIRST.plusDays(random.nextInt(days))).append(',')
            .append(cents / 100).append('.');
        long fraction = cents % 100;
        line.append(fraction < 10 ? "0" : "").append(fraction).append('\n');
        out.append(line);
      }
    }
  }

  /**
   * Parses the CSV: unsigned customer ids (each looked up in the log's dictionary once), ISO
   * dates (each converted to an epoch day once) and amounts with two decimals.
   */
  static TransactionLog parse(Path csv) throws IOException {
    TransactionLog.Builder builder = TransactionLog.builder(Currency.getInstance("USD"),
        ZoneOffset.UTC);
    int[] customerOf = new int[1024];
    int[] epochDayOf = new int[200 * 13 * 32];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 20)) {
      byte[] buffer = new byte[1 << 20];
      byte[] field = new byte[64];
      int fieldLength = 0;
      int column = 0;
      boolean header = true;
      int customer = 0;
      int epochDay = 0;
      int read;
      while ((read = in.read(buffer)) > 0) {
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (header) {
            header = b != '\n';
            continue;
          }
          if (b == ',' || b == '\n') {
            if (column == 0) {
              int id = parseInt(field, 0, fieldLength);
              if (id >= customerOf.length) {
                customerOf = Arrays.copyOf(customerOf, Math.max(id + 1, customerOf.length * 2));
              }
              customer = customerOf[id] - 1;
              if (customer < 0) {
                customer = builder.customerIndex(
                    new String(field, 0, fieldLength, StandardCharsets.US_ASCII));
                customerOf[id] = customer + 1;
              }
            } else if (column == 1) {
              int year = parseInt(field, 0, 4);
              int month = parseInt(field, 5, 7);
              int dayOfMonth = parseInt(field, 8, 10);
              int slot = ((year - 1900) * 13 + month) * 32 + dayOfMonth;
              if (slot >= 0 && slot < epochDayOf.length && epochDayOf[slot] != 0) {
                epochDay = epochDayOf[slot];
              } else {
                epochDay = (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
                if (slot >= 0 && slot < epochDayOf.length && epochDay != 0) {
                  epochDayOf[slot] = epochDay;
                }
              }
            } else {
              long cents = 0;
              for (int k = 0; k < fieldLength; k++) {
                if (field[k] != '.') {
                  cents = cents * 10 + (field[k] - '0');
                }
              }
              builder.addRow(customer, epochDay, cents, 1);
            }
            column = b == '\n' ? 0 : column + 1;
            fieldLength = 0;
          } else if (b != '\r') {
            field[fieldLength++] = b;
          }
        }
      }
    }
    return builder.build();
  }

  private static int parseInt(byte[] bytes, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (bytes[i] - '0');
    }
    return value;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
