package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;

/**
 * Explains one part of a {@link LeadScore}: a points model's base, each of its rules (matched or
 * not) and the clamping to 0..100; a naive Bayes model's prior odds and each feature's likelihoods.
 * Every contribution has an {@link #effect()}: what it added, in points or in log odds, so the
 * effects of a score's contributions {@linkplain LeadScore#total() add up} to the points (for the
 * points model, the value itself) or to the log odds of winning (for naive Bayes).
 */
public sealed interface ScoreContribution permits ScoreContribution.BasePoints,
    ScoreContribution.RuleOutcome, ScoreContribution.Clamping, ScoreContribution.PriorOdds,
    ScoreContribution.FeatureEvidence {

  /**
   * Returns the code of what contributed: {@code base}, a rule's code, {@code clamp},
   * {@code prior} or a feature's name.
   */
  String code();

  /** Returns what this part added: points for the points model, log odds for naive Bayes. */
  double effect();

  /**
   * Describes the contribution in one line: its effect first, then what it is and what was found,
   * such as {@code +15  rule decision-maker: the contact is the decision maker; matched, the
   * contact decides the purchase}.
   *
   * @return the line, without a line break
   */
  String line();

  /**
   * Counts the points a points model starts from. Immutable and thread-safe.
   *
   * @param points the base points
   */
  record BasePoints(int points) implements ScoreContribution {

    @Override
    public String code() {
      return "base";
    }

    @Override
    public double effect() {
      return points;
    }

    @Override
    public String line() {
      return ScoringText.signed(points) + "  base score";
    }
  }

  /**
   * Tells the outcome of one rule of a points model: it gives its points when its condition
   * matched, none otherwise. Immutable and thread-safe.
   *
   * @param rule the rule's code
   * @param condition the rule's condition in words
   * @param points the points the rule gives when it matches
   * @param matched whether the condition matched
   * @param finding what was found on the lead, in words
   */
  record RuleOutcome(String rule, String condition, int points, boolean matched, String finding)
      implements ScoreContribution {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public RuleOutcome {
      requireNonNull(rule, "rule");
      requireNonNull(condition, "condition");
      requireNonNull(finding, "finding");
    }

    /** Returns the points given: the rule's points when matched, otherwise zero. */
    public int awarded() {
      return matched ? points : 0;
    }

    @Override
    public String code() {
      return rule;
    }

    @Override
    public double effect() {
      return awarded();
    }

    @Override
    public String line() {
      return ScoringText.signed(awarded()) + "  rule " + rule + " (" + ScoringText.signed(points)
          + " if " + condition + "): " + (matched ? "matched, " : "not matched, ") + finding;
    }
  }

  /**
   * Brings points outside 0..100 back into range. Immutable and thread-safe.
   *
   * @param unclamped the points before clamping
   * @param value the score after clamping: 0 or 100
   */
  record Clamping(int unclamped, int value) implements ScoreContribution {

    @Override
    public String code() {
      return "clamp";
    }

    @Override
    public double effect() {
      return (double) value - unclamped;
    }

    @Override
    public String line() {
      return ScoringText.signed(value - unclamped) + "  clamped to " + value
          + ": the points added up to " + unclamped + ", outside 0..100";
    }
  }

  /**
   * Gives the prior odds of winning that a naive Bayes model learned: how many training examples
   * were won and lost; its effect is {@code log(won / lost)}. Immutable and thread-safe.
   *
   * @param won the won examples, positive
   * @param lost the lost examples, positive
   */
  record PriorOdds(int won, int lost) implements ScoreContribution {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException if a count is not positive
     *     ({@code scoring.contribution.counts.invalid})
     */
    public PriorOdds {
      if (won <= 0 || lost <= 0) {
        throw new InvalidValueException(List.of(Violation.of("scoring.contribution.counts.invalid",
            "prior", "Prior odds need won and lost examples, but got " + won + " won and " + lost
                + " lost")));
      }
    }

    @Override
    public String code() {
      return "prior";
    }

    @Override
    public double effect() {
      return StrictMath.log((double) won / lost);
    }

    @Override
    public String line() {
      return ScoringText.signed(effect()) + "  prior: " + won + " won and " + lost
          + " lost examples, log(" + won + "/" + lost + ")";
    }
  }

  /**
   * Tells what one feature of a lead says to a naive Bayes model: the lead's value and how often
   * that value came with won and with lost examples. The likelihoods are Laplace smoothed:
   * {@code P(value | won) = (wonWithValue + alpha) / (won + alpha * outcomes)}, where
   * {@code outcomes} counts the values seen in training plus one for any unseen value, and likewise
   * for lost. Its effect is the log-likelihood ratio {@code log P(value | won) - log P(value |
   * lost)}. Immutable and thread-safe.
   *
   * @param feature the feature's name, such as {@code source.channel}
   * @param value the lead's value of the feature, such as {@code web}
   * @param wonWithValue how many won examples had the value
   * @param won how many won examples there were
   * @param lostWithValue how many lost examples had the value
   * @param lost how many lost examples there were
   * @param alpha the smoothing pseudo-count, positive
   * @param outcomes the values the feature can take: those seen in training plus one
   */
  record FeatureEvidence(String feature, String value, int wonWithValue, int won,
      int lostWithValue, int lost, double alpha, int outcomes) implements ScoreContribution {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the counts cannot come from training
     *     ({@code scoring.contribution.counts.invalid})
     */
    public FeatureEvidence {
      requireNonNull(feature, "feature");
      requireNonNull(value, "value");
      if (won <= 0 || lost <= 0 || wonWithValue < 0 || wonWithValue > won || lostWithValue < 0
          || lostWithValue > lost || outcomes < 1 || !(alpha > 0) || Double.isInfinite(alpha)) {
        throw new InvalidValueException(List.of(Violation.of("scoring.contribution.counts.invalid",
            feature, "Counts " + wonWithValue + "/" + won + " won, " + lostWithValue + "/" + lost
                + " lost, alpha " + alpha + " and " + outcomes + " outcomes cannot come from"
                + " training")));
      }
    }

    /** Returns the smoothed probability of the value among won examples. */
    public double wonLikelihood() {
      return (wonWithValue + alpha) / (won + alpha * outcomes);
    }

    /** Returns the smoothed probability of the value among lost examples. */
    public double lostLikelihood() {
      return (lostWithValue + alpha) / (lost + alpha * outcomes);
    }

    /** Tells whether training saw the value at all, won or lost. */
    public boolean seen() {
      return wonWithValue + lostWithValue > 0;
    }

    @Override
    public String code() {
      return feature;
    }

    @Override
    public double effect() {
      return StrictMath.log(wonLikelihood()) - StrictMath.log(lostLikelihood());
    }

    @Override
    public String line() {
      String smoothing = ScoringText.plain(alpha);
      String spread = alpha == 1.0 ? Integer.toString(outcomes)
          : smoothing + "*" + outcomes;
      return ScoringText.signed(effect()) + "  " + feature + " = " + value
          + (seen() ? "" : " (not seen in training, smoothed)") + ": P(" + value + " | won) = ("
          + wonWithValue + "+" + smoothing + ")/(" + won + "+" + spread + ") = "
          + ScoringText.decimal(wonLikelihood()) + ", P(" + value + " | lost) = (" + lostWithValue
          + "+" + smoothing + ")/(" + lost + "+" + spread + ") = "
          + ScoringText.decimal(lostLikelihood());
    }
  }
}
