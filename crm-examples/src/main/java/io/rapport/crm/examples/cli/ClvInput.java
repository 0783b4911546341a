package io.rapport.crm.examples.cli;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.value.PatternCounts;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The input of the {@code clv} commands: a summary CSV ({@code id,frequency,recency,T} and
 * optionally {@code monetary_value}; for BG/BB {@code frequency,recency,periods,weights}) or a
 * transaction file summarised here with the literature's defaults (same-day purchases merged,
 * refunds netted into their day, zero amounts counted).
 */
final class ClvInput {

  /** Exactly one source. */
  static final class Source {
    @Option(names = "--summary", paramLabel = "FILE", required = true,
        description = "Summary CSV: id,frequency,recency,T[,monetary_value] (also ID,x,t_x,T,zbar);"
            + " for bgbb frequency,recency,periods[,weights].")
    Path summary;

    @Option(names = "--transactions", paramLabel = "FILE", required = true,
        description = "Transaction CSV (customer_id,date,amount) or a CDNOW log.")
    Path transactions;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--time-unit", defaultValue = "weeks", paramLabel = "UNIT",
      converter = UnitConverter.class,
      description = "days or weeks: the unit of recency and T (and of every horizon). "
          + "Default: ${DEFAULT-VALUE}.")
  PeriodUnit unit;

  @Option(names = "--calibration-end", paramLabel = "DATE",
      description = "Last day (YYYY-MM-DD, inclusive) of the transactions fitted on. "
          + "Default: the last day in the file.")
  LocalDate calibrationEnd;

  @Mixin
  TransactionOptions transactionOptions;

  /** Converts {@code days} and {@code weeks}. */
  static final class UnitConverter implements CommandLine.ITypeConverter<PeriodUnit> {
    @Override
    public PeriodUnit convert(String value) {
      switch (value) {
        case "days":
          return PeriodUnit.DAYS;
        case "weeks":
          return PeriodUnit.WEEKS;
        default:
          throw new CommandLine.TypeConversionException("expected days or weeks, not '"
              + value + "'");
      }
    }
  }

  /** Reads the customers' summaries, with monetary values when the input has them. */
  Loaded table(CommandSpec spec, Progress progress) {
    if (source.transactions != null) {
      Path file = Inputs.readable(spec, source.transactions, "--transactions");
      TransactionLog log = transactionOptions.read(file, progress);
      LocalDate end = calibrationEnd;
      if (end == null) {
        int last = Integer.MIN_VALUE;
        for (int row = 0; row < log.size(); row++) {
          last = Math.max(last, log.epochDay(row));
        }
        end = LocalDate.ofEpochDay(last);
      }
      SummaryTable table = TransactionSummaries.summarise(log, SummaryPolicy.of(unit, end));
      if (table.size() == 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--calibration-end " + end
            + ": no customer bought on or before that day");
      }
      return new Loaded(table, true);
    }
    if (calibrationEnd != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--calibration-end needs --transactions: a summary is already cut");
    }
    Path file = Inputs.readable(spec, source.summary, "--summary");
    CsvFile csv = CsvFile.open(file);
    int id = csv.requireColumn("id", "id", "customer_id");
    int x = csv.requireColumn("frequency", "frequency", "x");
    int tx = csv.requireColumn("recency", "recency", "t_x");
    int t = csv.requireColumn("T", "T");
    int money = csv.column("monetary_value", "zbar");
    SummaryTable.Builder builder = SummaryTable.builder(unit);
    csv.rows(row -> {
      int frequency = integer(file, row, x);
      double recency = decimal(file, row, tx);
      double age = decimal(file, row, t);
      double spend = money < 0 ? 0 : decimal(file, row, money);
      try {
        builder.add(row.fields()[id].trim(), frequency, recency, age, spend, spend * frequency);
      } catch (InvalidValueException refused) {
        io.rapport.crm.kernel.Violation first = refused.violations().head();
        String field = first.field();
        int column = field.endsWith("recency") ? tx : field.endsWith("frequency") ? x
            : field.endsWith("age") ? t : field.endsWith("Spend") && money >= 0 ? money : id;
        throw new InputFileException(file, row.line(), row.columns()[column],
            first.code() + ": " + first.message());
      }
    });
    SummaryTable table = builder.build();
    if (table.size() == 0) {
      throw new InputFileException(file, 1, 1, "no customers in the file");
    }
    return new Loaded(table, money >= 0);
  }

  /** Reads the BG/BB pattern counts of a summary CSV. */
  PatternCounts patterns(CommandSpec spec) {
    if (source.summary == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model bgbb needs "
          + "--summary FILE with frequency,recency,periods[,weights]: a discrete-time model "
          + "reads counts of transaction opportunities, not a transaction log");
    }
    Path file = Inputs.readable(spec, source.summary, "--summary");
    CsvFile csv = CsvFile.open(file);
    int x = csv.requireColumn("frequency", "frequency", "x");
    int tx = csv.requireColumn("recency", "recency", "t_x");
    int n = csv.requireColumn("periods", "periods", "n");
    int weights = csv.column("weights", "count");
    List<long[]> rows = new ArrayList<>();
    List<CsvFile.Row> lines = new ArrayList<>();
    csv.rows(row -> {
      rows.add(new long[] {integer(file, row, x), integer(file, row, tx), integer(file, row, n),
          weights < 0 ? 1 : integer(file, row, weights)});
      lines.add(row);
    });
    var counts = PatternCounts.validated(rows);
    if (counts.isInvalid()) {
      io.rapport.crm.kernel.Violation first = counts.getError().head();
      long line = lines.isEmpty() ? 1 : lineOf(first.field(), lines);
      throw new InputFileException(file, line, 1, first.code() + ": " + first.message());
    }
    return counts.get();
  }

  private static long lineOf(String field, List<CsvFile.Row> lines) {
    if (field.startsWith("rows[")) {
      int close = field.indexOf(']');
      try {
        int index = Integer.parseInt(field.substring(5, close));
        if (index < lines.size()) {
          return lines.get(index).line();
        }
      } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
        // falls through to the first row
      }
    }
    return lines.get(0).line();
  }

  private static int integer(Path file, CsvFile.Row row, int column) {
    String text = row.fields()[column].trim();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException bad) {
      throw new InputFileException(file, row.line(), row.columns()[column],
          "'" + text + "' is not a whole number");
    }
  }

  private static double decimal(Path file, CsvFile.Row row, int column) {
    String text = row.fields()[column].trim();
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException bad) {
      // reported below
    }
    throw new InputFileException(file, row.line(), row.columns()[column],
        "'" + text + "' is not a number");
  }

  /** A summary table and whether it carries monetary values. */
  record Loaded(SummaryTable table, boolean hasSpend) {}
}
