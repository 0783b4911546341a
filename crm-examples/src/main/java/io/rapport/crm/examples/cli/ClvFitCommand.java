package io.rapport.crm.examples.cli;

import io.rapport.crm.value.FitFailure;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fits one model by maximum likelihood and prints its parameters and standard errors. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = {"Fits a CLV model by maximum likelihood and prints its parameters, "
        + "log-likelihood and standard errors.",
        "Exit status: 0 fitted, 1 the fit failed (the optimiser's reason is printed), "
            + "2 bad input or usage."})
final class ClvFitCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ClvInput input;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "bgnbd, mbgnbd, pnbd, bgbb (needs --summary with periods) or gg "
          + "(Gamma-Gamma spend; needs monetary values).")
  ClvModel model;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "json or table. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() {
    Progress progress = Progress.onTerminal(spec.commandLine().getErr());
    Either<FitFailure, ClvModel.Fitted> fit;
    if (model == ClvModel.bgbb) {
      var data = input.patterns(spec);
      progress.step("fitting " + model.title);
      fit = ClvModel.fit(data);
    } else {
      ClvInput.Loaded loaded = input.table(spec, progress);
      if (model == ClvModel.gg && !loaded.hasSpend()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model gg needs "
            + "monetary values: a monetary_value column in --summary, or --transactions");
      }
      progress.step("fitting " + model.title);
      fit = model.fit(loaded.table());
    }
    progress.finish();
    PrintWriter out = spec.commandLine().getOut();
    if (fit.isLeft()) {
      FitFailure failure = fit.getLeft();
      spec.commandLine().getErr().println("rapport: the " + model.title + " fit failed: "
          + failure.message() + " [" + failure.code() + "]");
      return 1;
    }
    ClvModel.Fitted fitted = fit.get();
    if (format == Format.json) {
      out.println(Inputs.json(json(fitted)));
    } else {
      out.print(table(fitted));
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> json(ClvModel.Fitted fitted) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", fitted.model().name());
    json.put("params", fitted.params());
    json.put("logLikelihood", fitted.logLikelihood());
    json.put("standardErrors", fitted.standardErrors());
    json.put("customers", fitted.customers());
    return json;
  }

  static String table(ClvModel.Fitted fitted) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "%s (%s) fitted on %d customers, "
        + "log-likelihood %s%n", fitted.model().title, fitted.model().name(),
        fitted.customers(), Inputs.fixed(fitted.logLikelihood(), 4)));
    out.append(String.format(java.util.Locale.ROOT, "%-10s %12s %12s%n", "parameter", "estimate",
        "std. error"));
    for (String name : fitted.params().keySet()) {
      out.append(String.format(java.util.Locale.ROOT, "%-10s %12s %12s%n", name,
          Inputs.fixed(fitted.params().get(name), 4),
          Inputs.fixed(fitted.standardErrors().get(name), 4)));
    }
    return out.toString();
  }
}
