package io.rapport.crm.examples.cli;

import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.RfmScores;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores every customer of a transaction file on recency, frequency and monetary value in
 * quintiles and names their segment with the standard segment map.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    description = {"Scores customers on recency, frequency and monetary value (quintiles, 1-5) "
        + "and names their RFM segment; writes id,recency,frequency,monetary,r_score,f_score,"
        + "m_score,segment.",
        "recency = days from the last purchase to --as-of; frequency = purchase days; "
            + "monetary = total spend. Exit status: 0 written, 2 bad input or usage."})
final class RfmCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--transactions", required = true, paramLabel = "FILE",
      description = "Transaction CSV (customer_id,date,amount) or a CDNOW log.")
  Path transactions;

  @Mixin
  TransactionOptions transactionOptions;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Last day observed (YYYY-MM-DD, inclusive). Default: the last day in the file.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "FILE.csv",
      description = "Where to write the CSV; the segment counts go to standard output. "
          + "Default: the CSV to standard output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Path file = Inputs.readable(spec, transactions, "--transactions");
    Progress progress = Progress.onTerminal(spec.commandLine().getErr());
    TransactionLog log = transactionOptions.read(file, progress);
    LocalDate end = asOf;
    if (end == null) {
      int last = Integer.MIN_VALUE;
      for (int row = 0; row < log.size(); row++) {
        last = Math.max(last, log.epochDay(row));
      }
      end = LocalDate.ofEpochDay(last);
    }
    SummaryTable table = TransactionSummaries.summarise(log, SummaryPolicy.of(PeriodUnit.DAYS,
        end));
    if (table.size() == 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--as-of " + end
          + ": no customer bought on or before that day");
    }
    RfmScores scores = RfmScores.of(table);
    RfmSegments segments = RfmSegments.standard();
    Seq<String> names = segments.assign(scores);
    PrintWriter console = spec.commandLine().getOut();
    if (out == null) {
      write(console, table, scores, names);
      console.flush();
      return 0;
    }
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(writer, table, scores, names);
    }
    console.printf(Locale.ROOT, "RFM as of %s: %d customers written to %s%n", end, table.size(),
        out);
    Map<String, Integer> counts = segments.counts(scores);
    console.printf(Locale.ROOT, "%-20s %9s %7s%n", "segment", "customers", "share");
    counts.forEach((name, count) -> console.printf(Locale.ROOT, "%-20s %9d %6.1f%%%n", name,
        count, 100.0 * count / table.size()));
    console.flush();
    return 0;
  }

  private static void write(Writer writer, SummaryTable table, RfmScores scores,
      Seq<String> names) throws IOException {
    writer.write("id,recency,frequency,monetary,r_score,f_score,m_score,segment\n");
    StringBuilder line = new StringBuilder(96);
    for (int i = 0; i < table.size(); i++) {
      line.setLength(0);
      line.append(ClvPredictCommand.csv(table.customer(i))).append(',')
          .append(Math.round(table.age(i) - table.recency(i))).append(',')
          .append(table.frequency(i) + 1).append(',')
          .append(Inputs.fixed(table.totalSpend(i), 2)).append(',')
          .append(scores.recency(i)).append(',')
          .append(scores.frequency(i)).append(',')
          .append(scores.monetary(i)).append(',')
          .append(ClvPredictCommand.csv(names.get(i))).append('\n');
      writer.write(line.toString());
    }
  }
}
