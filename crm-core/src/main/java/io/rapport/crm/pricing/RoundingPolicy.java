package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.RoundingMode;

/**
 * Says how a quote rounds to the currency's minor unit: with which mode, and at which stage
 * (each step rounds once and errs by at most one minor unit, half a unit for the HALF modes).
 * {@link RoundingMode#UNNECESSARY} is refused: quotes routinely produce fractions of a minor
 * unit. Immutable and thread-safe.
 *
 * @param mode the rounding mode, not {@code UNNECESSARY}
 * @param stage where rounding happens
 */
public record RoundingPolicy(RoundingMode mode, RoundingStage stage) {

  /** Banker's rounding ({@code HALF_EVEN}) of each line: the default. */
  public static final RoundingPolicy STANDARD = new RoundingPolicy(RoundingMode.HALF_EVEN,
      RoundingStage.LINE);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the mode is {@code UNNECESSARY}
   *     ({@code pricing.rounding.unnecessary}, field {@code mode})
   */
  public RoundingPolicy {
    requireNonNull(mode, "mode");
    requireNonNull(stage, "stage");
    if (mode == RoundingMode.UNNECESSARY) {
      throw new InvalidValueException(unnecessary().getError());
    }
  }

  /**
   * Validates a mode and a stage into a policy.
   *
   * @param mode the rounding mode
   * @param stage the stage
   * @return the policy, or the violation {@code pricing.rounding.unnecessary} (field
   *     {@code mode})
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, RoundingPolicy> validated(RoundingMode mode,
      RoundingStage stage) {
    requireNonNull(mode, "mode");
    requireNonNull(stage, "stage");
    return mode == RoundingMode.UNNECESSARY ? unnecessary()
        : Validation.valid(new RoundingPolicy(mode, stage));
  }

  private static <T> Validation<Seq<Violation>, T> unnecessary() {
    return Violation.invalid("pricing.rounding.unnecessary", "mode",
        "A quote rounds to the minor unit, so the rounding mode cannot be UNNECESSARY");
  }
}
