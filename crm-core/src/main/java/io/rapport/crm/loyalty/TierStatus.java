package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Tells a member's tier at some time: which tier, since when, when it is next evaluated, and any
 * pending downgrade. Immutable and thread-safe.
 *
 * @param tier the tier's code
 * @param since when the member reached it
 * @param nextEvaluation the next evaluation after the status's time
 * @param notice a pending downgrade, or empty
 */
public record TierStatus(String tier, Instant since, Instant nextEvaluation,
    Option<TierNotice> notice) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the notice is null
   */
  public TierStatus {
    requireNonNull(tier, "tier");
    requireNonNull(since, "since");
    requireNonNull(nextEvaluation, "nextEvaluation");
    requireNonNull(notice, "notice");
    notice.forEach(value -> requireNonNull(value, "notice"));
  }

  /**
   * Returns when the tier next needs attention: the pending downgrade's time, or the next
   * evaluation, whichever comes first. Storage indexes accounts by it.
   */
  public Instant dueAt() {
    return notice.map(TierNotice::effectiveAt).filter(at -> at.isBefore(nextEvaluation))
        .getOrElse(nextEvaluation);
  }
}
