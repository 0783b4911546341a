package io.rapport.crm.value;

import io.vavr.collection.List;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.quicktheories.QuickTheory;

/** Reads the copied reference data sets of the value tests; fixed-seed property runner. */
final class ClvTestData {

  private ClvTestData() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L))
        .withExamples(300);
  }

  static java.util.List<String[]> csv(String name) {
    var stream = ClvTestData.class.getResourceAsStream("/value/cdnow/" + name);
    if (stream == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      java.util.List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.trim().split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PatternCounts donations() {
    List<PatternCounts.Pattern> patterns = List.empty();
    for (String[] row : csv("donations.csv")) {
      patterns = patterns.append(new PatternCounts.Pattern(Integer.parseInt(row[0]),
          Integer.parseInt(row[1]), Integer.parseInt(row[2]), Long.parseLong(row[3])));
    }
    return PatternCounts.of(patterns);
  }

  static SummaryTable cdnowWithSpend() {
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    for (String[] row : csv("cdnow_customers_summary_with_transactions.csv")) {
      int x = Integer.parseInt(row[1]);
      double zbar = Double.parseDouble(row[4]);
      builder.add(row[0], x, Double.parseDouble(row[2]), Double.parseDouble(row[3]), zbar,
          zbar * x);
    }
    return builder.build();
  }
}
