package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.math.BigDecimal;

/**
 * Asks a customer's loyalty account to do something, as a policy decided from another context's
 * event (a purchase earns, a refund reverses, a first purchase completes a referral). The host
 * finds the customer's account and runs the matching account command.
 */
public sealed interface LoyaltyCommand permits LoyaltyCommand.Earn, LoyaltyCommand.Reverse,
    LoyaltyCommand.CompleteReferral {

  /** Returns the customer whose account the command is for. */
  CustomerId customer();

  /**
   * Earns for an activity, as the program's earn rules say. Immutable and thread-safe.
   *
   * @param customer the customer
   * @param activity what they did
   */
  record Earn(CustomerId customer, EarnActivity activity) implements LoyaltyCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Earn {
      requireNonNull(customer, "customer");
      requireNonNull(activity, "activity");
    }
  }

  /**
   * Reverses a share of what an earlier activity earned and counted towards the tier, as a
   * refund or return does. Shares of one source add up to at most 1. Immutable and thread-safe.
   *
   * @param customer the customer
   * @param source the activity's source, such as {@code RecordRef.to(purchaseId)}
   * @param share the share of the original activity this command reverses: more than 0, at
   *     most 1; 1 reverses all of it
   */
  record Reverse(CustomerId customer, RecordRef source, BigDecimal share)
      implements LoyaltyCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the share is not more than 0 and at most 1
     *     ({@code loyalty.reverse.share.out_of_range})
     */
    public Reverse {
      requireNonNull(customer, "customer");
      requireNonNull(source, "source");
      requireNonNull(share, "share");
      if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
        throw new InvalidValueException(List.of(Violation.of(
            "loyalty.reverse.share.out_of_range", "share",
            "A reversed share lies in (0, 1], not " + share.toPlainString())));
      }
    }
  }

  /**
   * Completes the referral of a referred customer: their first purchase happened, so the
   * referral's rewards are due if the program's trigger is the first purchase. Immutable and
   * thread-safe.
   *
   * @param referred the referred customer
   */
  record CompleteReferral(CustomerId referred) implements LoyaltyCommand {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public CompleteReferral {
      requireNonNull(referred, "referred");
    }

    /** Returns the referred customer. */
    @Override
    public CustomerId customer() {
      return referred;
    }
  }
}
