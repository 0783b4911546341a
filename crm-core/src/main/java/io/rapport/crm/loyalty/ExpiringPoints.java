package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * States that points of one lot will expire at an instant unless used first: a row of the
 * projection "which points expire when". Immutable and thread-safe.
 *
 * @param lot the lot's number
 * @param currency the lot's currency
 * @param amount the points still in the lot
 * @param expiresAt the first instant at which they are no longer usable
 */
public record ExpiringPoints(int lot, PointCurrency currency, long amount, Instant expiresAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ExpiringPoints {
    requireNonNull(currency, "currency");
    requireNonNull(expiresAt, "expiresAt");
  }
}
