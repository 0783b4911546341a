package io.rapport.crm.examples.cli;

import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.ClvTable;
import io.rapport.crm.value.FitFailure;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModelClv;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.SummaryTable;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fits a purchase model and the Gamma-Gamma spend model on the same input, then writes each
 * customer's probability of being alive, expected purchases, expected spend per purchase and
 * discounted CLV.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Fits the purchase model (--model) and the Gamma-Gamma spend model on the "
        + "same input, then writes per customer: id, p_alive, expected_purchases (over the "
        + "horizon), expected_avg_spend, clv.",
        "CLV = sum over periods i=1..N of the expected purchases in period i x expected spend "
            + "x margin / (1 + discount rate)^i; one period is --period-length time units.",
        "Exit status: 0 written, 1 a fit failed, 2 bad input or usage."})
final class ClvPredictCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ClvInput input;

  @Option(names = "--model", defaultValue = "bgnbd", paramLabel = "MODEL",
      description = "The purchase model: bgnbd, mbgnbd or pnbd. Default: ${DEFAULT-VALUE}.")
  ClvModel model;

  @Option(names = "--horizon", required = true, paramLabel = "N",
      description = "Number of periods to value, >= 1.")
  int horizon;

  @Option(names = "--period-length", defaultValue = "1", paramLabel = "UNITS",
      description = "Length of one period in time units (e.g. 4.348 weeks for a month). "
          + "Default: ${DEFAULT-VALUE}.")
  double periodLength;

  @Option(names = "--discount-rate", defaultValue = "0", paramLabel = "D",
      description = "Discount rate per period, such as 0.01. Default: ${DEFAULT-VALUE}.")
  double discountRate;

  @Option(names = "--margin", defaultValue = "1", paramLabel = "M",
      description = "Profit margin as a fraction of spend, 0 to 1. Default: ${DEFAULT-VALUE}.")
  double margin;

  @Option(names = "--out", paramLabel = "FILE.csv",
      description = "Where to write the CSV. Default: standard output.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!model.isPurchaseModel()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--model: predict needs a purchase model (bgnbd, mbgnbd or pnbd), not " + model);
    }
    var options = ClvOptions.validated(horizon, periodLength, discountRate, margin);
    if (options.isInvalid()) {
      throw new CommandLine.ParameterException(spec.commandLine(), options.getError()
          .map(v -> v.field() + ": " + v.message() + " [" + v.code() + "]").mkString("; "));
    }
    Progress progress = Progress.onTerminal(spec.commandLine().getErr());
    ClvInput.Loaded loaded = input.table(spec, progress);
    if (!loaded.hasSpend()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "predict needs monetary "
          + "values: a monetary_value column in --summary, or --transactions");
    }
    SummaryTable table = loaded.table();
    progress.step("fitting " + model.title);
    Either<FitFailure, ClvModel.Fitted> counts = model.fit(table);
    if (counts.isLeft()) {
      return failed(model, counts.getLeft());
    }
    progress.step("fitting " + ClvModel.gg.title);
    Either<FitFailure, ClvModel.Fitted> spend = ClvModel.gg.fit(table);
    if (spend.isLeft()) {
      return failed(ClvModel.gg, spend.getLeft());
    }
    progress.step("computing CLV");
    PurchaseModel purchases = ClvModel.purchaseModel(counts.get());
    GammaGamma gammaGamma = (GammaGamma) spend.get().fitted();
    ClvTable clv = ModelClv.computeParallel(table, purchases, gammaGamma, options.get());
    progress.finish();
    double total = 0;
    if (out == null) {
      PrintWriter writer = spec.commandLine().getOut();
      total = write(writer, table, purchases, clv);
      writer.flush();
    } else {
      try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        total = write(file, table, purchases, clv);
      }
      PrintWriter console = spec.commandLine().getOut();
      console.printf(Locale.ROOT, "%s %s, %s %s%n", counts.get().model().title,
          counts.get().params(), ClvModel.gg.title, spend.get().params());
      console.printf(Locale.ROOT, "wrote %d customers to %s; total CLV %s, mean %s%n",
          table.size(), out, Inputs.fixed(total, 2), Inputs.fixed(total / table.size(), 2));
      console.flush();
    }
    return 0;
  }

  private int failed(ClvModel which, FitFailure failure) {
    spec.commandLine().getErr().println("rapport: the " + which.title + " fit failed: "
        + failure.message() + " [" + failure.code() + "]");
    return 1;
  }

  private static double write(Writer writer, SummaryTable table, PurchaseModel model,
      ClvTable clv) throws IOException {
    writer.write("id,p_alive,expected_purchases,expected_avg_spend,clv\n");
    double total = 0;
    StringBuilder line = new StringBuilder(96);
    for (int i = 0; i < table.size(); i++) {
      line.setLength(0);
      line.append(csv(table.customer(i))).append(',')
          .append(Inputs.fixed(model.probabilityAlive(table.frequency(i), table.recency(i),
              table.age(i)), 6)).append(',')
          .append(Inputs.fixed(clv.expectedPurchases(i), 6)).append(',')
          .append(Inputs.fixed(clv.expectedSpend(i), 4)).append(',')
          .append(Inputs.fixed(clv.clv(i), 4)).append('\n');
      writer.write(line.toString());
      total += clv.clv(i);
    }
    return total;
  }

  static String csv(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
