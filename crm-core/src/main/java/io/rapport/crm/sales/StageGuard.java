package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;

/**
 * States a condition an opportunity must meet to enter a stage, such as "an amount and an expected
 * close date before Proposal" or "a quote before Negotiation". Guards are data, so a pipeline can
 * be stored and loaded; each has a stable {@link #code()} that a refused move reports, and
 * {@link #check(Opportunity, Stage)} explains a failure in words.
 */
public sealed interface StageGuard {

  /** The single instance of {@link AmountRequired}. */
  StageGuard AMOUNT_REQUIRED = new AmountRequired();
  /** The single instance of {@link CloseDateRequired}. */
  StageGuard CLOSE_DATE_REQUIRED = new CloseDateRequired();
  /** The single instance of {@link QuoteRequired}. */
  StageGuard QUOTE_REQUIRED = new QuoteRequired();
  /** The single instance of {@link LineItemsRequired}. */
  StageGuard LINE_ITEMS_REQUIRED = new LineItemsRequired();
  /** The single instance of {@link NextStepRequired}. */
  StageGuard NEXT_STEP_REQUIRED = new NextStepRequired();

  /** Returns the guard's stable code, such as {@code amount_required}. */
  String code();

  /**
   * Checks the guard against an opportunity that would enter a stage.
   *
   * @param opportunity the opportunity as it stands
   * @param target the stage it would enter, named in the explanation
   * @return nothing when the guard holds, otherwise why not
   * @throws NullPointerException if an argument is null
   */
  Option<Failure> check(Opportunity opportunity, Stage target);

  /**
   * Returns a guard requiring an amount of at least a minimum.
   *
   * @param minimum the smallest amount allowed
   * @return the guard
   * @throws NullPointerException if minimum is null
   */
  static StageGuard minimumAmount(Money minimum) {
    return new MinimumAmount(minimum);
  }

  /**
   * Explains why a guard does not hold. Immutable and thread-safe.
   *
   * @param code the guard's code, such as {@code quote_required}
   * @param stage the stage the guard protects
   * @param message the explanation, such as "a quote is required before Negotiation"
   */
  record Failure(String code, StageCode stage, String message) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Failure {
      requireNonNull(code, "code");
      requireNonNull(stage, "stage");
      requireNonNull(message, "message");
    }

    /** Returns the message followed by the code in brackets. */
    @Override
    public String toString() {
      return message + " [" + code + "]";
    }
  }

  /** Requires an amount: entered, or the sum of line items. Immutable and thread-safe. */
  record AmountRequired() implements StageGuard {
    @Override
    public String code() {
      return "amount_required";
    }

    /** Fails when the opportunity has neither line items nor an entered amount. */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      return opportunity.lineItems().isEmpty() && opportunity.enteredAmount().isEmpty()
          ? fail(this, target, "an amount is required before " + target.name())
          : Option.none();
    }
  }

  /** Requires an expected close date. Immutable and thread-safe. */
  record CloseDateRequired() implements StageGuard {
    @Override
    public String code() {
      return "close_date_required";
    }

    /** Fails when the opportunity has no expected close date. */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      return opportunity.expectedClose().isEmpty()
          ? fail(this, target, "an expected close date is required before " + target.name())
          : Option.none();
    }
  }

  /** Requires a quote linked to the opportunity. Immutable and thread-safe. */
  record QuoteRequired() implements StageGuard {
    @Override
    public String code() {
      return "quote_required";
    }

    /** Fails when no quote is attached. */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      return opportunity.quote().isEmpty()
          ? fail(this, target, "a quote is required before " + target.name())
          : Option.none();
    }
  }

  /** Requires at least one line item. Immutable and thread-safe. */
  record LineItemsRequired() implements StageGuard {
    @Override
    public String code() {
      return "line_items_required";
    }

    /** Fails when the opportunity has no line item. */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      return opportunity.lineItems().isEmpty()
          ? fail(this, target, "at least one line item is required before " + target.name())
          : Option.none();
    }
  }

  /** Requires a next step. Immutable and thread-safe. */
  record NextStepRequired() implements StageGuard {
    @Override
    public String code() {
      return "next_step_required";
    }

    /** Fails when no next step is set. */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      return opportunity.nextStep().isEmpty()
          ? fail(this, target, "a next step is required before " + target.name())
          : Option.none();
    }
  }

  /**
   * Requires an amount of at least a minimum, in the minimum's currency. Amounts are never
   * converted: an opportunity in another currency fails with its own explanation. Immutable and
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

    /**
     * Fails when the opportunity is in another currency than the minimum, has no amount, or an
     * amount below the minimum.
     */
    @Override
    public Option<Failure> check(Opportunity opportunity, Stage target) {
      if (!opportunity.currency().equals(minimum.currency())) {
        return fail(this, target, "an amount of at least " + minimum + " is required before "
            + target.name() + ", but the opportunity is in "
            + opportunity.currency().getCurrencyCode() + " and amounts are not converted");
      }
      Option<Money> amount = opportunity.amount();
      if (amount.isEmpty()) {
        return fail(this, target, "an amount of at least " + minimum + " is required before "
            + target.name());
      }
      return amount.get().isLessThan(minimum)
          ? fail(this, target, "an amount of at least " + minimum + " is required before "
              + target.name() + ", but it is " + amount.get())
          : Option.none();
    }
  }

  private static Option<Failure> fail(StageGuard guard, Stage target, String message) {
    return Option.some(new Failure(guard.code(), target.code(), message));
  }
}
