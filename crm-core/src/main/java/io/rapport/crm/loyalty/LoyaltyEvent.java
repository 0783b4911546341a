package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.StampedEvent;
import io.vavr.control.Option;

/**
 * States what happened to a loyalty account beyond its ledger (whose changes are
 * {@link LedgerEvent}s): enrolment, recorded and reversed activity, tier changes and notices,
 * completed referrals, transfers to another customer. A host acts on {@link TierChanged} (welcome a gold member, re-route their
 * tickets) through the outbox. Immutable and thread-safe.
 */
public sealed interface LoyaltyEvent extends StampedEvent {

  /** Returns the account. */
  LoyaltyAccountId account();

  /** Returns the member. */
  CustomerId customer();

  @Override
  default LoyaltyAccountId aggregateId() {
    return account();
  }

  /**
   * States that a customer joined a program. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the new account
   * @param customer the member
   * @param program the program
   * @param tier the base tier they start in
   * @param referredBy the account that referred them, or empty
   */
  record MemberEnrolled(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      LoyaltyProgramId program, String tier, Option<LoyaltyAccountId> referredBy)
      implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or the referrer is null
     */
    public MemberEnrolled {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(program, "program");
      requireNonNull(tier, "tier");
      requireNonNull(referredBy, "referredBy");
      referredBy.forEach(value -> requireNonNull(value, "referredBy"));
    }
  }

  /**
   * States that an activity was recorded: what it earned and what it counted towards tiers.
   * Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param customer the member
   * @param source the activity
   * @param outcome what it earned, with the reasons
   * @param entry what it counted towards tiers
   */
  record ActivityRecorded(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      RecordRef source, EarnOutcome outcome, QualifyingEntry entry) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ActivityRecorded {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(source, "source");
      requireNonNull(outcome, "outcome");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that an activity was reversed, wholly or in part (a refund or a return).
   * Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param customer the member
   * @param source the activity
   * @param entry what the reversal took back from the tier counts (negative values)
   */
  record ActivityReversed(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      RecordRef source, QualifyingEntry entry) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ActivityReversed {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(source, "source");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that a member's tier changed. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param customer the member
   * @param program the program
   * @param change the tiers left and reached, when and why
   * @param benefits the benefits of the tier reached
   */
  record TierChanged(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      LoyaltyProgramId program, TierChange change, TierBenefits benefits)
      implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public TierChanged {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(program, "program");
      requireNonNull(change, "change");
      requireNonNull(benefits, "benefits");
    }
  }

  /**
   * States that an evaluation found a member below their tier: they keep it until the notice's
   * effective time unless they qualify again. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param customer the member
   * @param tier the tier at risk
   * @param notice when it was found and when the downgrade takes effect
   */
  record DowngradeNoticed(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      String tier, TierNotice notice) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public DowngradeNoticed {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(tier, "tier");
      requireNonNull(notice, "notice");
    }
  }

  /**
   * States that a referral completed: on the referrer's account, the referred member's account
   * is named; on the referred member's, the referrer's. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account it happened to
   * @param customer the account's member
   * @param referrer the referrer's account
   * @param referred the referred member's account
   * @param points what this account earned for it
   */
  record ReferralCompleted(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      LoyaltyAccountId referrer, LoyaltyAccountId referred, long points)
      implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ReferralCompleted {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(referrer, "referrer");
      requireNonNull(referred, "referred");
    }
  }

  /**
   * States that an account moved to another customer, as when the customer it belonged to was
   * merged into another. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param customer the member it now belongs to
   * @param previous the member it belonged to
   */
  record MemberTransferred(EventStamp stamp, LoyaltyAccountId account, CustomerId customer,
      CustomerId previous) implements LoyaltyEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public MemberTransferred {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(customer, "customer");
      requireNonNull(previous, "previous");
    }
  }
}
