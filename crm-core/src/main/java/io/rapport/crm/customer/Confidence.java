package io.rapport.crm.customer;

/**
 * Says how sure duplicate detection is that two profiles describe the same customer, from the
 * score and the matcher's thresholds (standard: 0.95, 0.75 and 0.5).
 */
public enum Confidence {

  /** As good as proven: a shared email or tax id, or several independent signs together. */
  CERTAIN,

  /** Probably the same: a shared phone, or matching names backed by an address or a company. */
  LIKELY,

  /** Worth a look: matching names alone. */
  POSSIBLE;

  /**
   * Tells whether this confidence is the other one or surer.
   *
   * @param other the confidence to compare with
   * @return true if at least as sure, so {@code CERTAIN.isAtLeast(LIKELY)} is true
   * @throws NullPointerException if other is null
   */
  public boolean isAtLeast(Confidence other) {
    return ordinal() <= java.util.Objects.requireNonNull(other, "other").ordinal();
  }
}
