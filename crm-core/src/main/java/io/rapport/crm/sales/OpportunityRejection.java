package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Refuses a command on an {@link Opportunity} and gives what the caller needs to act: the stage it
 * stands in, the guards that failed and the stages it may move to from there (each telling whether
 * its guards hold now). A refused command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param opportunity the opportunity's id
 * @param stage the stage it stands in
 * @param detail a readable explanation; for a refused move it names the failing guards and the
 *     allowed next stages
 * @param failingGuards the guards that did not hold, for {@link Reason#GUARDS_FAILED}; otherwise
 *     empty
 * @param allowedNextStages the stages it may move to from its stage, for refused stage changes;
 *     otherwise empty
 */
public record OpportunityRejection(Reason reason, OpportunityId opportunity, StageCode stage,
    String detail, Seq<StageGuard.Failure> failingGuards,
    Seq<OpportunityNextStage> allowedNextStages) implements Rejection {

  /** Names why a command on an opportunity was refused, each with its stable code. */
  public enum Reason {
    /** The pipeline given is not the opportunity's. */
    PIPELINE_MISMATCH("opportunity.pipeline_mismatch"),
    /** A change to a won or lost opportunity; reopen it first. */
    CLOSED("opportunity.closed"),
    /** Reopen on an open opportunity. */
    NOT_CLOSED("opportunity.not_closed"),
    /** A command dated before the opportunity's last change. */
    OUT_OF_ORDER("opportunity.out_of_order"),
    /** The command would change nothing. */
    NO_CHANGE("opportunity.no_change"),
    /** The pipeline has no such stage. */
    STAGE_UNKNOWN("opportunity.stage.unknown"),
    /** A move to a won or lost stage; use win or lose. */
    STAGE_NOT_OPEN("opportunity.stage.not_open"),
    /** Lose into a stage that is not a lost stage. */
    STAGE_NOT_LOST("opportunity.stage.not_lost"),
    /** The pipeline has no transition from the current stage to the target. */
    TRANSITION_NOT_ALLOWED("opportunity.transition.not_allowed"),
    /** Guards of the transition do not hold; see the failing guards. */
    GUARDS_FAILED("opportunity.guards.failed"),
    /** Winning needs at least one line item: the purchase records what was bought. */
    WIN_LINE_ITEMS_REQUIRED("opportunity.win.line_items_required"),
    /** The lost reason is not one of the pipeline's. */
    LOST_REASON_UNKNOWN("opportunity.lost_reason.unknown"),
    /** The pipeline has no reopen rule for deals closed this way. */
    REOPEN_NOT_ALLOWED("opportunity.reopen.not_allowed"),
    /** The reopen rule's window after closing has passed. */
    REOPEN_WINDOW_PASSED("opportunity.reopen.window_passed"),
    /** An amount in another currency than the opportunity's. */
    AMOUNT_CURRENCY_MISMATCH("opportunity.amount.currency_mismatch"),
    /** A negative amount. */
    AMOUNT_NEGATIVE("opportunity.amount.negative"),
    /** A line priced in another currency than the opportunity's. */
    LINE_ITEM_CURRENCY_MISMATCH("opportunity.line_item.currency_mismatch"),
    /** A line whose quantity does not convert to its price's unit. */
    LINE_ITEM_UNIT_MISMATCH("opportunity.line_item.unit_mismatch"),
    /** No line item at that index. */
    LINE_ITEM_NO_SUCH_INDEX("opportunity.line_item.no_such_index"),
    /** An expected close date that has already passed everywhere on Earth. */
    EXPECTED_CLOSE_PAST("opportunity.expected_close.past"),
    /** A probability outside 0 to 100 %. */
    PROBABILITY_OUT_OF_RANGE("opportunity.probability.out_of_range"),
    /** The forecast category CLOSED on an open deal; win it instead. */
    CATEGORY_CLOSED("opportunity.category.closed_not_allowed"),
    /** A blank competitor. */
    COMPETITOR_BLANK("opportunity.competitor.blank"),
    /** A competitor longer than {@value Opportunity#MAX_COMPETITOR} characters. */
    COMPETITOR_TOO_LONG("opportunity.competitor.too_long"),
    /** A competitor already named. */
    COMPETITOR_DUPLICATE("opportunity.competitor.duplicate"),
    /** A competitor not named on the opportunity. */
    COMPETITOR_UNKNOWN("opportunity.competitor.unknown"),
    /** A blank next step; clear it instead. */
    NEXT_STEP_BLANK("opportunity.next_step.blank"),
    /** A next step longer than {@value Opportunity#MAX_NEXT_STEP} characters. */
    NEXT_STEP_TOO_LONG("opportunity.next_step.too_long"),
    /** A blank name. */
    NAME_BLANK("opportunity.name.blank"),
    /** A name longer than {@value Opportunity#MAX_NAME} characters. */
    NAME_TOO_LONG("opportunity.name.too_long");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code opportunity.closed}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public OpportunityRejection {
    requireNonNull(reason, "reason");
    requireNonNull(opportunity, "opportunity");
    requireNonNull(stage, "stage");
    requireNonNull(detail, "detail");
    requireNonNull(failingGuards, "failingGuards");
    requireNonNull(allowedNextStages, "allowedNextStages");
    failingGuards.forEach(value -> requireNonNull(value, "failingGuards element"));
    allowedNextStages.forEach(value -> requireNonNull(value, "allowedNextStages element"));
  }

  /**
   * Returns a rejection without guards or next stages.
   *
   * @param reason why
   * @param opportunity the opportunity's id
   * @param stage the stage it stands in
   * @param detail a readable explanation
   * @return the rejection
   * @throws NullPointerException if an argument is null
   */
  public static OpportunityRejection of(Reason reason, OpportunityId opportunity, StageCode stage,
      String detail) {
    return new OpportunityRejection(reason, opportunity, stage, detail, List.empty(),
        List.empty());
  }

  /**
   * Returns a refused stage change, its detail naming the failing guards and the allowed next
   * stages after the given explanation.
   *
   * @param reason why
   * @param opportunity the opportunity's id
   * @param stage the stage it stands in
   * @param explanation what was refused
   * @param failing the guards that did not hold
   * @param next the stages it may move to
   * @return the rejection
   * @throws NullPointerException if an argument is null
   */
  public static OpportunityRejection ofMove(Reason reason, OpportunityId opportunity,
      StageCode stage, String explanation, Seq<StageGuard.Failure> failing,
      Seq<OpportunityNextStage> next) {
    StringBuilder detail = new StringBuilder(explanation);
    if (!failing.isEmpty()) {
      detail.append(": ").append(failing.map(StageGuard.Failure::message).mkString("; "));
    }
    detail.append(". Allowed next stages from ").append(stage).append(": ")
        .append(next.isEmpty() ? "none" : next.mkString(", "));
    return new OpportunityRejection(reason, opportunity, stage, detail.toString(), failing, next);
  }

  /** Returns the reason's code, such as {@code opportunity.guards.failed}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Returns the detail. */
  @Override
  public String message() {
    return detail;
  }
}
