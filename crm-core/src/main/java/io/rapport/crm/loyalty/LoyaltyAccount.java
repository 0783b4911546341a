package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Holds a customer's membership of a loyalty program: the points ledger, what their activity
 * counted towards tiers, their tier and its history, and who referred them. Immutable and
 * thread-safe.
 *
 * @param id the account's id; also the ledger's
 * @param program the program
 * @param customer the member
 * @param joinedAt when they joined; anniversaries count from it
 * @param ledger the points
 * @param qualifying what each activity counted towards tiers, and the reversals, oldest first
 * @param tier the tier as of {@code updatedAt}
 * @param tierHistory the tier changes, oldest first
 * @param referredBy the account that referred them, or empty
 * @param referralCompletedAt when their referral completed and was rewarded, or empty
 * @param updatedAt when it last changed; not before {@code joinedAt}
 */
public record LoyaltyAccount(LoyaltyAccountId id, LoyaltyProgramId program, CustomerId customer,
    Instant joinedAt, PointsLedger ledger, Seq<QualifyingEntry> qualifying, TierStatus tier,
    Seq<TierChange> tierHistory, Option<LoyaltyAccountId> referredBy,
    Option<Instant> referralCompletedAt, Instant updatedAt)
    implements Aggregate<LoyaltyAccountId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public LoyaltyAccount {
    requireNonNull(id, "id");
    requireNonNull(program, "program");
    requireNonNull(customer, "customer");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(ledger, "ledger");
    requireNonNull(qualifying, "qualifying");
    requireNonNull(tier, "tier");
    requireNonNull(tierHistory, "tierHistory");
    requireNonNull(referredBy, "referredBy");
    requireNonNull(referralCompletedAt, "referralCompletedAt");
    requireNonNull(updatedAt, "updatedAt");
    qualifying.forEach(value -> requireNonNull(value, "qualifying"));
    tierHistory.forEach(value -> requireNonNull(value, "tierHistory"));
    referredBy.forEach(value -> requireNonNull(value, "referredBy"));
    referralCompletedAt.forEach(value -> requireNonNull(value, "referralCompletedAt"));
  }

  /**
   * Returns when the account's tier next needs evaluating: a pending downgrade or the next
   * evaluation, whichever comes first. Storage indexes accounts by it.
   */
  public Instant tierDueAt() {
    return tier.dueAt();
  }

  /**
   * Returns the earliest expiry among lots that still hold points, or empty if none will expire.
   * Storage indexes accounts by it.
   */
  public Option<Instant> nextExpiry() {
    Instant first = null;
    for (PointsLot lot : ledger.lots()) {
      if (lot.remaining() > 0 && lot.expiresAt().isDefined()) {
        Instant at = lot.expiresAt().get();
        if (first == null || at.isBefore(first)) {
          first = at;
        }
      }
    }
    return Option.of(first);
  }
}
