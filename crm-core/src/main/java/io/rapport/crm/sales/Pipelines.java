package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.Transition;
import java.time.Duration;
import java.util.Currency;

/**
 * Provides realistic example pipelines of a rosewood furniture brand, for documentation, tests and
 * the demo: retail store sales and corporate gift orders. Each comes as a draft to adapt, or
 * configured.
 */
public final class Pipelines {

  private static final Currency CNY = Currency.getInstance("CNY");

  private Pipelines() {}

  /**
   * Returns the draft of the retail store pipeline, seven stages: New enquiry (5 %), Consultation
   * (10 %), Measurement and design (25 %), Proposal (50 %, best case; needs an amount and an
   * expected close date), Negotiation (75 %, commit; needs a quote), Won (needs a quote and line
   * items) and Lost, reachable from every open stage. A stock piece may skip design: consultation
   * may go straight to proposal under the same guards; proposal and negotiation may step back.
   * Lost reasons: {@code price}, {@code competitor}, {@code no_budget}, {@code no_response}. A lost
   * deal may be reopened into Consultation within 90 days.
   *
   * @return the draft, ready to adapt or configure
   */
  public static PipelineDraft retailStoreDraft() {
    return PipelineDraft.named("Retail store")
        .stage("new", "New enquiry", StageKind.OPEN, 5, ForecastCategory.PIPELINE)
        .stage("consultation", "Consultation", StageKind.OPEN, 10, ForecastCategory.PIPELINE)
        .stage("design", "Measurement and design", StageKind.OPEN, 25, ForecastCategory.PIPELINE)
        .stage("proposal", "Proposal", StageKind.OPEN, 50, ForecastCategory.BEST_CASE)
        .stage("negotiation", "Negotiation", StageKind.OPEN, 75, ForecastCategory.COMMIT)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("new", "consultation")
        .transition("consultation", "design")
        .transition("consultation", "proposal", StageGuard.AMOUNT_REQUIRED,
            StageGuard.CLOSE_DATE_REQUIRED)
        .transition("design", "proposal", StageGuard.AMOUNT_REQUIRED,
            StageGuard.CLOSE_DATE_REQUIRED)
        .transition("proposal", "design")
        .transition("proposal", "negotiation", StageGuard.QUOTE_REQUIRED)
        .transition("negotiation", "proposal")
        .transition("negotiation", "won", StageGuard.QUOTE_REQUIRED,
            StageGuard.LINE_ITEMS_REQUIRED)
        .fromEachOpenStage("lost")
        .lostReason("price", "Price too high")
        .lostReason("competitor", "Bought from a competitor")
        .lostReason("no_budget", "No budget")
        .lostReason("no_response", "Stopped responding")
        .reopen(StageKind.LOST, Duration.ofDays(90), "consultation");
  }

  /**
   * Configures the retail store pipeline of {@link #retailStoreDraft()}.
   *
   * @param id the pipeline's id
   * @param stamp the event's id, time and actor
   * @return the pipeline with its {@link PipelineConfigured} event
   * @throws NullPointerException if an argument is null
   */
  public static Transition<Pipeline> retailStore(PipelineId id, EventStamp stamp) {
    return InvalidValueException.valueOrThrow(Pipeline.configure(requireNonNull(id, "id"),
        retailStoreDraft(), requireNonNull(stamp, "stamp")));
  }

  /**
   * Returns the draft of the corporate gifts pipeline, seven stages: Enquiry (10 %), Qualified
   * (20 %), Samples sent (40 %, best case; needs a next step), Proposal (60 %, best case; needs
   * an amount of at least CNY 20 000 and an expected close date), Contract (85 %, commit; needs a
   * quote and line items), Won and Lost, reachable from every open stage. Lost reasons:
   * {@code price}, {@code competitor}, {@code no_budget}, {@code timing}, {@code no_response}. A
   * won order may be reopened into Contract within 14 days (the order changed), a lost one into
   * Qualified at any time.
   *
   * @return the draft, ready to adapt or configure
   */
  public static PipelineDraft corporateGiftsDraft() {
    return PipelineDraft.named("Corporate and gift orders")
        .stage("enquiry", "Enquiry", StageKind.OPEN, 10, ForecastCategory.PIPELINE)
        .stage("qualified", "Qualified", StageKind.OPEN, 20, ForecastCategory.PIPELINE)
        .stage("samples", "Samples sent", StageKind.OPEN, 40, ForecastCategory.BEST_CASE)
        .stage("proposal", "Proposal", StageKind.OPEN, 60, ForecastCategory.BEST_CASE)
        .stage("contract", "Contract", StageKind.OPEN, 85, ForecastCategory.COMMIT)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("enquiry", "qualified")
        .transition("qualified", "samples", StageGuard.NEXT_STEP_REQUIRED)
        .transition("qualified", "proposal", StageGuard.minimumAmount(Money.of("20000.00", CNY)),
            StageGuard.CLOSE_DATE_REQUIRED)
        .transition("samples", "proposal", StageGuard.minimumAmount(Money.of("20000.00", CNY)),
            StageGuard.CLOSE_DATE_REQUIRED)
        .transition("proposal", "contract", StageGuard.QUOTE_REQUIRED,
            StageGuard.LINE_ITEMS_REQUIRED)
        .transition("contract", "proposal")
        .transition("contract", "won", StageGuard.QUOTE_REQUIRED, StageGuard.LINE_ITEMS_REQUIRED)
        .fromEachOpenStage("lost")
        .lostReason("price", "Price too high")
        .lostReason("competitor", "Chose a competitor")
        .lostReason("no_budget", "No budget this year")
        .lostReason("timing", "Missed the gifting date")
        .lostReason("no_response", "Stopped responding")
        .reopen(StageKind.WON, Duration.ofDays(14), "contract")
        .reopen(StageKind.LOST, null, "qualified");
  }

  /**
   * Configures the corporate gifts pipeline of {@link #corporateGiftsDraft()}.
   *
   * @param id the pipeline's id
   * @param stamp the event's id, time and actor
   * @return the pipeline with its {@link PipelineConfigured} event
   * @throws NullPointerException if an argument is null
   */
  public static Transition<Pipeline> corporateGifts(PipelineId id, EventStamp stamp) {
    return InvalidValueException.valueOrThrow(Pipeline.configure(requireNonNull(id, "id"),
        corporateGiftsDraft(), requireNonNull(stamp, "stamp")));
  }
}
