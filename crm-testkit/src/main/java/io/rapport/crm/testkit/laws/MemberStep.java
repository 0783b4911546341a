package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.loyalty.LoyaltyEventKind;
import io.rapport.crm.loyalty.PointCurrency;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Describes one thing a member does in a {@link MemberScript}, some time after the previous step.
 * Immutable and thread-safe.
 */
public sealed interface MemberStep permits MemberStep.Buy, MemberStep.Occasion,
    MemberStep.Redeem, MemberStep.Refund, MemberStep.Evaluate {

  /** Returns how long after the previous step it happens. */
  Duration after();

  /**
   * Buys one line. Immutable and thread-safe.
   *
   * @param after how long after the previous step
   * @param product the product's id
   * @param category the product's category
   * @param channel the channel
   * @param units whole units, 1 or more
   * @param minorUnits what the line costs, in minor units of the program's spend currency
   */
  record Buy(Duration after, String product, String category, String channel, int units,
      long minorUnits) implements MemberStep {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Buy {
      requireNonNull(after, "after");
      requireNonNull(product, "product");
      requireNonNull(category, "category");
      requireNonNull(channel, "channel");
    }
  }

  /**
   * Has an occasion, such as a review or a birthday. Immutable and thread-safe.
   *
   * @param after how long after the previous step
   * @param kind the occasion
   */
  record Occasion(Duration after, LoyaltyEventKind kind) implements MemberStep {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Occasion {
      requireNonNull(after, "after");
      requireNonNull(kind, "kind");
    }
  }

  /**
   * Redeems points. Immutable and thread-safe.
   *
   * @param after how long after the previous step
   * @param currency the currency
   * @param points the points
   */
  record Redeem(Duration after, PointCurrency currency, long points) implements MemberStep {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Redeem {
      requireNonNull(after, "after");
      requireNonNull(currency, "currency");
    }
  }

  /**
   * Gets a share of an earlier purchase refunded. Immutable and thread-safe.
   *
   * @param after how long after the previous step
   * @param purchase which earlier step's purchase, by its position in the script
   * @param share the share, in (0, 1]
   */
  record Refund(Duration after, int purchase, BigDecimal share) implements MemberStep {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Refund {
      requireNonNull(after, "after");
      requireNonNull(share, "share");
    }
  }

  /**
   * Lets the tier evaluations and downgrades due be applied. Immutable and thread-safe.
   *
   * @param after how long after the previous step
   */
  record Evaluate(Duration after) implements MemberStep {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Evaluate {
      requireNonNull(after, "after");
    }
  }
}
