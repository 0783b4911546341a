package io.rapport.crm.loyalty;

/**
 * Says how far a member falls when the grace period after an evaluation ends and they still do not
 * qualify for their tier. Either way, a member who already qualifies for a higher tier through the
 * current window's activity lands there instead, since upgrades apply at once.
 */
public enum DowngradePolicy {
  /** One tier down, even if the member qualifies for less (a soft landing). */
  ONE_LEVEL,
  /** Back to the base tier. */
  TO_BASE
}
