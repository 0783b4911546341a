package io.rapport.crm.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** The usefulness of an article: the Wilson lower bound of its helpful votes. */
class ArticleFeedbackTest {

  static final double Z = 1.959963984540054;

  @Test
  void isZeroWithoutVotesOrWithoutHelpfulOnes() {
    assertThat(ArticleFeedback.NONE.usefulness()).isZero();
    assertThat(new ArticleFeedback(0, 7).usefulness()).isZero();
  }

  @Test
  void matchesHandComputedValues() {
    // All helpful: p = 1, so the bound is n / (n + z²).
    assertThat(new ArticleFeedback(1, 0).usefulness()).isCloseTo(1 / (1 + Z * Z), within(1e-12));
    assertThat(new ArticleFeedback(1, 0).usefulness()).isCloseTo(0.2065493, within(1e-7));
    assertThat(new ArticleFeedback(5, 0).usefulness()).isCloseTo(5 / (5 + Z * Z), within(1e-12));
    // Half helpful, n = 100: (0.5 + z²/200 − z·√(0.0025 + z²/40000)) / (1 + z²/100).
    assertThat(new ArticleFeedback(50, 50).usefulness()).isCloseTo(0.4038315, within(1e-7));
    assertThat(new ArticleFeedback(8, 2).usefulness()).isCloseTo(0.4901625, within(1e-7));
    assertThat(new ArticleFeedback(19, 1).usefulness()).isCloseTo(0.7638688, within(1e-7));
    assertThat(new ArticleFeedback(95, 5).usefulness()).isCloseTo(0.8882495, within(1e-7));
  }

  @Test
  void prefersMoreEvidenceForTheSameShare() {
    assertThat(new ArticleFeedback(95, 5).usefulness())
        .isGreaterThan(new ArticleFeedback(19, 1).usefulness())
        .isGreaterThan(new ArticleFeedback(1, 0).usefulness());
  }

  @Test
  void staysBelowTheShareAndGrowsWithHelpfulVotes() {
    ArticleFixtures.qt().forAll(integers().between(0, 10_000), integers().between(0, 10_000))
        .checkAssert((helpful, notHelpful) -> {
          ArticleFeedback feedback = new ArticleFeedback(helpful, notHelpful);
          double bound = feedback.usefulness();
          assertThat(bound).isBetween(0.0, 1.0);
          if (feedback.total() > 0) {
            assertThat(bound).isLessThanOrEqualTo((double) helpful / feedback.total());
          }
          assertThat(feedback.plus(true).usefulness()).isGreaterThanOrEqualTo(bound);
          assertThat(feedback.plus(false).usefulness()).isLessThanOrEqualTo(bound);
        });
  }
}
