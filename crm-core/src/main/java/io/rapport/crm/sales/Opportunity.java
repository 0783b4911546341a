package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Tracks one deal with a customer through a pipeline: its stage, owner and team, amount (the sum of
 * its line items, or entered), currency, expected close date, probability and forecast category
 * (the stage's defaults unless overridden), competitors, next step, and the full history of its
 * changes. Immutable and thread-safe.
 *
 * @param id the opportunity's id
 * @param name a one-line name, such as "Dining set for the Li family"
 * @param customer the customer the deal is with
 * @param pipeline the pipeline it moves through
 * @param stage its current stage
 * @param status open, won or lost: the kind of its current stage
 * @param owner the employee who owns it
 * @param team the team it belongs to, or empty
 * @param currency the currency of its amount and line items
 * @param enteredAmount the amount entered by hand, used when there are no line items
 * @param lineItems the products, quantities and prices; when present they make the amount
 * @param expectedClose the date it is expected to close, or empty
 * @param probability the chance of winning: the stage's default unless overridden
 * @param probabilityOverridden whether the probability was set by hand
 * @param category the forecast category: the stage's default unless overridden
 * @param categoryOverridden whether the category was set by hand
 * @param competitors the competitors in the deal, without duplicates
 * @param nextStep the next step agreed, or empty
 * @param quote the latest quote sent, or empty
 * @param lead the lead it was converted from, or empty
 * @param lostReason why it was lost; present exactly when lost
 * @param purchase the purchase recorded when it was won; present exactly when won
 * @param createdAt when it was opened
 * @param createdBy who opened it
 * @param updatedAt when it last changed
 * @param closedAt when it was won or lost; present exactly when closed
 * @param history every change of stage, amount, probability, category or close date, oldest first,
 *     starting with the opening
 */
public record Opportunity(OpportunityId id, String name, CustomerId customer, PipelineId pipeline,
    StageCode stage, OpportunityStatus status, EmployeeId owner, Option<TeamId> team,
    Currency currency, Option<Money> enteredAmount, Seq<LineItem> lineItems,
    Option<LocalDate> expectedClose, Percentage probability, boolean probabilityOverridden,
    ForecastCategory category, boolean categoryOverridden, Seq<String> competitors,
    Option<String> nextStep, Option<QuoteId> quote, Option<LeadId> lead,
    Option<LostReason> lostReason, Option<PurchaseId> purchase, Instant createdAt,
    ActorId createdBy, Instant updatedAt, Option<Instant> closedAt,
    Seq<StageHistoryEntry> history) implements Aggregate<OpportunityId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public Opportunity {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(customer, "customer");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(stage, "stage");
    requireNonNull(status, "status");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(currency, "currency");
    requireNonNull(enteredAmount, "enteredAmount");
    requireNonNull(lineItems, "lineItems");
    requireNonNull(expectedClose, "expectedClose");
    requireNonNull(probability, "probability");
    requireNonNull(category, "category");
    requireNonNull(competitors, "competitors");
    requireNonNull(nextStep, "nextStep");
    requireNonNull(quote, "quote");
    requireNonNull(lead, "lead");
    requireNonNull(lostReason, "lostReason");
    requireNonNull(purchase, "purchase");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(closedAt, "closedAt");
    requireNonNull(history, "history");
    lineItems.forEach(value -> requireNonNull(value, "lineItems element"));
    competitors.forEach(value -> requireNonNull(value, "competitors element"));
    history.forEach(value -> requireNonNull(value, "history element"));
  }

  /**
   * Returns the amount: the sum of the line items when there are any, otherwise the entered
   * amount, otherwise empty.
   */
  public Option<Money> amount() {
    if (lineItems.isEmpty()) {
      return enteredAmount;
    }
    return Option.of(Money.sum(currency, lineItems.map(LineItem::total)));
  }

  /** Tells whether it is closed: won or lost. */
  public boolean isClosed() {
    return status != OpportunityStatus.OPEN;
  }
}
