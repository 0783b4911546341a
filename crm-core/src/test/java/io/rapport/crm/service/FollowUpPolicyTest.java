package io.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

class FollowUpPolicyTest {

  private static final CustomerId CUSTOMER = new CustomerId("c-1");
  private static final SurveyId SURVEY = new SurveyId("nps-2026-q4");
  private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");
  private static final FollowUpPolicy STANDARD = FollowUpPolicy.standard();

  private static NegativeSignal detractor(int score, String comment) {
    return new NegativeSignal.DetractorAnswer(SURVEY, CUSTOMER, score, Option.of(comment), AT);
  }

  private static NegativeSignal review(int rating, int outOf, String text) {
    return new NegativeSignal.BadReview(new InteractionId("i-9"), CUSTOMER, rating, outOf, text,
        Channel.Kind.SOCIAL, AT);
  }

  @Test
  void aHarshDetractorGetsAHighPriorityComplaintNamingTheSurvey() {
    FollowUp followUp = STANDARD.decide(detractor(2, "送货太慢了")).get();

    assertThat(followUp.priority()).isEqualTo(Priority.HIGH);
    assertThat(followUp.category()).isEqualTo(TicketCategory.COMPLAINT);
    assertThat(followUp.customer()).isEqualTo(CUSTOMER);
    assertThat(followUp.cause()).isEqualTo(RecordRef.to(SURVEY));
    assertThat(followUp.description()).contains("NPS answer 2 of 10").contains("送货太慢了");
    assertThat(followUp.reason()).contains("detractor at or below 30%");
  }

  @Test
  void aMildDetractorGetsANormalOne() {
    assertThat(STANDARD.decide(detractor(5, null)).map(FollowUp::priority))
        .containsExactly(Priority.NORMAL);
  }

  @Test
  void anUrgentWordMakesItUrgentWhateverTheScoreAndSaysWhy() {
    FollowUp followUp = STANDARD.decide(detractor(6, "The drawer broke and my son was INJURED"))
        .get();

    assertThat(followUp.priority()).isEqualTo(Priority.URGENT);
    assertThat(followUp.reason()).contains("urgent word 'injured'");
    assertThat(STANDARD.decide(review(1, 5, "再不处理我就找媒体曝光")).map(FollowUp::priority))
        .containsExactly(Priority.URGENT);
  }

  @Test
  void reviewsAreMatchedByTheirPositionOnTheirOwnScale() {
    assertThat(STANDARD.decide(review(1, 5, "")).map(FollowUp::priority))
        .containsExactly(Priority.HIGH);
    assertThat(STANDARD.decide(review(2, 5, "")).map(FollowUp::priority))
        .containsExactly(Priority.NORMAL);
    assertThat(STANDARD.decide(review(3, 5, "")).isEmpty()).isTrue();
    assertThat(STANDARD.decide(review(3, 10, "")).map(FollowUp::priority))
        .as("3 of 10 is at 22 %").containsExactly(Priority.NORMAL);
    assertThat(review(2, 5, "").position()).isEqualByComparingTo("25");
  }

  @Test
  void aSignalNoRuleMatchesOpensNothing() {
    FollowUpPolicy onlyReviews = new FollowUpPolicy(List.of(new FollowUpRule(
        NegativeSignal.Kind.BAD_REVIEW, Percentage.ofPercent(50), Priority.HIGH,
        TicketCategory.COMPLAINT, Option.some(new TeamId("care")))), HashSet.empty());

    assertThat(onlyReviews.decide(detractor(0, "terrible")).isEmpty()).isTrue();
    assertThat(onlyReviews.decide(review(1, 5, "")).flatMap(FollowUp::team))
        .containsExactly(new TeamId("care"));
  }

  @Test
  void theRulesOrderDoesNotChangeTheDecision() {
    FollowUpPolicy reversed = new FollowUpPolicy(STANDARD.rules().reverse(),
        STANDARD.urgentWords());
    QuickTheory.qt().withFixedSeed(20261123L).withExamples(200)
        .forAll(integers().between(0, 6), integers().between(1, 10))
        .checkAssert((score, stars) -> {
          assertThat(reversed.decide(detractor(score, "x")))
              .isEqualTo(STANDARD.decide(detractor(score, "x")));
          assertThat(reversed.decide(review(stars, 10, "")))
              .isEqualTo(STANDARD.decide(review(stars, 10, "")));
        });
  }

  @Test
  void aWorseScoreNeverGetsALowerPriority() {
    QuickTheory.qt().withFixedSeed(20261123L).withExamples(200)
        .forAll(integers().between(0, 6), integers().between(0, 6))
        .checkAssert((a, b) -> {
          Option<FollowUp> worse = STANDARD.decide(detractor(Math.min(a, b), "ok"));
          Option<FollowUp> better = STANDARD.decide(detractor(Math.max(a, b), "ok"));
          assertThat(worse.isDefined()).isTrue();
          better.forEach(other ->
              assertThat(worse.get().priority()).isGreaterThanOrEqualTo(other.priority()));
        });
  }

  @Test
  void anInconsistentPolicyReportsEveryProblem() {
    var rules = List.of(
        new FollowUpRule(NegativeSignal.Kind.DETRACTOR, Percentage.ofPercent(30), Priority.LOW,
            TicketCategory.COMPLAINT, Option.none()),
        new FollowUpRule(NegativeSignal.Kind.DETRACTOR, Percentage.ofPercent(60), Priority.HIGH,
            TicketCategory.COMPLAINT, Option.none()),
        new FollowUpRule(NegativeSignal.Kind.DETRACTOR, Percentage.ofPercent(60), Priority.HIGH,
            TicketCategory.COMPLAINT, Option.none()),
        new FollowUpRule(NegativeSignal.Kind.BAD_REVIEW, Percentage.ofPercent(120), Priority.HIGH,
            TicketCategory.COMPLAINT, Option.none()));

    var result = FollowUpPolicy.validated(rules, HashSet.of(" ", "x".repeat(51)));

    assertThat(result.getError().map(Violation::code)).containsExactlyInAnyOrder(
        "follow_up.rule.priority_inverted", "follow_up.rule.priority_inverted",
        "follow_up.rule.duplicate_threshold", "follow_up.rule.threshold_out_of_range",
        "follow_up.word.blank", "follow_up.word.too_long");
    assertThat(result.getError().map(Violation::field)).contains("rules[1].priority",
        "rules[2].atOrBelow", "rules[3].atOrBelow", "urgentWords");
    assertThatThrownBy(() -> new FollowUpPolicy(rules, HashSet.empty()))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void signalsRefuseScoresOutsideTheirScale() {
    assertThatThrownBy(() -> detractor(7, null)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("follow_up.signal.not_detractor");
    assertThatThrownBy(() -> review(6, 5, "")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("follow_up.signal.rating_out_of_range");
    assertThatThrownBy(() -> review(1, 1, "")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("follow_up.signal.scale_invalid");
  }
}
