package io.rapport.crm.examples.cli;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.value.TransactionLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import picocli.CommandLine.Option;

/**
 * Reads a transaction file into a {@link TransactionLog}: a CSV with a header naming the
 * customer, date and amount columns (names set by options), or the CDNOW log format
 * (whitespace-separated; the master log {@code customer_id date number_of_cds dollar_value}, with
 * or without its header, or the 1-in-10 sample whose second column is the sample id).
 */
final class TransactionOptions {

  @Option(names = "--customer-column", defaultValue = "customer_id", paramLabel = "NAME",
      description = "CSV column of the customer id. Default: ${DEFAULT-VALUE}.")
  String customerColumn;

  @Option(names = "--date-column", defaultValue = "date", paramLabel = "NAME",
      description = "CSV column of the date (YYYY-MM-DD, YYYYMMDD, or an ISO date-time whose "
          + "day is taken). Default: ${DEFAULT-VALUE}.")
  String dateColumn;

  @Option(names = "--amount-column", defaultValue = "amount", paramLabel = "NAME",
      description = "CSV column of the amount (a plain decimal; negative for a refund). "
          + "Default: ${DEFAULT-VALUE}.")
  String amountColumn;

  @Option(names = "--currency", defaultValue = "USD", paramLabel = "CODE",
      description = "ISO currency of the amounts. Default: ${DEFAULT-VALUE}.")
  Currency currency;

  /** Reads the log, or fails with the file, line and column of the first bad field. */
  TransactionLog read(Path file, Progress progress) {
    TransactionLog.Builder log = TransactionLog.builder(currency, ZoneOffset.UTC);
    long size = sizeOf(file);
    String first = firstLine(file);
    if (first.indexOf(',') >= 0) {
      readCsv(file, log, progress, size);
    } else {
      readCdnow(file, log, progress, size);
    }
    progress.finish();
    if (log.size() == 0) {
      throw new InputFileException(file, 1, 1, "no transactions in the file");
    }
    return log.build();
  }

  private void readCsv(Path file, TransactionLog.Builder log, Progress progress, long size) {
    CsvFile csv = CsvFile.open(file);
    int customer = csv.requireColumn("customer", customerColumn);
    int date = csv.requireColumn("date", dateColumn);
    int amount = csv.requireColumn("amount", amountColumn);
    long[] read = {0};
    csv.rows(row -> {
      String key = row.fields()[customer].trim();
      if (key.isEmpty()) {
        throw new InputFileException(file, row.line(), row.columns()[customer],
            "the customer id is blank");
      }
      LocalDate day = date(file, row.line(), row.columns()[date], row.fields()[date].trim());
      long minor = minor(file, row.line(), row.columns()[amount], row.fields()[amount].trim());
      add(file, row.line(), log, key, day, minor);
      for (String field : row.fields()) {
        read[0] += field.length() + 1;
      }
      progress.update("reading " + file.getFileName(), read[0], size);
    });
  }

  private void readCdnow(Path file, TransactionLog.Builder log, Progress progress, long size) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      String text;
      long line = 0;
      long read = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        read += text.length() + 1;
        if (text.isBlank() || (line == 1 && text.trim().startsWith("customer_id"))) {
          continue;
        }
        String[] tokens = new String[5];
        int[] columns = new int[5];
        int count = tokens(text, tokens, columns);
        if (count != 4 && count != 5) {
          throw new InputFileException(file, line, 1, "expected 4 fields (customer_id date "
              + "number_of_cds dollar_value) or 5 (with the sample id second), found " + count);
        }
        int shift = count - 4;
        LocalDate day = date(file, line, columns[1 + shift], tokens[1 + shift]);
        long minor = minor(file, line, columns[3 + shift], tokens[3 + shift]);
        add(file, line, log, tokens[shift], day, minor);
        progress.update("reading " + file.getFileName(), read, size);
      }
    } catch (IOException failure) {
      throw new InputFileException(file, 1, 1, "cannot read: " + failure.getMessage());
    }
  }

  private static void add(Path file, long line, TransactionLog.Builder log, String key,
      LocalDate day, long minor) {
    try {
      log.add(key, day, minor, 1);
    } catch (InvalidValueException refused) {
      throw new InputFileException(file, line, 1, refused.getMessage());
    }
  }

  private static int tokens(String text, String[] tokens, int[] columns) {
    int count = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (count < tokens.length) {
        tokens[count] = text.substring(start, i);
        columns[count] = start + 1;
      }
      count++;
    }
    return count;
  }

  static LocalDate date(Path file, long line, int column, String text) {
    try {
      if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
        return LocalDate.of(Integer.parseInt(text.substring(0, 4)),
            Integer.parseInt(text.substring(4, 6)), Integer.parseInt(text.substring(6, 8)));
      }
      if (text.length() >= 10) {
        return LocalDate.parse(text.substring(0, 10));
      }
    } catch (DateTimeException | NumberFormatException bad) {
      // reported below
    }
    throw new InputFileException(file, line, column, "'" + text
        + "' is not a date (YYYY-MM-DD or YYYYMMDD)");
  }

  private long minor(Path file, long line, int column, String text) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(text);
    } catch (NumberFormatException bad) {
      throw new InputFileException(file, line, column, "'" + text + "' is not an amount");
    }
    try {
      return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()),
          RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    } catch (ArithmeticException bad) {
      throw new InputFileException(file, line, column, "'" + text + "' has more decimals than "
          + currency + " has, or is too large");
    }
  }

  private static String firstLine(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = reader.readLine()) != null) {
        if (!text.isBlank()) {
          return text;
        }
      }
      return "";
    } catch (IOException failure) {
      throw new InputFileException(file, 1, 1, "cannot read: " + failure.getMessage());
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException failure) {
      throw new InputFileException(file, 1, 1, "cannot read: " + failure.getMessage());
    }
  }
}
