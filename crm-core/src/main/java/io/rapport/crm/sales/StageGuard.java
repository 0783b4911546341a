package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;

/**
 * States a condition an opportunity must meet to enter a stage, such as "an amount and an expected
 * close date before Proposal" or "a quote before Negotiation". Guards are data, so a pipeline can
 * be stored and loaded; each has a stable {@link #code()} that a refused move reports.
 */
public sealed interface StageGuard {

  /** Returns the guard's stable code, such as {@code amount_required}. */
  String code();

  /** Requires an amount: entered, or the sum of line items. Immutable and thread-safe. */
  record AmountRequired() implements StageGuard {
    @Override
    public String code() {
      return "amount_required";
    }
  }

  /** Requires an expected close date. Immutable and thread-safe. */
  record CloseDateRequired() implements StageGuard {
    @Override
    public String code() {
      return "close_date_required";
    }
  }

  /** Requires a quote linked to the opportunity. Immutable and thread-safe. */
  record QuoteRequired() implements StageGuard {
    @Override
    public String code() {
      return "quote_required";
    }
  }

  /** Requires at least one line item. Immutable and thread-safe. */
  record LineItemsRequired() implements StageGuard {
    @Override
    public String code() {
      return "line_items_required";
    }
  }

  /** Requires a next step. Immutable and thread-safe. */
  record NextStepRequired() implements StageGuard {
    @Override
    public String code() {
      return "next_step_required";
    }
  }

  /**
   * Requires an amount of at least a minimum, in the minimum's currency. Immutable and
   * thread-safe.
   *
   * @param minimum the smallest amount allowed
   */
  record MinimumAmount(Money minimum) implements StageGuard {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if minimum is null
     */
    public MinimumAmount {
      requireNonNull(minimum, "minimum");
    }

    @Override
    public String code() {
      return "minimum_amount";
    }
  }
}
