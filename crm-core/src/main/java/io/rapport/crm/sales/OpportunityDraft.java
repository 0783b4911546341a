package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;

/**
 * Collects what a caller asks for when opening an opportunity, unchecked: a null value means "not
 * given". {@link Opportunity#open} checks all of it against the pipeline and reports every problem
 * at once. A builder: mutable and not thread-safe; use one per opening.
 *
 * <pre>{@code
 * OpportunityDraft draft = OpportunityDraft.of("Dining set", customerId, li, "CNY")
 *     .lineItem(LineItem.of(tableId, Quantity.of("38.5", QuantityUnit.JIN),
 *         UnitPrice.of(Money.of("1280.00", cny), QuantityUnit.JIN)))
 *     .expectedClose(LocalDate.parse("2026-12-20"))
 *     .competitor("Ming Furniture")
 *     .nextStep("Measure the dining room on Saturday");
 * }</pre>
 */
public final class OpportunityDraft {

  String name;
  CustomerId customer;
  EmployeeId owner;
  TeamId team;
  Currency currency;
  String currencyCode;
  Money amount;
  final java.util.List<LineItem> lineItems = new ArrayList<>();
  LocalDate expectedClose;
  String stage;
  Percentage probability;
  ForecastCategory category;
  final java.util.List<String> competitors = new ArrayList<>();
  String nextStep;
  QuoteId quote;
  LeadId lead;

  private OpportunityDraft() {}

  /**
   * Starts a draft with what every opportunity needs.
   *
   * @param name a one-line name, possibly null (then reported)
   * @param customer the customer, possibly null (then reported)
   * @param owner the owning employee, possibly null (then reported)
   * @param currencyCode the ISO 4217 code of the deal's currency, possibly null (then reported)
   * @return the draft
   */
  public static OpportunityDraft of(String name, CustomerId customer, EmployeeId owner,
      String currencyCode) {
    OpportunityDraft draft = new OpportunityDraft();
    draft.name = name;
    draft.customer = customer;
    draft.owner = owner;
    draft.currencyCode = currencyCode;
    return draft;
  }

  /**
   * Starts a draft with what every opportunity needs, the currency given as a value.
   *
   * @param name a one-line name, possibly null (then reported)
   * @param customer the customer, possibly null (then reported)
   * @param owner the owning employee, possibly null (then reported)
   * @param currency the deal's currency, possibly null (then reported)
   * @return the draft
   */
  public static OpportunityDraft of(String name, CustomerId customer, EmployeeId owner,
      Currency currency) {
    OpportunityDraft draft = of(name, customer, owner, (String) null);
    draft.currency = currency;
    return draft;
  }

  /** Sets the team the deal belongs to; returns this draft. */
  public OpportunityDraft team(TeamId value) {
    this.team = value;
    return this;
  }

  /** Sets the amount entered by hand, used while there are no line items; returns this draft. */
  public OpportunityDraft amount(Money value) {
    this.amount = value;
    return this;
  }

  /**
   * Adds a line item; the lines' totals make the amount.
   *
   * @param line the line
   * @return this draft
   * @throws NullPointerException if line is null
   */
  public OpportunityDraft lineItem(LineItem line) {
    lineItems.add(requireNonNull(line, "line"));
    return this;
  }

  /** Sets the expected close date; returns this draft. */
  public OpportunityDraft expectedClose(LocalDate value) {
    this.expectedClose = value;
    return this;
  }

  /**
   * Sets the code of the open stage to start in, instead of the pipeline's first open stage;
   * returns this draft.
   */
  public OpportunityDraft stage(String code) {
    this.stage = code;
    return this;
  }

  /** Overrides the stage's default probability, flagged as overridden; returns this draft. */
  public OpportunityDraft probability(Percentage value) {
    this.probability = value;
    return this;
  }

  /** Overrides the stage's default forecast category, flagged as overridden; returns this draft. */
  public OpportunityDraft category(ForecastCategory value) {
    this.category = value;
    return this;
  }

  /**
   * Adds competitors in the deal.
   *
   * @param names the competitors' names
   * @return this draft
   * @throws NullPointerException if names is null
   */
  public OpportunityDraft competitor(String... names) {
    competitors.addAll(Arrays.asList(requireNonNull(names, "names")));
    return this;
  }

  /** Sets the next step agreed; a blank one counts as none; returns this draft. */
  public OpportunityDraft nextStep(String text) {
    this.nextStep = text;
    return this;
  }

  /** Sets the quote sent; returns this draft. */
  public OpportunityDraft quote(QuoteId value) {
    this.quote = value;
    return this;
  }

  /** Sets the lead the deal was converted from; returns this draft. */
  public OpportunityDraft lead(LeadId value) {
    this.lead = value;
    return this;
  }
}
