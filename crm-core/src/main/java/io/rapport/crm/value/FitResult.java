package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Map;

/**
 * Reports a converged maximum-likelihood fit: the fitted model, the maximised log-likelihood,
 * the standard error of each parameter (from the inverse of the observed information, the
 * Hessian of the negative log-likelihood at the optimum) and how much work the optimiser did.
 * Immutable and thread-safe.
 *
 * @param <M> the fitted model's type
 * @param model the fitted model
 * @param logLikelihood the log-likelihood at the optimum
 * @param standardErrors each parameter's standard error, by the parameter's name as the
 *     literature writes it ({@code r}, {@code alpha}, {@code a}, {@code b}, …)
 * @param evaluations the number of likelihood evaluations
 * @param iterations the number of optimiser iterations
 */
public record FitResult<M>(
    M model, double logLikelihood, Map<String, Double> standardErrors, int evaluations,
    int iterations) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException when {@code model} or {@code standardErrors} is null
   */
  public FitResult {
    requireNonNull(model, "model");
    requireNonNull(standardErrors, "standardErrors");
  }
}
