package io.rapport.crm.pricing;

/**
 * Says where a quote rounds amounts to the currency's minor unit.
 */
public enum RoundingStage {
  /** Each line's total is rounded once, after its adjustments; the order total adds them up. */
  LINE,
  /** Line totals are kept exact; the order total is rounded once, at the end. */
  ORDER
}
