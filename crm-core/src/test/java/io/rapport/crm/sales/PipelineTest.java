package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CONSULTATION;
import static io.rapport.crm.sales.PipelineFixtures.DESIGN;
import static io.rapport.crm.sales.PipelineFixtures.LOST;
import static io.rapport.crm.sales.PipelineFixtures.NEGOTIATION;
import static io.rapport.crm.sales.PipelineFixtures.NEW;
import static io.rapport.crm.sales.PipelineFixtures.PROPOSAL;
import static io.rapport.crm.sales.PipelineFixtures.RETAIL_ID;
import static io.rapport.crm.sales.PipelineFixtures.WON;
import static io.rapport.crm.sales.PipelineFixtures.at;
import static io.rapport.crm.sales.PipelineFixtures.gifts;
import static io.rapport.crm.sales.PipelineFixtures.retail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineTest {

  static PipelineDraft minimal() {
    return PipelineDraft.named("Walk-in")
        .stage("open", "Open", StageKind.OPEN, 20, ForecastCategory.PIPELINE)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("open", "won")
        .fromEachOpenStage("lost")
        .lostReason("price", "Price");
  }

  static List<String> problems(Validation<Seq<Violation>, Transition<Pipeline>> result) {
    assertThat(result.isInvalid()).as("invalid").isTrue();
    return result.getError().map(v -> v.field() + " " + v.code()).toList();
  }

  @Test
  void configuresTheRetailStorePipelineWithItsEvent() {
    Transition<Pipeline> configured = Pipelines.retailStore(RETAIL_ID, at(0));
    Pipeline pipeline = configured.state();

    assertThat(pipeline.stages().map(Stage::code))
        .containsExactly(NEW, CONSULTATION, DESIGN, PROPOSAL, NEGOTIATION, WON, LOST);
    assertThat(pipeline.active()).isTrue();
    assertThat(pipeline.updatedAt()).isEqualTo(configured.events().head().occurredAt());
    assertThat(configured.events()).singleElement().isInstanceOfSatisfying(
        PipelineConfigured.class, e -> assertThat(e.pipelineId()).isEqualTo(RETAIL_ID));
    assertThat(pipeline.lostReasons().map(LostReason::code))
        .containsExactly("price", "competitor", "no_budget", "no_response");
    assertThat(pipeline.reopenRule(StageKind.LOST).flatMap(ReopenRule::within))
        .contains(Duration.ofDays(90));
    assertThat(pipeline.reopenRule(StageKind.WON)).isEmpty();
  }

  @Test
  void configuresTheCorporateGiftsPipeline() {
    Pipeline pipeline = gifts();

    assertThat(pipeline.stages()).hasSize(7);
    assertThat(pipeline.guardsInto(StageCode.of("proposal")).map(StageGuard::code))
        .containsExactly("minimum_amount", "close_date_required");
    assertThat(pipeline.reopenRule(StageKind.WON).map(ReopenRule::to))
        .contains(StageCode.of("contract"));
  }

  @Test
  void answersTheQueriesInStageOrder() {
    Pipeline pipeline = retail();

    assertThat(pipeline.firstOpenStage().code()).isEqualTo(NEW);
    assertThat(pipeline.wonStage().code()).isEqualTo(WON);
    assertThat(pipeline.lostStages().map(Stage::code)).containsExactly(LOST);
    assertThat(pipeline.stage(PROPOSAL).map(Stage::name)).contains("Proposal");
    assertThat(pipeline.stage(StageCode.of("nowhere"))).isEmpty();
    assertThat(pipeline.position(NEGOTIATION)).contains(4);
    assertThat(pipeline.nextStages(CONSULTATION)).containsExactly(DESIGN, PROPOSAL, LOST);
    assertThat(pipeline.transitionsFrom(WON)).isEmpty();
    assertThat(pipeline.guardsInto(PROPOSAL))
        .containsExactly(StageGuard.AMOUNT_REQUIRED, StageGuard.CLOSE_DATE_REQUIRED);
    assertThat(pipeline.guardsInto(NEW)).isEmpty();
    assertThat(pipeline.lostReason("no_budget").map(LostReason::label)).contains("No budget");
    assertThat(pipeline.lostReason("weather")).isEmpty();
    assertThat(pipeline.transition(PROPOSAL, NEGOTIATION).map(StageTransition::guards))
        .contains(List.of(StageGuard.QUOTE_REQUIRED));
  }

  @Test
  void fromEachOpenStageAddsAMoveFromEveryOpenStageButTheExplicitOnes() {
    Pipeline pipeline = Pipeline.configure(RETAIL_ID, PipelineDraft.named("Custom")
        .fromEachOpenStage("lost")
        .stage("a", "A", StageKind.OPEN, 10, ForecastCategory.PIPELINE)
        .stage("b", "B", StageKind.OPEN, 50, ForecastCategory.BEST_CASE)
        .stage("won", "Won", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED)
        .transition("a", "b")
        .transition("b", "won")
        .transition("b", "lost", StageGuard.NEXT_STEP_REQUIRED)
        .lostReason("price", "Price"), at(0)).get().state();

    assertThat(pipeline.transitions().map(t -> Tuple.of(t.from().value(), t.to().value(),
        t.guards().size())))
        .containsExactly(Tuple.of("a", "lost", 0), Tuple.of("a", "b", 0),
            Tuple.of("b", "won", 0), Tuple.of("b", "lost", 1));
  }

  @Test
  void reportsEveryMistakeOfADraftWithItsField() {
    PipelineDraft draft = PipelineDraft.named("  ")
        .stage("New", "New", StageKind.OPEN, 10, ForecastCategory.PIPELINE)
        .stage("qualify", " ", StageKind.OPEN, 120, ForecastCategory.CLOSED)
        .stage("qualify", "Qualify again", StageKind.OPEN, 20, ForecastCategory.PIPELINE)
        .stage("won", "Won", StageKind.WON, 90, ForecastCategory.COMMIT)
        .stage("won2", "Won again", StageKind.WON, 100, ForecastCategory.CLOSED)
        .stage("lost", "Lost", StageKind.LOST, 0, null)
        .transition("qualify", "proposal")
        .transition("won", "qualify")
        .transition("qualify", "qualify")
        .transition("qualify", "won")
        .transition("qualify", "won")
        .lostReason("Price!", "Price")
        .lostReason("price", "")
        .lostReason("price", "Price again")
        .reopen(StageKind.OPEN, Duration.ZERO, "nowhere")
        .reopen(StageKind.LOST, null, "won")
        .reopen(StageKind.LOST, null, "qualify");

    assertThat(problems(Pipeline.configure(RETAIL_ID, draft, at(0)))).containsExactlyInAnyOrder(
        "stages[0].code stage.code.malformed",
        "stages[1].name stage.name.blank",
        "stages[1].probability stage.probability.out_of_range",
        "stages[1].category stage.open.category_closed",
        "stages[2].code pipeline.stage.duplicate",
        "stages[3].probability stage.won.probability_not_100",
        "stages[3].category stage.won.category_not_closed",
        "stages[4].kind pipeline.stages.won_twice",
        "stages[5].category stage.category.missing",
        "transitions[0].to pipeline.stage.unknown",
        "transitions[1].from pipeline.transition.from_closed",
        "transitions[2].to stage_transition.same_stage",
        "transitions[4] pipeline.transition.duplicate",
        "lostReasons[0].code lost_reason.code.malformed",
        "lostReasons[1].label lost_reason.label.blank",
        "lostReasons[2].code pipeline.lost_reason.duplicate",
        "reopenRules[0].from reopen_rule.from.open",
        "reopenRules[0].within reopen_rule.within.not_positive",
        "reopenRules[0].to pipeline.stage.unknown",
        "reopenRules[1].to pipeline.reopen.to_not_open",
        "reopenRules[2].from pipeline.reopen.duplicate",
        "name pipeline.name.blank");
  }

  @Test
  void reportsAMissingWonLostAndOpenStageAndMissingLostReasons() {
    assertThat(problems(Pipeline.configure(RETAIL_ID, PipelineDraft.named("Empty"), at(0))))
        .containsExactly("stages pipeline.stages.open_missing",
            "stages pipeline.stages.won_missing",
            "stages pipeline.stages.lost_missing", "lostReasons pipeline.lost_reasons.empty");
  }

  @Test
  void reportsAnUnknownTargetOfFromEachOpenStageOnce() {
    assertThat(problems(Pipeline.configure(RETAIL_ID, minimal().fromEachOpenStage("closed"),
        at(0)))).containsExactly("transitions[2].to pipeline.stage.unknown");
  }

  @Test
  void reportsAMissingKindAndProbabilityOfAStageAndAMissingReopenKind() {
    PipelineDraft draft = minimal()
        .stage("odd", "Odd", null, (Percentage) null, ForecastCategory.PIPELINE)
        .reopen(null, null, "open");

    assertThat(problems(Pipeline.configure(RETAIL_ID, draft, at(0)))).containsExactly(
        "stages[3].kind stage.kind.missing", "stages[3].probability stage.probability.missing",
        "reopenRules[0].from reopen_rule.from.missing");
  }

  @Test
  void theConstructorRechecksTheStructure() {
    Pipeline pipeline = retail();

    assertThatThrownBy(() -> new Pipeline(pipeline.id(), pipeline.name(),
        pipeline.stages().filter(Stage::isOpen), pipeline.transitions(), List.empty(),
        pipeline.reopenRules(), true, pipeline.updatedAt()))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code)).contains(
                "pipeline.stages.won_missing", "pipeline.stages.lost_missing",
                "pipeline.stage.unknown", "pipeline.lost_reasons.empty"));
  }

  @Test
  void stagesLostReasonsReopenRulesAndTransitionsCheckThemselves() {
    assertThatThrownBy(() -> Stage.of(NEW, "x".repeat(101), StageKind.LOST, 5,
        ForecastCategory.PIPELINE))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code)).containsExactly(
                "stage.name.too_long", "stage.lost.probability_not_zero",
                "stage.lost.category_not_omitted"));
    assertThatThrownBy(() -> LostReason.of("price", "x".repeat(201)))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("lost_reason.label.too_long"));
    assertThatThrownBy(() -> new ReopenRule(StageKind.WON, Option.of(Duration.ofDays(-1)), NEW))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("reopen_rule.within.not_positive"));
    assertThatThrownBy(() -> StageTransition.of(NEW, NEW))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("stage_transition.same_stage"));
    assertThat(Stage.of(NEW, "  New  ", StageKind.OPEN, 0, ForecastCategory.OMITTED).name())
        .isEqualTo("  New  ");
  }

  @Test
  void reconfiguresWithTheSameChecksAndKeepsTheActiveFlag() {
    Pipeline pipeline = retail().deactivate(at(1)).get().state();

    Transition<Pipeline> reconfigured = pipeline.reconfigure(minimal(), at(2)).get();

    assertThat(reconfigured.state().name()).isEqualTo("Walk-in");
    assertThat(reconfigured.state().active()).isFalse();
    assertThat(reconfigured.state().id()).isEqualTo(RETAIL_ID);
    assertThat(reconfigured.events()).singleElement().isInstanceOf(PipelineReconfigured.class);
    assertThat(problems(pipeline.reconfigure(PipelineDraft.named("Bad"), at(3))))
        .contains("stages pipeline.stages.won_missing");
  }

  @Test
  void refusesAReconfigurationDatedBeforeTheLastChange() {
    Pipeline pipeline = retail().deactivate(at(5)).get().state();

    assertThat(problems(pipeline.reconfigure(minimal(), at(4))))
        .containsExactly("stamp pipeline.out_of_order");
  }

  @Test
  void deactivatesAndActivatesOnceEach() {
    Pipeline active = retail();
    Pipeline inactive = active.deactivate(at(1)).get().state();

    assertThat(inactive.active()).isFalse();
    assertThat(active.deactivate(at(1)).get().events()).singleElement()
        .isInstanceOf(PipelineDeactivated.class);
    assertThat(inactive.deactivate(at(2)).getLeft().code()).isEqualTo("pipeline.already_inactive");
    assertThat(active.activate(at(2)).getLeft().code()).isEqualTo("pipeline.already_active");
    assertThat(inactive.activate(at(0)).getLeft().code()).isEqualTo("pipeline.out_of_order");
    Transition<Pipeline> again = inactive.activate(at(3)).get();
    assertThat(again.state().active()).isTrue();
    assertThat(again.events()).singleElement().isInstanceOf(PipelineActivated.class);
    assertThat(inactive.deactivate(at(2)).getLeft().message()).contains("already inactive");
  }
}
