package io.rapport.crm.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the CDNOW calibration summary (weeks) from the test resources. */
final class CdnowWeeks {

  private CdnowWeeks() {}

  static SummaryTable summary() {
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        CdnowWeeks.class.getResourceAsStream("/value/cdnow/cdnow_customers_summary.csv"),
        StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split(",");
        builder.add(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), 0, 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }
}
