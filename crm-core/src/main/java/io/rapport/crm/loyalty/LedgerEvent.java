package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.StampedEvent;

/**
 * States a fact about a {@link PointsLedger}: one event per accepted command, carrying the journal
 * entry the command wrote.
 */
public sealed interface LedgerEvent extends StampedEvent {

  /** Returns the account whose ledger changed. */
  LoyaltyAccountId account();

  /** Returns the journal entry the command wrote. */
  LedgerEntry entry();

  /** Returns the account's id. */
  @Override
  default LoyaltyAccountId aggregateId() {
    return account();
  }

  /**
   * States that points were earned. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry
   */
  record PointsEarned(EventStamp stamp, LoyaltyAccountId account, LedgerEntry.Earned entry)
      implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsEarned {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that points were redeemed. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry, naming the lots that paid
   */
  record PointsRedeemed(EventStamp stamp, LoyaltyAccountId account, LedgerEntry.Redeemed entry)
      implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsRedeemed {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that points expired. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry
   */
  record PointsExpired(EventStamp stamp, LoyaltyAccountId account, LedgerEntry.Expired entry)
      implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsExpired {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that points were adjusted by hand. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry
   */
  record PointsAdjusted(EventStamp stamp, LoyaltyAccountId account, LedgerEntry.Adjusted entry)
      implements LedgerEvent, RedactableEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsAdjusted {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }

    /**
     * Returns this event as {@link LoyaltyAccount#redacted} leaves the journal: the entry's reason
     * becomes {@value io.rapport.crm.customer.Channel#REDACTED}; its amounts, lots, time and actor
     * are kept.
     *
     * @return the redacted event, or this event if its reason is already redacted
     */
    @Override
    public PointsAdjusted redacted() {
      LedgerEntry.Adjusted plain = entry.withReason(io.rapport.crm.customer.Channel.REDACTED);
      return plain == entry ? this : new PointsAdjusted(stamp, account, plain);
    }
  }

  /**
   * States that what a source earned was clawed back. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry
   */
  record PointsClawedBack(EventStamp stamp, LoyaltyAccountId account,
      LedgerEntry.ClawedBack entry) implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PointsClawedBack {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * States that a source's redemptions were cancelled. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param account the account
   * @param entry the journal entry
   */
  record RedemptionReversed(EventStamp stamp, LoyaltyAccountId account,
      LedgerEntry.RedemptionReversed entry) implements LedgerEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public RedemptionReversed {
      requireNonNull(stamp, "stamp");
      requireNonNull(account, "account");
      requireNonNull(entry, "entry");
    }
  }
}
