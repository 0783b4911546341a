package io.rapport.crm.persistence.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Map;
import java.time.Instant;

/**
 * Reports what a {@link LoyaltyDesk} sweep did: how many accounts it looked at, how many it
 * changed, how many events it raised, and which accounts it could not process, with why. Immutable
 * and thread-safe.
 *
 * @param asOf the time swept up to
 * @param processed the accounts looked at
 * @param changed the accounts saved with a change
 * @param events the events raised
 * @param failures the accounts not processed, with the reason
 */
public record LoyaltySweep(Instant asOf, int processed, int changed, int events,
    Map<LoyaltyAccountId, Rejection> failures) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, a key or a value is null
   */
  public LoyaltySweep {
    requireNonNull(asOf, "asOf");
    requireNonNull(failures, "failures");
    failures.forEach((key, value) -> {
      requireNonNull(key, "failures");
      requireNonNull(value, "failures");
    });
  }
}
