package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CLOSE;
import static io.rapport.crm.sales.PipelineFixtures.CONSULTATION;
import static io.rapport.crm.sales.PipelineFixtures.DEAL_ID;
import static io.rapport.crm.sales.PipelineFixtures.DESIGN;
import static io.rapport.crm.sales.PipelineFixtures.GIFTS_ID;
import static io.rapport.crm.sales.PipelineFixtures.LI_ACTOR;
import static io.rapport.crm.sales.PipelineFixtures.LOST;
import static io.rapport.crm.sales.PipelineFixtures.NEGOTIATION;
import static io.rapport.crm.sales.PipelineFixtures.NEW;
import static io.rapport.crm.sales.PipelineFixtures.PROPOSAL;
import static io.rapport.crm.sales.PipelineFixtures.QUOTE;
import static io.rapport.crm.sales.PipelineFixtures.WON;
import static io.rapport.crm.sales.PipelineFixtures.aDealInNegotiation;
import static io.rapport.crm.sales.PipelineFixtures.aNewDeal;
import static io.rapport.crm.sales.PipelineFixtures.accepted;
import static io.rapport.crm.sales.PipelineFixtures.at;
import static io.rapport.crm.sales.PipelineFixtures.cny;
import static io.rapport.crm.sales.PipelineFixtures.diningSet;
import static io.rapport.crm.sales.PipelineFixtures.gifts;
import static io.rapport.crm.sales.PipelineFixtures.retail;
import static io.rapport.crm.sales.PipelineFixtures.tableLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Transition;
import io.vavr.Tuple;
import io.vavr.control.Either;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpportunityMoveTest {

  static final PurchaseId PURCHASE = PurchaseId.parse("PU-1");

  static OpportunityRejection refused(
      Either<OpportunityRejection, Transition<Opportunity>> result) {
    assertThat(result.isLeft()).as("refused").isTrue();
    return result.getLeft();
  }

  static Opportunity inDesign() {
    Opportunity deal = aNewDeal();
    deal = accepted(deal.moveTo(CONSULTATION, retail(), at(1)));
    return accepted(deal.moveTo(DESIGN, retail(), at(2)));
  }

  // ---- moveTo ----

  @Test
  void movesAlongATransitionTakingTheStagesDefaultsAndRecordingTheChange() {
    Either<OpportunityRejection, Transition<Opportunity>> moved =
        aNewDeal().moveTo(CONSULTATION, retail(), at(1));
    Opportunity deal = accepted(moved);

    assertThat(deal.stage()).isEqualTo(CONSULTATION);
    assertThat(deal.probability()).isEqualTo(Percentage.ofPercent(10));
    assertThat(deal.updatedAt()).isEqualTo(deal.history().last().at());
    assertThat(deal.history().map(StageHistoryEntry::stage)).containsExactly(NEW, CONSULTATION);
    assertThat(deal.history().last().by()).isEqualTo(LI_ACTOR);
    assertThat(moved.get().events()).singleElement().isInstanceOfSatisfying(
        OpportunityStageChanged.class, e -> assertThat(Tuple.of(e.from(), e.to()))
            .isEqualTo(Tuple.of(NEW, CONSULTATION)));
  }

  @Test
  void aRefusedMoveNamesTheFailingGuardsAndTheAllowedNextStages() {
    OpportunityRejection refusal = refused(inDesign().moveTo(PROPOSAL, retail(), at(3)));

    assertThat(refusal.code()).isEqualTo("opportunity.guards.failed");
    assertThat(refusal.stage()).isEqualTo(DESIGN);
    assertThat(refusal.failingGuards().map(StageGuard.Failure::code))
        .containsExactly("amount_required", "close_date_required");
    assertThat(refusal.allowedNextStages().map(OpportunityNextStage::stage))
        .containsExactly(PROPOSAL, LOST);
    assertThat(refusal.allowedNextStages().map(OpportunityNextStage::guardsHold))
        .containsExactly(false, true);
    assertThat(refusal.message()).isEqualTo("Cannot move O-1 from design to Proposal: an amount"
        + " is required before Proposal; an expected close date is required before Proposal."
        + " Allowed next stages from design: proposal (needs amount_required,"
        + " close_date_required), lost (ready)");
  }

  @Test
  void movesOnceTheGuardsHold() {
    Opportunity ready = accepted(accepted(inDesign().enterAmount(cny("68000.00"), at(3)))
        .changeExpectedClose(CLOSE, at(4)));

    Opportunity proposal = accepted(ready.moveTo(PROPOSAL, retail(), at(5)));

    assertThat(proposal.stage()).isEqualTo(PROPOSAL);
    assertThat(proposal.category()).isEqualTo(ForecastCategory.BEST_CASE);
    assertThat(proposal.history().last().amount()).contains(cny("68000.00"));
    assertThat(proposal.history().last().expectedClose()).contains(CLOSE);
  }

  @Test
  void refusesAMoveTheGraphDoesNotAllow() {
    OpportunityRejection refusal = refused(aNewDeal().moveTo(NEGOTIATION, retail(), at(1)));

    assertThat(refusal.code()).isEqualTo("opportunity.transition.not_allowed");
    assertThat(refusal.failingGuards()).isEmpty();
    assertThat(refusal.allowedNextStages().map(OpportunityNextStage::stage))
        .containsExactly(CONSULTATION, LOST);
    assertThat(refusal.message()).contains("does not allow a move from new to negotiation")
        .contains("consultation (ready), lost (ready)");
  }

  @Test
  void refusesMovesIntoClosedUnknownOrTheCurrentStage() {
    Opportunity deal = aNewDeal();

    assertThat(refused(deal.moveTo(LOST, retail(), at(1))).code())
        .isEqualTo("opportunity.stage.not_open");
    assertThat(refused(deal.moveTo(WON, retail(), at(1))).message()).contains("win or lose");
    assertThat(refused(deal.moveTo(StageCode.of("atlantis"), retail(), at(1))).code())
        .isEqualTo("opportunity.stage.unknown");
    assertThat(refused(deal.moveTo(NEW, retail(), at(1))).code())
        .isEqualTo("opportunity.no_change");
  }

  @Test
  void overridesSurviveMovesBetweenOpenStages() {
    Opportunity deal = accepted(accepted(aNewDeal()
        .overrideProbability(Percentage.ofPercent(35), at(1)))
        .overrideCategory(ForecastCategory.BEST_CASE, at(2)));

    Opportunity moved = accepted(deal.moveTo(CONSULTATION, retail(), at(3)));

    assertThat(moved.probability()).isEqualTo(Percentage.ofPercent(35));
    assertThat(moved.category()).isEqualTo(ForecastCategory.BEST_CASE);
    assertThat(moved.history().last().probabilityOverridden()).isTrue();
    assertThat(accepted(moved.clearProbabilityOverride(retail(), at(4))).probability())
        .isEqualTo(Percentage.ofPercent(10));
  }

  @Test
  void listsTheNextStagesWithTheirGuardsForAScreen() {
    Opportunity deal = aDealInNegotiation();

    assertThat(deal.nextStages(retail()).map(Object::toString))
        .containsExactly("proposal (ready)", "won (ready)", "lost (ready)");
    assertThat(aNewDeal().nextStages(retail()).map(OpportunityNextStage::kind))
        .containsExactly(StageKind.OPEN, StageKind.LOST);
  }

  @Test
  void aStageRemovedByAReconfigurationMayMoveToAnyStageUnderTheGuardsIntoIt() {
    Pipeline shorter = retail().reconfigure(PipelineDraft.named("Retail store")
        .stage("consultation", "Consultation", StageKind.OPEN, 10, ForecastCategory.PIPELINE)
        .stage("proposal", "Proposal", StageKind.OPEN, 50, ForecastCategory.BEST_CASE)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("consultation", "proposal", StageGuard.AMOUNT_REQUIRED)
        .transition("proposal", "won")
        .fromEachOpenStage("lost")
        .lostReason("price", "Price"), at(-1)).get().state();
    Opportunity stranded = aNewDeal();

    assertThat(stranded.nextStages(shorter).map(OpportunityNextStage::stage))
        .containsExactly(CONSULTATION, PROPOSAL, WON, LOST);
    assertThat(refused(stranded.moveTo(PROPOSAL, shorter, at(1))).failingGuards()
        .map(StageGuard.Failure::code)).containsExactly("amount_required");
    assertThat(accepted(stranded.moveTo(CONSULTATION, shorter, at(1))).stage())
        .isEqualTo(CONSULTATION);
    assertThat(refused(stranded.clearProbabilityOverride(shorter, at(1))).code())
        .isEqualTo("opportunity.no_change");
  }

  // ---- win ----

  @Test
  void winsWithAPurchaseClearingOverrides() {
    Opportunity deal = accepted(aDealInNegotiation()
        .overrideProbability(Percentage.ofPercent(90), at(11)));

    Either<OpportunityRejection, Transition<Opportunity>> result = deal.win(PURCHASE, retail(),
        at(12));
    Opportunity won = accepted(result);

    assertThat(won.stage()).isEqualTo(WON);
    assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
    assertThat(won.isClosed()).isTrue();
    assertThat(won.purchase()).contains(PURCHASE);
    assertThat(won.closedAt()).contains(won.updatedAt());
    assertThat(won.probability()).isEqualTo(Percentage.ONE_HUNDRED);
    assertThat(won.probabilityOverridden()).isFalse();
    assertThat(won.category()).isEqualTo(ForecastCategory.CLOSED);
    assertThat(won.history().last().stage()).isEqualTo(WON);
    assertThat(result.get().events()).singleElement().isInstanceOfSatisfying(
        OpportunityWon.class, e -> {
          assertThat(e.purchase()).isEqualTo(PURCHASE);
          assertThat(e.from()).isEqualTo(NEGOTIATION);
          assertThat(e.amount()).isEqualTo(cny("49408.00"));
        });
  }

  @Test
  void refusesToWinWithoutTheTransitionItsGuardsOrLineItems() {
    Opportunity withoutLines = Opportunity.open(DEAL_ID, diningSet().amount(cny("100.00"))
        .expectedClose(CLOSE).quote(QUOTE).stage("negotiation"), retail(), at(0)).get().state();
    Pipeline lenient = retail().reconfigure(PipelineDraft.named("Lenient")
        .stage("negotiation", "Negotiation", StageKind.OPEN, 75, ForecastCategory.COMMIT)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("negotiation", "won")
        .fromEachOpenStage("lost")
        .lostReason("price", "Price"), at(-1)).get().state();

    assertThat(refused(aNewDeal().win(PURCHASE, retail(), at(1))).code())
        .isEqualTo("opportunity.transition.not_allowed");
    OpportunityRejection guards = refused(withoutLines.win(PURCHASE, retail(), at(1)));
    assertThat(guards.code()).isEqualTo("opportunity.guards.failed");
    assertThat(guards.failingGuards().map(StageGuard.Failure::code))
        .containsExactly("line_items_required");
    assertThat(refused(withoutLines.win(PURCHASE, lenient, at(1))).code())
        .isEqualTo("opportunity.win.line_items_required");
  }

  // ---- lose ----

  @Test
  void losesIntoTheFirstLostStageWithAReason() {
    Either<OpportunityRejection, Transition<Opportunity>> result = accepted(aNewDeal()
        .overrideCategory(ForecastCategory.COMMIT, at(1))).lose("no_response", retail(), at(2));
    Opportunity lost = accepted(result);

    assertThat(lost.stage()).isEqualTo(LOST);
    assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
    assertThat(lost.lostReason().map(LostReason::code)).contains("no_response");
    assertThat(lost.closedAt()).contains(lost.updatedAt());
    assertThat(lost.probability()).isEqualTo(Percentage.ZERO);
    assertThat(lost.category()).isEqualTo(ForecastCategory.OMITTED);
    assertThat(lost.categoryOverridden()).isFalse();
    assertThat(result.get().events()).singleElement().isInstanceOfSatisfying(
        OpportunityLost.class, e -> assertThat(e.reason()).isEqualTo("no_response"));
  }

  @Test
  void refusesAnUnknownLostReasonNamingTheAllowedOnes() {
    OpportunityRejection refusal = refused(aNewDeal().lose("weather", retail(), at(1)));

    assertThat(refusal.code()).isEqualTo("opportunity.lost_reason.unknown");
    assertThat(refusal.message()).isEqualTo("'weather' is not a lost reason of the pipeline"
        + " P-retail; use one of price, competitor, no_budget, no_response");
  }

  @Test
  void refusesToLoseIntoAStageThatIsNotLost() {
    assertThat(refused(aNewDeal().lose(WON, "price", retail(), at(1))).code())
        .isEqualTo("opportunity.stage.not_lost");
    assertThat(refused(aNewDeal().lose(StageCode.of("gone"), "price", retail(), at(1))).code())
        .isEqualTo("opportunity.stage.unknown");
  }

  @Test
  void aClosedOpportunityRefusesEverythingButReopen() {
    Opportunity lost = accepted(aNewDeal().lose("price", retail(), at(1)));
    EventStamp later = at(2);

    assertThat(refused(lost.moveTo(CONSULTATION, retail(), later)).code())
        .isEqualTo("opportunity.closed");
    assertThat(refused(lost.enterAmount(cny("1.00"), later)).code())
        .isEqualTo("opportunity.closed");
    assertThat(refused(lost.lose("price", retail(), later)).code()).isEqualTo("opportunity.closed");
    assertThat(refused(lost.win(PURCHASE, retail(), later)).code()).isEqualTo("opportunity.closed");
    assertThat(refused(lost.rename("x", later)).message()).contains("reopen it first");
    assertThat(lost.nextStages(retail())).isEmpty();
  }

  // ---- reopen ----

  @Test
  void reopensALostDealWithinTheWindowIntoTheRulesStage() {
    Opportunity lost = accepted(aNewDeal().lose("price", retail(), at(1)));

    Either<OpportunityRejection, Transition<Opportunity>> result =
        lost.reopen(retail(), at(1 + Duration.ofDays(90).toMinutes()));
    Opportunity reopened = accepted(result);

    assertThat(reopened.stage()).isEqualTo(CONSULTATION);
    assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(reopened.lostReason()).isEmpty();
    assertThat(reopened.closedAt()).isEmpty();
    assertThat(reopened.probability()).isEqualTo(Percentage.ofPercent(10));
    assertThat(reopened.history().map(StageHistoryEntry::stage))
        .containsExactly(NEW, LOST, CONSULTATION);
    assertThat(result.get().events()).singleElement().isInstanceOfSatisfying(
        OpportunityReopened.class, e -> assertThat(e.previousPurchase()).isEmpty());
  }

  @Test
  void refusesToReopenAfterTheWindowOrWithoutARule() {
    Opportunity lost = accepted(aNewDeal().lose("price", retail(), at(1)));
    Opportunity won = accepted(aDealInNegotiation().win(PURCHASE, retail(), at(11)));

    assertThat(refused(lost.reopen(retail(), at(2 + Duration.ofDays(90).toMinutes()))).code())
        .isEqualTo("opportunity.reopen.window_passed");
    assertThat(refused(won.reopen(retail(), at(12))).code())
        .isEqualTo("opportunity.reopen.not_allowed");
    assertThat(refused(aNewDeal().reopen(retail(), at(1))).code())
        .isEqualTo("opportunity.not_closed");
    assertThat(refused(lost.reopen(gifts(), at(2))).code())
        .isEqualTo("opportunity.pipeline_mismatch");
    assertThat(refused(lost.reopen(retail(), at(0))).code()).isEqualTo("opportunity.out_of_order");
  }

  @Test
  void reopeningAWonDealGivesThePreviousPurchaseToVoid() {
    Pipeline gifts = gifts();
    Opportunity contract = Opportunity.open(DEAL_ID, PipelineFixtures.diningSet()
        .lineItem(tableLine()).expectedClose(CLOSE).quote(QUOTE).stage("contract"), gifts, at(0))
        .get().state();
    Opportunity won = accepted(contract.win(PURCHASE, gifts, at(1)));

    Either<OpportunityRejection, Transition<Opportunity>> result = won.reopen(gifts, at(2));

    assertThat(accepted(result).purchase()).isEmpty();
    assertThat(accepted(result).stage()).isEqualTo(StageCode.of("contract"));
    assertThat(accepted(result).pipeline()).isEqualTo(GIFTS_ID);
    assertThat(result.get().events()).singleElement().isInstanceOfSatisfying(
        OpportunityReopened.class, e -> assertThat(e.previousPurchase()).contains(PURCHASE));
  }
}
