package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LedgerRejection;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.loyalty.PointsLedger;
import io.rapport.crm.loyalty.RedemptionOrder;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Describes one command on a {@link PointsLedger} as data, so a sequence of them can be generated,
 * printed with a falsifying example, and replayed. A team's own rules (an earn rule, a redemption
 * flow) implement this interface to be checked by {@link LedgerLaws}.
 */
public interface LedgerCommand {

  /**
   * Applies the command to a ledger.
   *
   * @param ledger the ledger before
   * @return what the ledger answered
   */
  Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger);

  /**
   * Earns points with an explicit expiry. Immutable and thread-safe.
   *
   * @param currency the currency
   * @param amount the points
   * @param expiresAt the expiry, or empty
   * @param lockedUntil the lock, or empty
   * @param source the source
   * @param stamp the stamp
   */
  record Earn(PointCurrency currency, long amount, Option<Instant> expiresAt,
      Option<Instant> lockedUntil, RecordRef source, EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Earn {
      requireNonNull(currency, "currency");
      requireNonNull(expiresAt, "expiresAt");
      requireNonNull(lockedUntil, "lockedUntil");
      requireNonNull(source, "source");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code earn}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.earn(currency, amount, expiresAt, lockedUntil, source, "earned", stamp);
    }
  }

  /**
   * Redeems points. Immutable and thread-safe.
   *
   * @param currency the currency
   * @param amount the points
   * @param order the order
   * @param source what the points pay for
   * @param stamp the stamp
   */
  record Redeem(PointCurrency currency, long amount, RedemptionOrder order, RecordRef source,
      EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Redeem {
      requireNonNull(currency, "currency");
      requireNonNull(order, "order");
      requireNonNull(source, "source");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code redeem}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.redeem(currency, amount, order, source, stamp);
    }
  }

  /**
   * Expires points as of an instant. Immutable and thread-safe.
   *
   * @param asOf the instant
   * @param stamp the stamp
   */
  record Expire(Instant asOf, EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Expire {
      requireNonNull(asOf, "asOf");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code expire}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.expire(asOf, stamp);
    }
  }

  /**
   * Adjusts points by hand. Immutable and thread-safe.
   *
   * @param currency the currency
   * @param amount the signed amount
   * @param stamp the stamp
   */
  record Adjust(PointCurrency currency, long amount, EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Adjust {
      requireNonNull(currency, "currency");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code adjust}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.adjust(currency, amount, "adjusted", stamp);
    }
  }

  /**
   * Claws back what a source earned. Immutable and thread-safe.
   *
   * @param source the source
   * @param stamp the stamp
   */
  record ClawBack(RecordRef source, EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ClawBack {
      requireNonNull(source, "source");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code clawBack}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.clawBack(source, stamp);
    }
  }

  /**
   * Claws back part of what a source earned in one currency. Immutable and thread-safe.
   *
   * @param source the source
   * @param currency the currency
   * @param points the points to take back
   * @param stamp the stamp
   */
  record ClawBackPart(RecordRef source, PointCurrency currency, long points, EventStamp stamp)
      implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ClawBackPart {
      requireNonNull(source, "source");
      requireNonNull(currency, "currency");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code clawBackPart}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.clawBackPart(source, currency, points, stamp);
    }
  }

  /**
   * Reverses the redemptions for a source. Immutable and thread-safe.
   *
   * @param source the source
   * @param stamp the stamp
   */
  record ReverseRedemption(RecordRef source, EventStamp stamp) implements LedgerCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ReverseRedemption {
      requireNonNull(source, "source");
      requireNonNull(stamp, "stamp");
    }

    /** Calls {@code reverseRedemption}. */
    @Override
    public Either<LedgerRejection, Transition<PointsLedger>> applyTo(PointsLedger ledger) {
      return ledger.reverseRedemption(source, stamp);
    }
  }
}
