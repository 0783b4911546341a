package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.OpportunityLineItemsChanged.Change;
import io.rapport.crm.sales.OpportunityRejection.Reason;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

/**
 * Tracks one deal with a customer through a pipeline: its stage, owner and team, amount (the sum of
 * its line items, or entered), currency, expected close date, probability and forecast category
 * (the stage's defaults unless overridden), competitors, next step, and the full history of its
 * changes. Immutable and thread-safe.
 *
 * <p>{@link #open(OpportunityId, OpportunityDraft, Pipeline, EventStamp) open} checks outside input
 * and reports every problem at once. Every other command takes an {@link EventStamp} and answers
 * {@code Either<OpportunityRejection, Transition<Opportunity>>}: the new state with exactly one
 * {@link OpportunityEvent}, or a refusal. No command may be dated before the last change
 * ({@code opportunity.out_of_order}); a won or lost opportunity refuses everything but
 * {@link #reopen} ({@code opportunity.closed}); a command that takes the pipeline refuses another
 * pipeline than the opportunity's ({@code opportunity.pipeline_mismatch}); a command that would
 * change nothing is refused ({@code opportunity.no_change}).
 *
 * <p>Moves follow the pipeline's transitions and their guards: {@link #moveTo} between open
 * stages, {@link #win} into the won stage, {@link #lose} into a lost stage. A refused move names
 * the failing guards and the stages allowed from the current one. The probability and the forecast
 * category follow the stage unless overridden by hand; overrides survive moves between open stages
 * and are cleared when the deal closes. Every change of stage, amount, probability, category or
 * expected close date appends a {@link StageHistoryEntry} with the values after the change, so the
 * history always ends with the current values.
 *
 * @param id the opportunity's id
 * @param name a one-line name, such as "Dining set for the Li family", not blank, at most
 *     {@value #MAX_NAME} characters
 * @param customer the customer the deal is with
 * @param pipeline the pipeline it moves through
 * @param stage its current stage
 * @param status open, won or lost: the kind of its current stage
 * @param owner the employee who owns it
 * @param team the team it belongs to, or empty
 * @param currency the currency of its amount and line items
 * @param enteredAmount the amount entered by hand, not negative, in the currency; used when there
 *     are no line items
 * @param lineItems the products, quantities and prices, each priced in the currency; when present
 *     they make the amount
 * @param expectedClose the date it is expected to close, or empty
 * @param probability the chance of winning, 0 to 100 %: the stage's default unless overridden
 * @param probabilityOverridden whether the probability was set by hand
 * @param category the forecast category: the stage's default unless overridden
 * @param categoryOverridden whether the category was set by hand
 * @param competitors the competitors in the deal, without duplicates, each not blank and at most
 *     {@value #MAX_COMPETITOR} characters
 * @param nextStep the next step agreed, not blank and at most {@value #MAX_NEXT_STEP} characters,
 *     or empty
 * @param quote the latest quote sent, or empty
 * @param lead the lead it was converted from, or empty
 * @param lostReason why it was lost; present exactly when lost
 * @param purchase the purchase recorded when it was won; present exactly when won
 * @param createdAt when it was opened
 * @param createdBy who opened it
 * @param updatedAt when it last changed, not before createdAt
 * @param closedAt when it was won or lost; present exactly when closed
 * @param history every change of stage, amount, probability, category or close date, oldest first,
 *     starting with the opening at createdAt and ending with the current values
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

  /** The longest name, in characters. */
  public static final int MAX_NAME = 200;

  /** The longest competitor name, in characters. */
  public static final int MAX_COMPETITOR = 200;

  /** The longest next step, in characters. */
  public static final int MAX_NEXT_STEP = 500;

  /** The earliest time zone: a date before today there has passed everywhere on Earth. */
  private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(-12);

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken rule: {@code opportunity.name.blank},
   *     {@code opportunity.name.too_long}, {@code opportunity.amount.currency_mismatch},
   *     {@code opportunity.amount.negative}, {@code opportunity.line_item.currency_mismatch},
   *     {@code opportunity.line_item.unit_mismatch}, {@code opportunity.probability.out_of_range},
   *     {@code opportunity.competitor.blank}, {@code opportunity.competitor.too_long},
   *     {@code opportunity.competitor.duplicate}, {@code opportunity.next_step.blank},
   *     {@code opportunity.next_step.too_long}, {@code opportunity.lost_reason.mismatch},
   *     {@code opportunity.purchase.mismatch}, {@code opportunity.closed_at.mismatch},
   *     {@code opportunity.updated_at.before_creation}, {@code opportunity.closed_at.out_of_range},
   *     {@code opportunity.history.empty}, {@code opportunity.history.first_not_at_creation},
   *     {@code opportunity.history.out_of_order}, {@code opportunity.history.after_update},
   *     {@code opportunity.history.last_mismatch}
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
    team.forEach(value -> requireNonNull(value, "team"));
    enteredAmount.forEach(value -> requireNonNull(value, "enteredAmount"));
    expectedClose.forEach(value -> requireNonNull(value, "expectedClose"));
    nextStep.forEach(value -> requireNonNull(value, "nextStep"));
    quote.forEach(value -> requireNonNull(value, "quote"));
    lead.forEach(value -> requireNonNull(value, "lead"));
    lostReason.forEach(value -> requireNonNull(value, "lostReason"));
    purchase.forEach(value -> requireNonNull(value, "purchase"));
    closedAt.forEach(value -> requireNonNull(value, "closedAt"));
    lineItems.forEach(value -> requireNonNull(value, "lineItems element"));
    competitors.forEach(value -> requireNonNull(value, "competitors element"));
    history.forEach(value -> requireNonNull(value, "history element"));
    List<Violation> problems = PipelineChecks.requiredText(name, MAX_NAME, "opportunity.name",
        "name", "An opportunity's name");
    problems = problems.appendAll(valueProblems(currency, enteredAmount, lineItems, probability,
        competitors, nextStep));
    problems = problems.appendAll(lifeProblems(status, lostReason, purchase, createdAt,
        updatedAt, closedAt));
    boolean priceable = problems.forAll(v -> !v.code().startsWith("opportunity.amount.currency")
        && !v.code().startsWith("opportunity.line_item."));
    PipelineChecks.orThrow(problems.appendAll(historyProblems(history, createdAt, updatedAt,
        priceable ? new StageHistoryEntry(updatedAt, createdBy, stage,
            amountOf(currency, enteredAmount, lineItems), probability, probabilityOverridden,
            category, categoryOverridden, expectedClose) : null)));
  }

  /**
   * Returns this opportunity without free text that may name its customer, for the customer's
   * erasure: the name becomes {@link io.rapport.crm.customer.Channel#REDACTED}, the next step and
   * the line descriptions are removed. Kept for analytics and forecasts: stage, status, amounts,
   * lines, dates, probability, category, competitors, links and history. Redacting a redacted
   * opportunity answers it unchanged.
   *
   * @param at when the redaction happens; the update time moves to it unless later
   * @return the redacted opportunity, or this opportunity if it holds no such text
   * @throws NullPointerException if at is null
   */
  public Opportunity redacted(Instant at) {
    requireNonNull(at, "at");
    String plainName = io.rapport.crm.customer.Channel.REDACTED;
    Seq<LineItem> plainLines = lineItems.map(l -> l.description().isEmpty() ? l
        : new LineItem(l.product(), Option.none(), l.quantity(), l.unitPrice(), l.discount()));
    if (name.equals(plainName) && nextStep.isEmpty() && plainLines.equals(lineItems)) {
      return this;
    }
    return new Opportunity(id, plainName, customer, pipeline, stage, status, owner, team, currency,
        enteredAmount, plainLines, expectedClose, probability, probabilityOverridden, category,
        categoryOverridden, competitors, Option.none(), quote, lead, lostReason, purchase,
        createdAt, createdBy, at.isAfter(updatedAt) ? at : updatedAt, closedAt, history);
  }

  /**
   * Opens an opportunity from outside input, checking every part at once against the pipeline.
   * It starts in the draft's stage or else the pipeline's first open stage, with the stage's
   * probability and forecast category unless the draft overrides them (then flagged overridden).
   * Opening directly in a later stage requires the guards of every transition into that stage, as
   * if it had moved there; they are checked once the rest of the draft is valid. The first history
   * entry is at the stamp's time.
   *
   * <p>Violations (field in brackets): {@code opportunity.name.blank},
   * {@code opportunity.name.too_long} (name), {@code opportunity.customer.missing} (customer),
   * {@code opportunity.owner.missing} (owner), {@code opportunity.currency.missing},
   * {@code money.currency.unknown}, {@code money.currency.no_minor_unit} (currency),
   * {@code opportunity.amount.currency_mismatch}, {@code opportunity.amount.negative} (amount),
   * {@code opportunity.line_item.currency_mismatch} ({@code lineItems[i].unitPrice}),
   * {@code opportunity.line_item.unit_mismatch} ({@code lineItems[i].quantity}),
   * {@code opportunity.expected_close.past} (expectedClose: a date already over everywhere on
   * Earth), {@code opportunity.probability.out_of_range} (probability),
   * {@code opportunity.category.closed_not_allowed} (category),
   * {@code opportunity.competitor.blank}, {@code opportunity.competitor.too_long},
   * {@code opportunity.competitor.duplicate} ({@code competitors[i]}),
   * {@code opportunity.next_step.too_long} (nextStep), {@code opportunity.pipeline.inactive}
   * (pipeline), {@code stage.code.malformed}, {@code opportunity.stage.unknown},
   * {@code opportunity.stage.not_open}, {@code opportunity.stage.guard_failed} (stage).
   *
   * @param id the new opportunity's id
   * @param draft what the caller asks for
   * @param pipeline the pipeline it moves through
   * @param stamp the event's id, the time of opening and who opens it
   * @return the opportunity with an {@link OpportunityOpened} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Opportunity>> open(OpportunityId id,
      OpportunityDraft draft, Pipeline pipeline, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(stamp, "stamp");
    String name = strip(draft.name);
    List<Violation> problems = PipelineChecks.requiredText(name, MAX_NAME, "opportunity.name",
        "name", "An opportunity's name");
    if (draft.customer == null) {
      problems = problems.append(Violation.of("opportunity.customer.missing", "customer",
          "An opportunity needs a customer"));
    }
    if (draft.owner == null) {
      problems = problems.append(Violation.of("opportunity.owner.missing", "owner",
          "An opportunity needs an owner"));
    }
    Currency currency = draft.currency;
    if (currency == null && draft.currencyCode == null) {
      problems = problems.append(Violation.of("opportunity.currency.missing", "currency",
          "An opportunity needs a currency"));
    } else if (currency == null) {
      Validation<Seq<Violation>, Money> zero = Money.validated("0", draft.currencyCode);
      if (zero.isInvalid()) {
        problems = problems.appendAll(zero.getError()
            .map(v -> Violation.of(v.code(), "currency", v.message())));
      } else {
        currency = zero.get().currency();
      }
    } else if (currency.getDefaultFractionDigits() < 0) {
      problems = problems.append(Violation.of("money.currency.no_minor_unit", "currency",
          currency.getCurrencyCode() + " has no minor unit and cannot be used for money"));
      currency = null;
    }
    if (draft.amount != null) {
      if (currency != null && !draft.amount.currency().equals(currency)) {
        problems = problems.append(amountCurrency("amount", draft.amount, currency));
      } else if (draft.amount.isNegative()) {
        problems = problems.append(Violation.of("opportunity.amount.negative", "amount",
            "An amount is not negative, but got " + draft.amount));
      }
    }
    for (int i = 0; i < draft.lineItems.size(); i++) {
      problems = problems.appendAll(lineProblems(draft.lineItems.get(i), currency,
          "lineItems[" + i + "]"));
    }
    if (draft.expectedClose != null && isPast(draft.expectedClose, stamp.at())) {
      problems = problems.append(pastClose(draft.expectedClose));
    }
    if (draft.probability != null && !PipelineChecks.isProbability(draft.probability)) {
      problems = problems.append(Violation.of("opportunity.probability.out_of_range",
          "probability", "A probability lies between 0 and 100 %, but got " + draft.probability));
    }
    if (draft.category == ForecastCategory.CLOSED) {
      problems = problems.append(Violation.of("opportunity.category.closed_not_allowed",
          "category", "An open deal cannot be in the forecast category CLOSED; win it instead"));
    }
    Vector<String> competitors = Vector.ofAll(draft.competitors).map(Opportunity::strip);
    problems = problems.appendAll(competitorProblems(competitors));
    String nextStep = strip(draft.nextStep);
    if (nextStep != null && nextStep.isEmpty()) {
      nextStep = null;
    }
    if (nextStep != null) {
      problems = problems.appendAll(PipelineChecks.requiredText(nextStep, MAX_NEXT_STEP,
          "opportunity.next_step", "nextStep", "A next step"));
    }
    if (!pipeline.active()) {
      problems = problems.append(Violation.of("opportunity.pipeline.inactive", "pipeline",
          "The pipeline " + pipeline.id()
              + " is inactive: no new opportunity may be opened in it"));
    }
    Stage start = pipeline.firstOpenStage();
    if (draft.stage != null) {
      Validation<Seq<Violation>, StageCode> code = StageCode.validated(draft.stage, "stage");
      Option<Stage> found = code.toOption().flatMap(pipeline::stage);
      if (code.isInvalid()) {
        problems = problems.appendAll(code.getError());
      } else if (found.isEmpty()) {
        problems = problems.append(Violation.of("opportunity.stage.unknown", "stage",
            "The pipeline " + pipeline.id() + " has no stage " + PipelineChecks.quote(code.get())));
      } else if (!found.get().isOpen()) {
        problems = problems.append(Violation.of("opportunity.stage.not_open", "stage",
            "An opportunity opens in an open stage, not in " + found.get().name()));
      } else {
        start = found.get();
      }
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    Percentage probability = draft.probability == null ? start.probability() : draft.probability;
    ForecastCategory category = draft.category == null ? start.category() : draft.category;
    Vector<LineItem> lines = Vector.ofAll(draft.lineItems);
    Option<Money> entered = Option.of(draft.amount);
    Option<LocalDate> close = Option.of(draft.expectedClose);
    Opportunity opened;
    try {
      opened = new Opportunity(id, name, draft.customer, pipeline.id(), start.code(),
          OpportunityStatus.OPEN, draft.owner, Option.of(draft.team), currency, entered, lines,
          close, probability, draft.probability != null, category, draft.category != null,
          competitors, Option.of(nextStep), Option.of(draft.quote), Option.of(draft.lead),
          Option.none(), Option.none(), stamp.at(), stamp.by(), stamp.at(), Option.none(),
          Vector.of(new StageHistoryEntry(stamp.at(), stamp.by(), start.code(),
              amountOf(currency, entered, lines), probability, draft.probability != null,
              category, draft.category != null, close)));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
    if (!start.equals(pipeline.firstOpenStage())) {
      Stage startStage = start;
      Seq<StageGuard.Failure> failing = opened.failures(pipeline.guardsInto(start.code()), start);
      if (!failing.isEmpty()) {
        return Validation.invalid(failing.map(failure -> Violation.of(
            "opportunity.stage.guard_failed", "stage", "To open in " + startStage.name() + ", "
                + failure.message() + " [" + failure.code() + "]")).toList());
      }
    }
    return Validation.valid(Transition.of(opened, new OpportunityOpened(stamp, id, draft.customer,
        pipeline.id(), start.code(), draft.owner, opened.lead())));
  }

  // ---- queries ----

  /**
   * Returns the amount: the sum of the line items when there are any, otherwise the entered
   * amount, otherwise empty.
   */
  public Option<Money> amount() {
    return amountOf(currency, enteredAmount, lineItems);
  }

  /** Tells whether it is closed: won or lost. */
  public boolean isClosed() {
    return status != OpportunityStatus.OPEN;
  }

  /**
   * Returns what the customer's timeline shows of this deal: its opening
   * ({@code opportunity.opened}) and, once closed, its close ({@code opportunity.won} or
   * {@code opportunity.lost}), each with its owner, each titled with
   * the deal's name and amount.
   */
  public Seq<io.rapport.crm.customer.TimelineEntry> timelineEntries() {
    io.rapport.crm.kernel.RecordRef source = io.rapport.crm.kernel.RecordRef.to(id);
    String amountText = amount().map(value -> ", " + value).getOrElse("");
    io.rapport.crm.customer.TimelineEntry opened = new io.rapport.crm.customer.TimelineEntry(
        createdAt, source, "opportunity.opened", clipped("Opportunity opened: " + name),
        Option.of(owner));
    if (closedAt.isEmpty()) {
      return io.vavr.collection.List.of(opened);
    }
    String verb = status == OpportunityStatus.WON ? "won" : "lost";
    String why = lostReason.map(reason -> " (" + reason.label() + ")").getOrElse("");
    return io.vavr.collection.List.of(opened, new io.rapport.crm.customer.TimelineEntry(
        closedAt.get(), source, "opportunity." + verb,
        clipped("Opportunity " + verb + ": " + name + amountText + why), Option.of(owner)));
  }

  private static String clipped(String title) {
    int max = io.rapport.crm.customer.TimelineEntry.MAX_TITLE_LENGTH;
    return title.length() <= max ? title : title.substring(0, max - 1) + "…";
  }

  /**
   * Returns the stages this opportunity may move to from its stage, each with the guards that do
   * not hold now: what a screen offers. An opportunity whose stage is no longer part of the
   * pipeline (after a reconfiguration) may move to any stage, under the guards of every transition
   * into it. Winning needs line items besides (see {@link #win}).
   *
   * @param definition the opportunity's pipeline
   * @return the next stages; none when closed or when the pipeline is another
   * @throws NullPointerException if definition is null
   */
  public Seq<OpportunityNextStage> nextStages(Pipeline definition) {
    requireNonNull(definition, "definition");
    if (isClosed() || !definition.id().equals(pipeline)) {
      return Vector.empty();
    }
    Vector<OpportunityNextStage> next = Vector.empty();
    if (definition.stage(stage).isDefined()) {
      for (StageTransition transition : definition.transitions()) {
        if (transition.from().equals(stage)) {
          Stage target = definition.stage(transition.to()).get();
          next = next.append(new OpportunityNextStage(target.code(), target.name(),
              target.kind(), failures(transition.guards(), target)));
        }
      }
    } else {
      for (Stage target : definition.stages()) {
        next = next.append(new OpportunityNextStage(target.code(), target.name(), target.kind(),
            failures(definition.guardsInto(target.code()), target)));
      }
    }
    return next;
  }

  // ---- moves ----

  /**
   * Moves the opportunity to another open stage, along a transition of the pipeline whose guards
   * all hold. The probability and category take the new stage's defaults unless overridden.
   *
   * @param target the open stage to move to
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityStageChanged}, or {@code opportunity.closed},
   *     {@code opportunity.pipeline_mismatch}, {@code opportunity.out_of_order},
   *     {@code opportunity.stage.unknown}, {@code opportunity.no_change} (already there),
   *     {@code opportunity.stage.not_open} (won or lost: use {@link #win} or {@link #lose}),
   *     {@code opportunity.transition.not_allowed}, {@code opportunity.guards.failed}; a refused
   *     move names the failing guards and the allowed next stages
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> moveTo(StageCode target,
      Pipeline definition, EventStamp stamp) {
    requireNonNull(target, "target");
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(definition, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    Option<Stage> found = definition.stage(target);
    if (found.isEmpty()) {
      return refuseMove(Reason.STAGE_UNKNOWN, "The pipeline " + pipeline + " has no stage "
          + PipelineChecks.quote(target), List.empty(), definition);
    }
    Stage to = found.get();
    if (target.equals(stage)) {
      return refuseMove(Reason.NO_CHANGE, "The opportunity " + id + " is already in "
          + to.name(), List.empty(), definition);
    }
    if (!to.isOpen()) {
      return refuseMove(Reason.STAGE_NOT_OPEN, to.name() + " is a " + to.kind()
          + " stage: close the deal with win or lose", List.empty(), definition);
    }
    Option<Seq<StageGuard>> guards = guardsTo(definition, target);
    if (guards.isEmpty()) {
      return refuseMove(Reason.TRANSITION_NOT_ALLOWED, "The pipeline does not allow a move from "
          + stage + " to " + target, List.empty(), definition);
    }
    Seq<StageGuard.Failure> failing = failures(guards.get(), to);
    if (!failing.isEmpty()) {
      return refuseMove(Reason.GUARDS_FAILED, "Cannot move " + id + " from " + stage + " to "
          + to.name(), failing, definition);
    }
    Edit next = new Edit(this);
    next.stage = target;
    next.probability = probabilityOverridden ? probability : to.probability();
    next.category = categoryOverridden ? category : to.category();
    return accept(next.build(stamp), new OpportunityStageChanged(stamp, id, stage, target));
  }

  /**
   * Wins the opportunity: moves it into the pipeline's won stage along a transition whose guards
   * hold, records the purchase's id (the host records the purchase itself from the line items),
   * the close time, probability 100 % and category CLOSED; overrides are cleared.
   *
   * @param purchaseId the id of the purchase that records what was bought
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityWon}, or {@code opportunity.closed},
   *     {@code opportunity.pipeline_mismatch}, {@code opportunity.out_of_order},
   *     {@code opportunity.transition.not_allowed}, {@code opportunity.guards.failed},
   *     {@code opportunity.win.line_items_required}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> win(PurchaseId purchaseId,
      Pipeline definition, EventStamp stamp) {
    requireNonNull(purchaseId, "purchaseId");
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(definition, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    Stage won = definition.wonStage();
    Option<Seq<StageGuard>> guards = guardsTo(definition, won.code());
    if (guards.isEmpty()) {
      return refuseMove(Reason.TRANSITION_NOT_ALLOWED, "The pipeline does not allow winning from "
          + stage, List.empty(), definition);
    }
    Seq<StageGuard.Failure> failing = failures(guards.get(), won);
    if (!failing.isEmpty()) {
      return refuseMove(Reason.GUARDS_FAILED, "Cannot win " + id + " from " + stage, failing,
          definition);
    }
    if (lineItems.isEmpty()) {
      return refuseMove(Reason.WIN_LINE_ITEMS_REQUIRED, "Cannot win " + id + " without line"
          + " items: the purchase records what was bought", List.empty(), definition);
    }
    Edit next = closing(won);
    next.status = OpportunityStatus.WON;
    next.purchase = Option.some(purchaseId);
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityWon(stamp, id, stage, won.code(), purchaseId,
        state.amount().get()));
  }

  /**
   * Loses the opportunity into the pipeline's first lost stage; see
   * {@link #lose(StageCode, String, Pipeline, EventStamp)}.
   *
   * @param reasonCode the code of one of the pipeline's lost reasons
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityLost}, or a refusal as for the full form
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> lose(String reasonCode,
      Pipeline definition, EventStamp stamp) {
    requireNonNull(definition, "definition");
    return lose(definition.lostStages().head().code(), reasonCode, definition, stamp);
  }

  /**
   * Loses the opportunity: moves it into a lost stage along a transition whose guards hold, with
   * one of the pipeline's lost reasons; records the close time, probability 0 % and category
   * OMITTED; overrides are cleared.
   *
   * @param lostStage the lost stage to enter
   * @param reasonCode the code of one of the pipeline's lost reasons
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityLost}, or {@code opportunity.closed},
   *     {@code opportunity.pipeline_mismatch}, {@code opportunity.out_of_order},
   *     {@code opportunity.stage.unknown}, {@code opportunity.stage.not_lost},
   *     {@code opportunity.lost_reason.unknown} (naming the allowed codes),
   *     {@code opportunity.transition.not_allowed}, {@code opportunity.guards.failed}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> lose(StageCode lostStage,
      String reasonCode, Pipeline definition, EventStamp stamp) {
    requireNonNull(lostStage, "lostStage");
    requireNonNull(reasonCode, "reasonCode");
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(definition, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    Option<Stage> found = definition.stage(lostStage);
    if (found.isEmpty()) {
      return refuseMove(Reason.STAGE_UNKNOWN, "The pipeline " + pipeline + " has no stage "
          + PipelineChecks.quote(lostStage), List.empty(), definition);
    }
    Stage lost = found.get();
    if (lost.kind() != StageKind.LOST) {
      return refuseMove(Reason.STAGE_NOT_LOST, lost.name() + " is not a lost stage",
          List.empty(), definition);
    }
    Option<LostReason> reason = definition.lostReason(reasonCode);
    if (reason.isEmpty()) {
      return Either.left(OpportunityRejection.of(Reason.LOST_REASON_UNKNOWN, id, stage,
          PipelineChecks.quote(reasonCode) + " is not a lost reason of the pipeline " + pipeline
              + "; use one of " + definition.lostReasons().map(LostReason::code).mkString(", ")));
    }
    Option<Seq<StageGuard>> guards = guardsTo(definition, lostStage);
    if (guards.isEmpty()) {
      return refuseMove(Reason.TRANSITION_NOT_ALLOWED, "The pipeline does not allow a move from "
          + stage + " to " + lostStage, List.empty(), definition);
    }
    Seq<StageGuard.Failure> failing = failures(guards.get(), lost);
    if (!failing.isEmpty()) {
      return refuseMove(Reason.GUARDS_FAILED, "Cannot lose " + id + " into " + lost.name(),
          failing, definition);
    }
    Edit next = closing(lost);
    next.status = OpportunityStatus.LOST;
    next.lostReason = reason;
    return accept(next.build(stamp), new OpportunityLost(stamp, id, stage, lostStage,
        reasonCode));
  }

  /**
   * Reopens a won or lost opportunity by the pipeline's reopen rule for its kind, within the
   * rule's window after closing: it enters the rule's open stage with that stage's probability and
   * category, and its lost reason, purchase and close time are cleared. The event carries the
   * previous purchase so the host can void it.
   *
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityReopened}, or {@code opportunity.not_closed},
   *     {@code opportunity.pipeline_mismatch}, {@code opportunity.out_of_order},
   *     {@code opportunity.reopen.not_allowed}, {@code opportunity.reopen.window_passed}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> reopen(Pipeline definition,
      EventStamp stamp) {
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    if (!isClosed()) {
      return refuse(Reason.NOT_CLOSED, "Only a won or lost opportunity can be reopened; " + id
          + " is open");
    }
    OpportunityRejection refusal = refusal(definition, stamp, true);
    if (refusal != null) {
      return Either.left(refusal);
    }
    StageKind kind = status == OpportunityStatus.WON ? StageKind.WON : StageKind.LOST;
    Option<ReopenRule> rule = definition.reopenRule(kind);
    if (rule.isEmpty()) {
      return refuse(Reason.REOPEN_NOT_ALLOWED, "The pipeline " + pipeline + " does not reopen "
          + kind + " deals");
    }
    if (!rule.get().allows(closedAt.get(), stamp.at())) {
      return refuse(Reason.REOPEN_WINDOW_PASSED, kind + " deals may be reopened within "
          + rule.get().within().get() + " of closing; " + id + " closed at " + closedAt.get());
    }
    Stage to = definition.stage(rule.get().to()).get();
    Edit next = new Edit(this);
    next.stage = to.code();
    next.status = OpportunityStatus.OPEN;
    next.lostReason = Option.none();
    next.purchase = Option.none();
    next.closedAt = Option.none();
    next.probability = to.probability();
    next.probabilityOverridden = false;
    next.category = to.category();
    next.categoryOverridden = false;
    return accept(next.build(stamp), new OpportunityReopened(stamp, id, stage, to.code(),
        purchase));
  }

  // ---- amount and line items ----

  /**
   * Enters the amount by hand; it is the amount while there are no line items.
   *
   * @param amount the amount, in the opportunity's currency, not negative
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityAmountChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.amount.currency_mismatch},
   *     {@code opportunity.amount.negative}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> enterAmount(Money amount,
      EventStamp stamp) {
    requireNonNull(amount, "amount");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!amount.currency().equals(currency)) {
      return refuse(Reason.AMOUNT_CURRENCY_MISMATCH, amountCurrency("amount", amount, currency)
          .message());
    }
    if (amount.isNegative()) {
      return refuse(Reason.AMOUNT_NEGATIVE, "An amount is not negative, but got " + amount);
    }
    if (enteredAmount.contains(amount)) {
      return refuse(Reason.NO_CHANGE, "The entered amount is already " + amount);
    }
    Edit next = new Edit(this);
    next.enteredAmount = Option.some(amount);
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityAmountChanged(stamp, id, state.enteredAmount(),
        state.amount()));
  }

  /**
   * Clears the amount entered by hand.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityAmountChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change}
   * @throws NullPointerException if stamp is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> clearAmount(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (enteredAmount.isEmpty()) {
      return refuse(Reason.NO_CHANGE, "No amount was entered");
    }
    Edit next = new Edit(this);
    next.enteredAmount = Option.none();
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityAmountChanged(stamp, id, Option.none(), state.amount()));
  }

  /**
   * Appends a line item; the lines' totals make the amount.
   *
   * @param line the line, priced in the opportunity's currency
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityLineItemsChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.line_item.currency_mismatch},
   *     {@code opportunity.line_item.unit_mismatch}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> addLineItem(LineItem line,
      EventStamp stamp) {
    requireNonNull(line, "line");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = lineRefusal(line, stamp);
    if (refusal != null) {
      return Either.left(refusal);
    }
    Edit next = new Edit(this);
    next.lineItems = vector(lineItems).append(line);
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityLineItemsChanged(stamp, id, Change.ADDED,
        lineItems.size(), state.amount()));
  }

  /**
   * Replaces the line item at an index.
   *
   * @param index the line's position, from 0
   * @param line the new line, priced in the opportunity's currency
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityLineItemsChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.line_item.no_such_index},
   *     {@code opportunity.line_item.currency_mismatch},
   *     {@code opportunity.line_item.unit_mismatch}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> replaceLineItem(int index,
      LineItem line, EventStamp stamp) {
    requireNonNull(line, "line");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = lineRefusal(line, stamp);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (index < 0 || index >= lineItems.size()) {
      return refuse(Reason.LINE_ITEM_NO_SUCH_INDEX, noSuchIndex(index));
    }
    if (lineItems.get(index).equals(line)) {
      return refuse(Reason.NO_CHANGE, "The line at " + index + " is already that line");
    }
    Edit next = new Edit(this);
    next.lineItems = vector(lineItems).update(index, line);
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityLineItemsChanged(stamp, id, Change.REPLACED, index,
        state.amount()));
  }

  /**
   * Removes the line item at an index; without lines, the entered amount (if any) is the amount.
   *
   * @param index the line's position, from 0
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityLineItemsChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.line_item.no_such_index}
   * @throws NullPointerException if stamp is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> removeLineItem(int index,
      EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (index < 0 || index >= lineItems.size()) {
      return refuse(Reason.LINE_ITEM_NO_SUCH_INDEX, noSuchIndex(index));
    }
    Edit next = new Edit(this);
    next.lineItems = vector(lineItems).removeAt(index);
    Opportunity state = next.build(stamp);
    return accept(state, new OpportunityLineItemsChanged(stamp, id, Change.REMOVED, index,
        state.amount()));
  }

  // ---- close date, probability, category ----

  /**
   * Changes the expected close date.
   *
   * @param date the new date; not one already over everywhere on Earth
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCloseDateChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.expected_close.past},
   *     {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> changeExpectedClose(LocalDate date,
      EventStamp stamp) {
    requireNonNull(date, "date");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (isPast(date, stamp.at())) {
      return refuse(Reason.EXPECTED_CLOSE_PAST, pastClose(date).message());
    }
    if (expectedClose.contains(date)) {
      return refuse(Reason.NO_CHANGE, "The expected close date is already " + date);
    }
    return closeDate(Option.some(date), stamp);
  }

  /**
   * Clears the expected close date.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCloseDateChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change}
   * @throws NullPointerException if stamp is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> clearExpectedClose(
      EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (expectedClose.isEmpty()) {
      return refuse(Reason.NO_CHANGE, "No expected close date is set");
    }
    return closeDate(Option.none(), stamp);
  }

  /**
   * Sets the probability by hand, independently of the stage, flagged as overridden.
   *
   * @param value the probability, 0 to 100 %
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityProbabilityOverridden}, or
   *     {@code opportunity.closed}, {@code opportunity.out_of_order},
   *     {@code opportunity.probability.out_of_range}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> overrideProbability(
      Percentage value, EventStamp stamp) {
    requireNonNull(value, "value");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!PipelineChecks.isProbability(value)) {
      return refuse(Reason.PROBABILITY_OUT_OF_RANGE,
          "A probability lies between 0 and 100 %, but got " + value);
    }
    if (probabilityOverridden && probability.equals(value)) {
      return refuse(Reason.NO_CHANGE, "The probability is already set to " + value);
    }
    Edit next = new Edit(this);
    next.probability = value;
    next.probabilityOverridden = true;
    return accept(next.build(stamp), new OpportunityProbabilityOverridden(stamp, id,
        Option.some(value), value));
  }

  /**
   * Gives the probability back to the stage: it takes the current stage's default.
   *
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityProbabilityOverridden} (without override), or
   *     {@code opportunity.closed}, {@code opportunity.pipeline_mismatch},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change} (not overridden),
   *     {@code opportunity.stage.unknown} (the stage was removed from the pipeline)
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> clearProbabilityOverride(
      Pipeline definition, EventStamp stamp) {
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(definition, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!probabilityOverridden) {
      return refuse(Reason.NO_CHANGE, "The probability is not overridden");
    }
    return currentStage(definition).flatMap(current -> {
      Edit next = new Edit(this);
      next.probability = current.probability();
      next.probabilityOverridden = false;
      return accept(next.build(stamp), new OpportunityProbabilityOverridden(stamp, id,
          Option.none(), next.probability));
    });
  }

  /**
   * Sets the forecast category by hand, independently of the stage, flagged as overridden.
   *
   * @param value the category; not {@link ForecastCategory#CLOSED}, which only winning gives
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCategoryOverridden}, or
   *     {@code opportunity.closed}, {@code opportunity.out_of_order},
   *     {@code opportunity.category.closed_not_allowed}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> overrideCategory(
      ForecastCategory value, EventStamp stamp) {
    requireNonNull(value, "value");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (value == ForecastCategory.CLOSED) {
      return refuse(Reason.CATEGORY_CLOSED,
          "An open deal cannot be in the forecast category CLOSED; win it instead");
    }
    if (categoryOverridden && category == value) {
      return refuse(Reason.NO_CHANGE, "The category is already set to " + value);
    }
    Edit next = new Edit(this);
    next.category = value;
    next.categoryOverridden = true;
    return accept(next.build(stamp), new OpportunityCategoryOverridden(stamp, id,
        Option.some(value), value));
  }

  /**
   * Gives the forecast category back to the stage: it takes the current stage's default.
   *
   * @param definition the opportunity's pipeline
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCategoryOverridden} (without override), or
   *     {@code opportunity.closed}, {@code opportunity.pipeline_mismatch},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change} (not overridden),
   *     {@code opportunity.stage.unknown} (the stage was removed from the pipeline)
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> clearCategoryOverride(
      Pipeline definition, EventStamp stamp) {
    requireNonNull(definition, "definition");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(definition, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (!categoryOverridden) {
      return refuse(Reason.NO_CHANGE, "The category is not overridden");
    }
    return currentStage(definition).flatMap(current -> {
      Edit next = new Edit(this);
      next.category = current.category();
      next.categoryOverridden = false;
      return accept(next.build(stamp), new OpportunityCategoryOverridden(stamp, id,
          Option.none(), next.category));
    });
  }

  // ---- competitors, next step, quote, owner, name ----

  /**
   * Names a competitor in the deal.
   *
   * @param competitor the competitor's name, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCompetitorsChanged}, or
   *     {@code opportunity.closed}, {@code opportunity.out_of_order},
   *     {@code opportunity.competitor.blank}, {@code opportunity.competitor.too_long},
   *     {@code opportunity.competitor.duplicate}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> addCompetitor(String competitor,
      EventStamp stamp) {
    requireNonNull(competitor, "competitor");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    String text = competitor.strip();
    if (text.isEmpty()) {
      return refuse(Reason.COMPETITOR_BLANK, "A competitor must not be blank");
    }
    if (text.length() > MAX_COMPETITOR) {
      return refuse(Reason.COMPETITOR_TOO_LONG, "A competitor has at most " + MAX_COMPETITOR
          + " characters, but got " + text.length());
    }
    if (competitors.contains(text)) {
      return refuse(Reason.COMPETITOR_DUPLICATE, PipelineChecks.quote(text)
          + " is already named as a competitor");
    }
    Edit next = new Edit(this);
    next.competitors = vector(competitors).append(text);
    return accept(next.build(stamp), new OpportunityCompetitorsChanged(stamp, id, text, true));
  }

  /**
   * Removes a competitor from the deal.
   *
   * @param competitor the competitor's name, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityCompetitorsChanged}, or
   *     {@code opportunity.closed}, {@code opportunity.out_of_order},
   *     {@code opportunity.competitor.unknown}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> removeCompetitor(
      String competitor, EventStamp stamp) {
    requireNonNull(competitor, "competitor");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    String text = competitor.strip();
    if (!competitors.contains(text)) {
      return refuse(Reason.COMPETITOR_UNKNOWN, PipelineChecks.quote(text)
          + " is not named as a competitor");
    }
    Edit next = new Edit(this);
    next.competitors = vector(competitors).remove(text);
    return accept(next.build(stamp), new OpportunityCompetitorsChanged(stamp, id, text, false));
  }

  /**
   * Sets the next step agreed.
   *
   * @param text the next step, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityNextStepChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.next_step.blank},
   *     {@code opportunity.next_step.too_long}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> setNextStep(String text,
      EventStamp stamp) {
    requireNonNull(text, "text");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    String step = text.strip();
    if (step.isEmpty()) {
      return refuse(Reason.NEXT_STEP_BLANK, "A next step must not be blank; clear it instead");
    }
    if (step.length() > MAX_NEXT_STEP) {
      return refuse(Reason.NEXT_STEP_TOO_LONG, "A next step has at most " + MAX_NEXT_STEP
          + " characters, but got " + step.length());
    }
    if (nextStep.contains(step)) {
      return refuse(Reason.NO_CHANGE, "The next step is already that");
    }
    Edit next = new Edit(this);
    next.nextStep = Option.some(step);
    return accept(next.build(stamp), new OpportunityNextStepChanged(stamp, id, true));
  }

  /**
   * Clears the next step.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityNextStepChanged}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change}
   * @throws NullPointerException if stamp is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> clearNextStep(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (nextStep.isEmpty()) {
      return refuse(Reason.NO_CHANGE, "No next step is set");
    }
    Edit next = new Edit(this);
    next.nextStep = Option.none();
    return accept(next.build(stamp), new OpportunityNextStepChanged(stamp, id, false));
  }

  /**
   * Attaches the latest quote sent to the customer.
   *
   * @param quoteId the quote
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityQuoteAttached}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> attachQuote(QuoteId quoteId,
      EventStamp stamp) {
    requireNonNull(quoteId, "quoteId");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (quote.contains(quoteId)) {
      return refuse(Reason.NO_CHANGE, "The quote " + quoteId + " is already attached");
    }
    Edit next = new Edit(this);
    next.quote = Option.some(quoteId);
    return accept(next.build(stamp), new OpportunityQuoteAttached(stamp, id, quoteId, quote));
  }

  /**
   * Gives the opportunity another owner or team.
   *
   * @param newOwner the owner
   * @param newTeam the team, or empty
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityReassigned}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument or the team is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> reassign(EmployeeId newOwner,
      Option<TeamId> newTeam, EventStamp stamp) {
    requireNonNull(newOwner, "newOwner");
    requireNonNull(newTeam, "newTeam");
    requireNonNull(stamp, "stamp");
    newTeam.forEach(value -> requireNonNull(value, "newTeam"));
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newOwner.equals(owner) && newTeam.equals(team)) {
      return refuse(Reason.NO_CHANGE, "The opportunity already has that owner and team");
    }
    Edit next = new Edit(this);
    next.owner = newOwner;
    next.team = newTeam;
    return accept(next.build(stamp), new OpportunityReassigned(stamp, id, newOwner, newTeam,
        owner));
  }

  /**
   * Renames the opportunity.
   *
   * @param newName the name, stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityRenamed}, or {@code opportunity.closed},
   *     {@code opportunity.out_of_order}, {@code opportunity.name.blank},
   *     {@code opportunity.name.too_long}, {@code opportunity.no_change}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> rename(String newName,
      EventStamp stamp) {
    requireNonNull(newName, "newName");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return Either.left(refusal);
    }
    String text = newName.strip();
    if (text.isEmpty()) {
      return refuse(Reason.NAME_BLANK, "An opportunity's name must not be blank");
    }
    if (text.length() > MAX_NAME) {
      return refuse(Reason.NAME_TOO_LONG, "An opportunity's name has at most " + MAX_NAME
          + " characters, but got " + text.length());
    }
    if (text.equals(name)) {
      return refuse(Reason.NO_CHANGE, "The opportunity already has that name");
    }
    Edit next = new Edit(this);
    next.name = text;
    return accept(next.build(stamp), new OpportunityRenamed(stamp, id));
  }

  /**
   * Moves the opportunity to another customer, keeping everything else: for the survivor when two
   * customers merge, and back when the merge is undone. Closed opportunities move too, so a
   * customer's history follows them; the stage history is unchanged (the customer is not one of
   * its values).
   *
   * @param newCustomer the customer the deal is with from now on
   * @param stamp the event's id, time and actor
   * @return the new state with {@link OpportunityTransferred}, or {@code opportunity.no_change},
   *     {@code opportunity.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<OpportunityRejection, Transition<Opportunity>> transferTo(CustomerId newCustomer,
      EventStamp stamp) {
    requireNonNull(newCustomer, "newCustomer");
    requireNonNull(stamp, "stamp");
    OpportunityRejection refusal = refusal(null, stamp, true);
    if (refusal != null) {
      return Either.left(refusal);
    }
    if (newCustomer.equals(customer)) {
      return refuse(Reason.NO_CHANGE, "The opportunity is already with " + customer);
    }
    Edit next = new Edit(this);
    next.customer = newCustomer;
    return accept(next.build(stamp),
        new OpportunityTransferred(stamp, id, newCustomer, customer));
  }

  // ---- helpers ----

  /** Returns the current stage in the pipeline, or the refusal when it was removed from it. */
  private Either<OpportunityRejection, Stage> currentStage(Pipeline definition) {
    Option<Stage> current = definition.stage(stage);
    if (current.isEmpty()) {
      return Either.left(OpportunityRejection.of(Reason.STAGE_UNKNOWN, id, stage, "The pipeline "
          + pipeline + " no longer has the stage " + PipelineChecks.quote(stage)
          + "; move the opportunity first"));
    }
    return Either.right(current.get());
  }

  private Either<OpportunityRejection, Transition<Opportunity>> closeDate(Option<LocalDate> date,
      EventStamp stamp) {
    Edit next = new Edit(this);
    next.expectedClose = date;
    return accept(next.build(stamp), new OpportunityCloseDateChanged(stamp, id, expectedClose,
        date));
  }

  /** Returns the edit of a close into a won or lost stage: its defaults, overrides cleared. */
  private Edit closing(Stage closed) {
    Edit next = new Edit(this);
    next.stage = closed.code();
    next.closedAt = null;
    next.probability = closed.probability();
    next.probabilityOverridden = false;
    next.category = closed.category();
    next.categoryOverridden = false;
    return next;
  }

  /**
   * Returns the guards of the move from the current stage to a target: the transition's, or when
   * the current stage is no longer part of the pipeline, those of every transition into the
   * target; empty when the pipeline has no such transition.
   */
  private Option<Seq<StageGuard>> guardsTo(Pipeline definition, StageCode target) {
    if (definition.stage(stage).isEmpty()) {
      return Option.some(definition.guardsInto(target));
    }
    return definition.transition(stage, target).map(StageTransition::guards);
  }

  /** Checks guards against this opportunity entering a stage; returns those that fail. */
  Seq<StageGuard.Failure> failures(Seq<StageGuard> guards, Stage target) {
    Vector<StageGuard.Failure> failing = Vector.empty();
    for (StageGuard guard : guards) {
      Option<StageGuard.Failure> failure = guard.check(this, target);
      if (failure.isDefined()) {
        failing = failing.append(failure.get());
      }
    }
    return failing;
  }

  /** Returns the refusal every command shares, or null when none applies. */
  private OpportunityRejection refusal(Pipeline definition, EventStamp stamp,
      boolean closedAllowed) {
    if (!closedAllowed && isClosed()) {
      return OpportunityRejection.of(Reason.CLOSED, id, stage, "The opportunity " + id + " is "
          + status + "; reopen it first");
    }
    if (definition != null && !definition.id().equals(pipeline)) {
      return OpportunityRejection.of(Reason.PIPELINE_MISMATCH, id, stage, "The opportunity " + id
          + " moves through the pipeline " + pipeline + ", not " + definition.id());
    }
    if (stamp.at().isBefore(updatedAt)) {
      return OpportunityRejection.of(Reason.OUT_OF_ORDER, id, stage, "A command on " + id
          + " cannot be dated before its last change, at " + updatedAt);
    }
    return null;
  }

  private OpportunityRejection lineRefusal(LineItem line, EventStamp stamp) {
    OpportunityRejection refusal = refusal(null, stamp, false);
    if (refusal != null) {
      return refusal;
    }
    if (!line.unitPrice().currency().equals(currency)) {
      return OpportunityRejection.of(Reason.LINE_ITEM_CURRENCY_MISMATCH, id, stage,
          "A line is priced in the opportunity's currency " + currency.getCurrencyCode()
              + ", not " + line.unitPrice().currency().getCurrencyCode());
    }
    if (!line.isPriceable()) {
      return OpportunityRejection.of(Reason.LINE_ITEM_UNIT_MISMATCH, id, stage, unitMismatch(line));
    }
    return null;
  }

  private String noSuchIndex(int index) {
    return "The opportunity has " + lineItems.size() + " line items, so no line at " + index;
  }

  private Either<OpportunityRejection, Transition<Opportunity>> refuse(Reason reason,
      String detail) {
    return Either.left(OpportunityRejection.of(reason, id, stage, detail));
  }

  private Either<OpportunityRejection, Transition<Opportunity>> refuseMove(Reason reason,
      String explanation, Seq<StageGuard.Failure> failing, Pipeline definition) {
    return Either.left(OpportunityRejection.ofMove(reason, id, stage, explanation, failing,
        nextStages(definition)));
  }

  private static Either<OpportunityRejection, Transition<Opportunity>> accept(Opportunity next,
      OpportunityEvent event) {
    return Either.right(Transition.of(next, event));
  }

  @SuppressWarnings("unchecked")
  private static <T> Vector<T> vector(Seq<T> seq) {
    return seq instanceof Vector ? (Vector<T>) seq : Vector.ofAll(seq);
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  /** Tells whether a date has already ended everywhere on Earth at an instant. */
  private static boolean isPast(LocalDate date, Instant at) {
    return date.isBefore(LocalDate.ofInstant(at, EARLIEST_ZONE));
  }

  private static Violation pastClose(LocalDate date) {
    return Violation.of("opportunity.expected_close.past", "expectedClose",
        "The expected close date " + date + " has already passed");
  }

  private static Violation amountCurrency(String field, Money amount, Currency currency) {
    return Violation.of("opportunity.amount.currency_mismatch", field,
        "An amount is in the opportunity's currency " + currency.getCurrencyCode() + ", not "
            + amount.currency().getCurrencyCode());
  }

  private static String unitMismatch(LineItem line) {
    return "A quantity in " + line.quantity().unit().symbol() + " cannot be priced per "
        + line.unitPrice().unit().symbol();
  }

  /** Returns the amount of lines, or else the entered amount; lines must be priceable. */
  static Option<Money> amountOf(Currency currency, Option<Money> entered, Seq<LineItem> lines) {
    if (lines.isEmpty()) {
      return entered;
    }
    Money total = Money.zero(currency);
    for (LineItem line : lines) {
      total = total.plus(line.total());
    }
    return Option.some(total);
  }

  private static List<Violation> lineProblems(LineItem line, Currency currency, String path) {
    List<Violation> problems = List.empty();
    if (currency != null && !line.unitPrice().currency().equals(currency)) {
      problems = problems.append(Violation.of("opportunity.line_item.currency_mismatch",
          path + ".unitPrice", "A line is priced in the opportunity's currency "
              + currency.getCurrencyCode() + ", not "
              + line.unitPrice().currency().getCurrencyCode()));
    }
    if (!line.isPriceable()) {
      problems = problems.append(Violation.of("opportunity.line_item.unit_mismatch",
          path + ".quantity", unitMismatch(line)));
    }
    return problems;
  }

  private static List<Violation> competitorProblems(Seq<String> competitors) {
    List<Violation> problems = List.empty();
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (String competitor : competitors) {
      String path = "competitors[" + i++ + "]";
      problems = problems.appendAll(PipelineChecks.requiredText(competitor, MAX_COMPETITOR,
          "opportunity.competitor", path, "A competitor"));
      if (!seen.add(competitor)) {
        problems = problems.append(Violation.of("opportunity.competitor.duplicate", path,
            PipelineChecks.quote(competitor) + " is named twice"));
      }
    }
    return problems;
  }

  private static List<Violation> valueProblems(Currency currency, Option<Money> enteredAmount,
      Seq<LineItem> lineItems, Percentage probability, Seq<String> competitors,
      Option<String> nextStep) {
    List<Violation> problems = List.empty();
    if (enteredAmount.isDefined()) {
      Money entered = enteredAmount.get();
      if (!entered.currency().equals(currency)) {
        problems = problems.append(amountCurrency("enteredAmount", entered, currency));
      } else if (entered.isNegative()) {
        problems = problems.append(Violation.of("opportunity.amount.negative", "enteredAmount",
            "An amount is not negative, but got " + entered));
      }
    }
    int i = 0;
    for (LineItem line : lineItems) {
      problems = problems.appendAll(lineProblems(line, currency, "lineItems[" + i++ + "]"));
    }
    if (!PipelineChecks.isProbability(probability)) {
      problems = problems.append(Violation.of("opportunity.probability.out_of_range",
          "probability", "A probability lies between 0 and 100 %, but got " + probability));
    }
    if (!competitors.isEmpty()) {
      problems = problems.appendAll(competitorProblems(competitors));
    }
    if (nextStep.isDefined()) {
      problems = problems.appendAll(PipelineChecks.requiredText(nextStep.get(), MAX_NEXT_STEP,
          "opportunity.next_step", "nextStep", "A next step"));
    }
    return problems;
  }

  private static List<Violation> lifeProblems(OpportunityStatus status,
      Option<LostReason> lostReason, Option<PurchaseId> purchase, Instant createdAt,
      Instant updatedAt, Option<Instant> closedAt) {
    List<Violation> problems = List.empty();
    if (lostReason.isDefined() != (status == OpportunityStatus.LOST)) {
      problems = problems.append(Violation.of("opportunity.lost_reason.mismatch", "lostReason",
          "A lost reason is present exactly when the opportunity is lost; it is " + status));
    }
    if (purchase.isDefined() != (status == OpportunityStatus.WON)) {
      problems = problems.append(Violation.of("opportunity.purchase.mismatch", "purchase",
          "A purchase is present exactly when the opportunity is won; it is " + status));
    }
    if (closedAt.isDefined() != (status != OpportunityStatus.OPEN)) {
      problems = problems.append(Violation.of("opportunity.closed_at.mismatch", "closedAt",
          "A close time is present exactly when the opportunity is won or lost; it is "
              + status));
    }
    if (updatedAt.isBefore(createdAt)) {
      problems = problems.append(Violation.of("opportunity.updated_at.before_creation",
          "updatedAt", "The last change at " + updatedAt + " lies before the opening at "
              + createdAt));
    }
    if (closedAt.exists(at -> at.isBefore(createdAt) || at.isAfter(updatedAt))) {
      problems = problems.append(Violation.of("opportunity.closed_at.out_of_range", "closedAt",
          "The close time lies between the opening and the last change"));
    }
    return problems;
  }

  /** Checks the history; current is the entry of the current values, or null when unknown. */
  private static List<Violation> historyProblems(Seq<StageHistoryEntry> history,
      Instant createdAt, Instant updatedAt, StageHistoryEntry current) {
    if (history.isEmpty()) {
      return List.of(Violation.of("opportunity.history.empty", "history",
          "The history starts with the opening"));
    }
    List<Violation> problems = List.empty();
    Instant previous = null;
    int i = 0;
    for (StageHistoryEntry entry : history) {
      if (i == 0 && !entry.at().equals(createdAt)) {
        problems = problems.append(Violation.of("opportunity.history.first_not_at_creation",
            "history[0].at", "The first history entry is at the opening, " + createdAt));
      }
      if (previous != null && entry.at().isBefore(previous)) {
        problems = problems.append(Violation.of("opportunity.history.out_of_order",
            "history[" + i + "].at", "History entries are in time order"));
      }
      if (entry.at().isAfter(updatedAt)) {
        problems = problems.append(Violation.of("opportunity.history.after_update",
            "history[" + i + "].at", "A history entry cannot lie after the last change, at "
                + updatedAt));
      }
      previous = entry.at();
      i++;
    }
    if (current != null && !history.last().sameValuesAs(current)) {
      problems = problems.append(Violation.of("opportunity.history.last_mismatch",
          "history[" + (i - 1) + "]", "The last history entry records the current stage,"
              + " amount, probability, category and expected close date"));
    }
    return problems;
  }

  /** Collects the changes of one command; builds the next state with its history entry. */
  private static final class Edit {
    private final Opportunity from;
    CustomerId customer;
    String name;
    StageCode stage;
    OpportunityStatus status;
    EmployeeId owner;
    Option<TeamId> team;
    Option<Money> enteredAmount;
    Seq<LineItem> lineItems;
    Option<LocalDate> expectedClose;
    Percentage probability;
    boolean probabilityOverridden;
    ForecastCategory category;
    boolean categoryOverridden;
    Seq<String> competitors;
    Option<String> nextStep;
    Option<QuoteId> quote;
    Option<LostReason> lostReason;
    Option<PurchaseId> purchase;
    /** The close time; null means "the stamp's time". */
    Option<Instant> closedAt;

    Edit(Opportunity from) {
      this.from = from;
      customer = from.customer;
      name = from.name;
      stage = from.stage;
      status = from.status;
      owner = from.owner;
      team = from.team;
      enteredAmount = from.enteredAmount;
      lineItems = from.lineItems;
      expectedClose = from.expectedClose;
      probability = from.probability;
      probabilityOverridden = from.probabilityOverridden;
      category = from.category;
      categoryOverridden = from.categoryOverridden;
      competitors = from.competitors;
      nextStep = from.nextStep;
      quote = from.quote;
      lostReason = from.lostReason;
      purchase = from.purchase;
      closedAt = from.closedAt;
    }

    /** Builds the next state at the stamp's time, appending a history entry if values changed. */
    Opportunity build(EventStamp stamp) {
      StageHistoryEntry entry = new StageHistoryEntry(stamp.at(), stamp.by(), stage,
          amountOf(from.currency, enteredAmount, lineItems), probability, probabilityOverridden,
          category, categoryOverridden, expectedClose);
      Seq<StageHistoryEntry> history = from.history.last().sameValuesAs(entry) ? from.history
          : vector(from.history).append(entry);
      return new Opportunity(from.id, name, customer, from.pipeline, stage, status, owner,
          team, from.currency, enteredAmount, lineItems, expectedClose, probability,
          probabilityOverridden, category, categoryOverridden, competitors, nextStep, quote,
          from.lead, lostReason, purchase, from.createdAt, from.createdBy, stamp.at(),
          closedAt == null ? Option.some(stamp.at()) : closedAt, history);
    }
  }
}
