package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.work.Priority;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Tells the host something about a member it can act on (send a message, change a service
 * queue, show a banner), as {@link TierChangePolicy} decides from loyalty events and ledgers.
 */
public sealed interface MemberNotice permits MemberNotice.TierUpgraded,
    MemberNotice.TierDowngraded, MemberNotice.DowngradeWarning,
    MemberNotice.ServicePriorityChanged, MemberNotice.PointsExpiringSoon {

  /** Names the kinds of notice, so a policy can be told which ones to give. */
  enum Kind {
    /** {@link TierUpgraded}. */
    TIER_UPGRADED,
    /** {@link TierDowngraded}. */
    TIER_DOWNGRADED,
    /** {@link DowngradeWarning}. */
    DOWNGRADE_WARNING,
    /** {@link ServicePriorityChanged}. */
    SERVICE_PRIORITY_CHANGED,
    /** {@link PointsExpiringSoon}. */
    POINTS_EXPIRING_SOON
  }

  /** Returns the member, as a customer. */
  CustomerId customer();

  /** Returns the member's loyalty account. */
  LoyaltyAccountId account();

  /** Returns the kind of notice. */
  Kind kind();

  /**
   * Tells that a member rose to a higher tier. Immutable and thread-safe.
   *
   * @param customer the member
   * @param account the account
   * @param from the tier code before
   * @param to the tier code now
   * @param at when the tier changed
   * @param benefits the new tier's benefits
   */
  record TierUpgraded(CustomerId customer, LoyaltyAccountId account, String from, String to,
      Instant at, TierBenefits benefits) implements MemberNotice {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public TierUpgraded {
      requireNonNull(customer, "customer");
      requireNonNull(account, "account");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(at, "at");
      requireNonNull(benefits, "benefits");
    }

    /** Returns {@link Kind#TIER_UPGRADED}. */
    @Override
    public Kind kind() {
      return Kind.TIER_UPGRADED;
    }
  }

  /**
   * Tells that a member fell to a lower tier, and what benefits they had before and have now.
   * Immutable and thread-safe.
   *
   * @param customer the member
   * @param account the account
   * @param from the tier code before
   * @param to the tier code now
   * @param at when the tier changed
   * @param reason why: a downgrade at evaluation, a reversal, a program change
   * @param before the benefits of the tier before ({@link TierBenefits#NONE} if the program no
   *     longer has that tier)
   * @param after the benefits of the tier now
   */
  record TierDowngraded(CustomerId customer, LoyaltyAccountId account, String from, String to,
      Instant at, TierChangeReason reason, TierBenefits before, TierBenefits after)
      implements MemberNotice {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public TierDowngraded {
      requireNonNull(customer, "customer");
      requireNonNull(account, "account");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(at, "at");
      requireNonNull(reason, "reason");
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }

    /** Returns the perks the member had before and no longer has. */
    public Set<String> perksLost() {
      return before.perks().removeAll(after.perks());
    }

    /** Returns {@link Kind#TIER_DOWNGRADED}. */
    @Override
    public Kind kind() {
      return Kind.TIER_DOWNGRADED;
    }
  }

  /**
   * Warns that a member no longer qualifies for their tier and will fall at the end of the grace
   * period unless they qualify again. Immutable and thread-safe.
   *
   * @param customer the member
   * @param account the account
   * @param tier the tier code at risk
   * @param evaluatedAt the evaluation that found the shortfall
   * @param effectiveAt when the downgrade takes effect
   */
  record DowngradeWarning(CustomerId customer, LoyaltyAccountId account, String tier,
      Instant evaluatedAt, Instant effectiveAt) implements MemberNotice {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public DowngradeWarning {
      requireNonNull(customer, "customer");
      requireNonNull(account, "account");
      requireNonNull(tier, "tier");
      requireNonNull(evaluatedAt, "evaluatedAt");
      requireNonNull(effectiveAt, "effectiveAt");
    }

    /** Returns {@link Kind#DOWNGRADE_WARNING}. */
    @Override
    public Kind kind() {
      return Kind.DOWNGRADE_WARNING;
    }
  }

  /**
   * Tells that the service priority a member's tier gives changed, so service rules should queue
   * their tickets differently. Immutable and thread-safe.
   *
   * @param customer the member
   * @param account the account
   * @param previous the priority before, or empty if the tier gave none
   * @param priority the priority now, or empty if the tier gives none
   * @param at when the tier changed
   */
  record ServicePriorityChanged(CustomerId customer, LoyaltyAccountId account,
      Option<Priority> previous, Option<Priority> priority, Instant at) implements MemberNotice {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or an optional value is null
     */
    public ServicePriorityChanged {
      requireNonNull(customer, "customer");
      requireNonNull(account, "account");
      requireNonNull(previous, "previous");
      requireNonNull(priority, "priority");
      requireNonNull(at, "at");
      previous.forEach(value -> requireNonNull(value, "previous"));
      priority.forEach(value -> requireNonNull(value, "priority"));
    }

    /** Returns {@link Kind#SERVICE_PRIORITY_CHANGED}. */
    @Override
    public Kind kind() {
      return Kind.SERVICE_PRIORITY_CHANGED;
    }
  }

  /**
   * Warns that some of a member's points expire soon. Immutable and thread-safe.
   *
   * @param customer the member
   * @param account the account
   * @param currency the currency
   * @param points how many points expire at that instant, positive
   * @param expiresAt the first instant they are unusable
   */
  record PointsExpiringSoon(CustomerId customer, LoyaltyAccountId account,
      PointCurrency currency, long points, Instant expiresAt) implements MemberNotice {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsExpiringSoon {
      requireNonNull(customer, "customer");
      requireNonNull(account, "account");
      requireNonNull(currency, "currency");
      requireNonNull(expiresAt, "expiresAt");
    }

    /** Returns {@link Kind#POINTS_EXPIRING_SOON}. */
    @Override
    public Kind kind() {
      return Kind.POINTS_EXPIRING_SOON;
    }
  }
}
