package io.rapport.crm.examples.cli;

import io.rapport.crm.value.BgBb;
import io.rapport.crm.value.BgNbd;
import io.rapport.crm.value.FitFailure;
import io.rapport.crm.value.FitResult;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModifiedBgNbd;
import io.rapport.crm.value.ParetoNbd;
import io.rapport.crm.value.PatternCounts;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.SummaryTable;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.Map;

/** The models the {@code clv} commands fit, by their command-line names. */
enum ClvModel {
  bgnbd("BG/NBD", "r", "alpha", "a", "b"),
  mbgnbd("MBG/NBD", "r", "alpha", "a", "b"),
  pnbd("Pareto/NBD", "r", "alpha", "s", "beta"),
  bgbb("BG/BB", "alpha", "beta", "gamma", "delta"),
  gg("Gamma-Gamma", "p", "q", "v");

  final String title;
  final String[] parameters;

  ClvModel(String title, String... parameters) {
    this.title = title;
    this.parameters = parameters;
  }

  /** Tells whether the model counts purchases in continuous time (usable for CLV). */
  boolean isPurchaseModel() {
    return this == bgnbd || this == mbgnbd || this == pnbd;
  }

  /** A converged fit, in plain shapes for output. */
  record Fitted(ClvModel model, Object fitted, Map<String, Double> params, double logLikelihood,
      Map<String, Double> standardErrors, long customers) {}

  /** Fits a continuous-time model or Gamma-Gamma on a summary table. */
  Either<FitFailure, Fitted> fit(SummaryTable table) {
    switch (this) {
      case bgnbd:
        return BgNbd.fit(table).map(f -> fitted(f, table.size(),
            f.model().r(), f.model().alpha(), f.model().a(), f.model().b()));
      case mbgnbd:
        return ModifiedBgNbd.fit(table).map(f -> fitted(f, table.size(),
            f.model().r(), f.model().alpha(), f.model().a(), f.model().b()));
      case pnbd:
        return ParetoNbd.fit(table).map(f -> fitted(f, table.size(),
            f.model().r(), f.model().alpha(), f.model().s(), f.model().beta()));
      case gg:
        long used = 0;
        for (int i = 0; i < table.size(); i++) {
          if (table.frequency(i) > 0 && table.averageRepeatSpend(i) > 0) {
            used++;
          }
        }
        long customers = used;
        return GammaGamma.fit(table).map(f -> fitted(f, customers,
            f.model().p(), f.model().q(), f.model().v()));
      default:
        throw new IllegalStateException("bgbb fits pattern counts");
    }
  }

  /** Fits BG/BB on pattern counts. */
  static Either<FitFailure, Fitted> fit(PatternCounts data) {
    return BgBb.fit(data).map(f -> bgbb.fitted(f, data.customers(),
        f.model().alpha(), f.model().beta(), f.model().gamma(), f.model().delta()));
  }

  /** Returns the purchase model of a fit of this kind. */
  static PurchaseModel purchaseModel(Fitted fitted) {
    return (PurchaseModel) fitted.fitted();
  }

  private Fitted fitted(FitResult<?> result, long customers, double... values) {
    Map<String, Double> params = new LinkedHashMap<>();
    Map<String, Double> errors = new LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i++) {
      params.put(parameters[i], values[i]);
      errors.put(parameters[i], result.standardErrors().get(parameters[i]).getOrElse(Double.NaN));
    }
    return new Fitted(this, result.model(), params, result.logLikelihood(), errors, customers);
  }
}
