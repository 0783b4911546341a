package io.rapport.crm.sales;

import static io.rapport.crm.sales.ScoringLeads.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class LeadScoreTest {

  @Test
  void refusesAValueOutsideZeroToOneHundredAndABlankModelTogether() {
    assertThatThrownBy(() -> new LeadScore(101, " ", AS_OF, "", List.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, thrown -> assertThat(
            thrown.violations().map(Violation::code)).containsExactly(
            "scoring.score.out_of_range", "scoring.score.model.blank"));
  }

  @Test
  void explainsWithAHeadlineAndOneLinePerContribution() {
    LeadScore score = new LeadScore(35, PointsModel.MODEL, AS_OF, "base 20 and +15",
        List.of(new ScoreContribution.BasePoints(20), new ScoreContribution.RuleOutcome("web",
            "source channel is one of [web]", 15, true, "channel is web")));

    assertThat(score.explain()).isEqualTo("Score 35/100 by the points model as of 2026-03-01:"
        + " base 20 and +15\n  +20  base score\n  +15  rule web (+15 if source channel is one of"
        + " [web]): matched, channel is web");
    assertThat(score.total()).isEqualTo(35.0);
  }
}
