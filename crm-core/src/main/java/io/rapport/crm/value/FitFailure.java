package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Map;

/**
 * Tells why a model could not be fitted, with what the optimiser saw, instead of returning
 * parameters that mean nothing. Immutable and thread-safe.
 *
 * <p>Codes: {@code value.fit.no_data} (no customers, or no repeat purchases where the model needs
 * them), {@code value.fit.not_converged} (the optimiser hit its evaluation limit),
 * {@code value.fit.degenerate} (the optimum lies on the boundary or the likelihood is not finite
 * there), {@code value.fit.hessian_singular} (standard errors cannot be computed).
 *
 * @param code the stable code
 * @param message what went wrong, for people
 * @param diagnostics what the optimiser saw last: parameter values, {@code logLikelihood},
 *     {@code evaluations}, by name
 */
public record FitFailure(String code, String message, Map<String, Double> diagnostics)
    implements Rejection {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException when a part is null
   */
  public FitFailure {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(diagnostics, "diagnostics");
  }
}
