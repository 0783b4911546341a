package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Describes something a member did that may earn points and count towards tiers: a purchase or an
 * occasion. Its {@code source} identifies it, so the same activity earns once and a refund can
 * claw back what it earned. Immutable and thread-safe.
 */
public sealed interface EarnActivity permits EarnActivity.PurchaseActivity,
    EarnActivity.EventActivity {

  /** Returns what identifies the activity, such as {@code RecordRef.to(purchaseId)}. */
  RecordRef source();

  /** Returns when it happened. */
  Instant at();

  /** Returns the channel it happened in, such as {@code store}. */
  String channel();

  /**
   * A purchase. Immutable and thread-safe.
   *
   * @param source what identifies it, such as {@code RecordRef.to(purchaseId)}
   * @param at when it was made
   * @param channel where it was made
   * @param lines its lines; not empty (checked when it earns)
   */
  record PurchaseActivity(RecordRef source, Instant at, String channel, Seq<ActivityLine> lines)
      implements EarnActivity {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or a line is null
     */
    public PurchaseActivity {
      requireNonNull(source, "source");
      requireNonNull(at, "at");
      requireNonNull(channel, "channel");
      requireNonNull(lines, "lines");
      lines.forEach(value -> requireNonNull(value, "lines"));
    }
  }

  /**
   * An occasion such as registration, a review or a birthday. Immutable and thread-safe.
   *
   * @param source what identifies it, such as {@code RecordRef.to(interactionId)}
   * @param at when it happened
   * @param channel where it happened
   * @param kind what kind of occasion it is
   */
  record EventActivity(RecordRef source, Instant at, String channel, LoyaltyEventKind kind)
      implements EarnActivity {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public EventActivity {
      requireNonNull(source, "source");
      requireNonNull(at, "at");
      requireNonNull(channel, "channel");
      requireNonNull(kind, "kind");
    }
  }
}
