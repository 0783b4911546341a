package io.rapport.crm.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Reads the CDNOW reference files of the test resources. */
final class CdnowData {

  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  private CdnowData() {}

  /** Reads {@code CDNOW_sample.txt} into a log keyed by the sample id without leading zeros. */
  static TransactionLog sampleLog() {
    TransactionLog.Builder builder = TransactionLog.builder(USD, ZoneOffset.UTC);
    for (String[] row : lines("CDNOW_sample.txt", "\\s+")) {
      builder.add(Integer.toString(Integer.parseInt(row[1])),
          LocalDate.parse(row[2], DateTimeFormatter.BASIC_ISO_DATE),
          new BigDecimal(row[4]).movePointRight(2).longValueExact(), Long.parseLong(row[3]));
    }
    return builder.build();
  }

  /** Reads {@code cdnow_customers_summary_with_transactions.csv} without its header. */
  static List<String[]> publishedSummary() {
    List<String[]> rows = lines("cdnow_customers_summary_with_transactions.csv", ",");
    return rows.subList(1, rows.size());
  }

  private static List<String[]> lines(String file, String separator) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = CdnowData.class.getResourceAsStream("/value/cdnow/" + file);
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.trim();
        if (!trimmed.isEmpty()) {
          rows.add(trimmed.split(separator));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
