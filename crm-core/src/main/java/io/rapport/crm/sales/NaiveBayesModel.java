package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Scores leads by what won and lost history says about their features: a naive Bayes model over
 * categorical {@link ScoringFeatures}, learned by {@link #train counting}. Immutable and
 * thread-safe.
 *
 * <p>The score works in log space: the log odds of winning are the prior
 * {@code log(won / lost)} plus, for each feature, the log-likelihood ratio
 * {@code log P(value | won) - log P(value | lost)}; the probability of winning is the logistic of
 * the log odds, and the score is {@code 100 * P(won)} rounded half up. Likelihoods are Laplace
 * smoothed with {@code alpha} (1 by default): {@code P(value | won) = (count + alpha) / (won +
 * alpha * outcomes)}, where {@code outcomes} is the number of values seen for the feature plus one
 * for values never seen, so a value never seen in training gets a small likelihood and no
 * division by zero. The explanation shows the prior with its counts and each feature's value with
 * both likelihoods as fractions of counts, and each contribution's effect; the effects add up to
 * the log odds. Everything uses {@link StrictMath}, so a score is the same on every machine.
 *
 * <p>With {@code alpha <= 1}, adding a won example with a lead's exact features never lowers that
 * lead's score. The model is its counts: {@link #restore} rebuilds a stored model.
 *
 * <pre>{@code
 * NaiveBayesModel model = NaiveBayesModel.train(history, ScoringFeatures.standard())
 *     .getOrElseThrow(InvalidValueException::new);
 * LeadScore score = model.score(lead, LocalDate.of(2026, 3, 1));
 * }</pre>
 *
 * @param features the features the model reads
 * @param alpha the Laplace smoothing pseudo-count, positive and finite
 * @param won how many won examples it learned from, positive
 * @param lost how many lost examples it learned from, positive
 * @param counts for each feature, in the order of the features, how often each value came with
 *     won and with lost examples
 */
public record NaiveBayesModel(ScoringFeatures features, double alpha, int won, int lost,
    Seq<NaiveBayesCounts> counts) implements LeadScorer {

  /** The name of this model in a {@link LeadScore}. */
  public static final String MODEL = "naive-bayes";

  /** The smoothing used unless one is given: add-one (Laplace) smoothing. */
  public static final double LAPLACE = 1.0;

  /** The fewest examples training accepts: one won and one lost. */
  public static final int MIN_EXAMPLES = 2;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated} reports
   */
  public NaiveBayesModel {
    requireNonNull(features, "features");
    requireNonNull(counts, "counts");
    counts.forEach(each -> requireNonNull(each, "counts element"));
    ScoringText.throwIfAny(problems(features, alpha, won, lost, counts));
  }

  /**
   * Learns a model with Laplace smoothing ({@code alpha = 1}) from at least
   * {@value #MIN_EXAMPLES} examples.
   *
   * @param examples the won and lost leads
   * @param features the features to read
   * @return the model, or the violations that {@link #train(Seq, ScoringFeatures, double, int)}
   *     reports
   * @throws NullPointerException if an argument or example is null
   */
  public static Validation<Seq<Violation>, NaiveBayesModel> train(Seq<TrainingExample> examples,
      ScoringFeatures features) {
    return train(examples, features, LAPLACE, MIN_EXAMPLES);
  }

  /**
   * Learns a model with a given smoothing from at least {@value #MIN_EXAMPLES} examples.
   *
   * @param examples the won and lost leads
   * @param features the features to read
   * @param alpha the smoothing pseudo-count, positive
   * @return the model, or the violations that {@link #train(Seq, ScoringFeatures, double, int)}
   *     reports
   * @throws NullPointerException if an argument or example is null
   */
  public static Validation<Seq<Violation>, NaiveBayesModel> train(Seq<TrainingExample> examples,
      ScoringFeatures features, double alpha) {
    return train(examples, features, alpha, MIN_EXAMPLES);
  }

  /**
   * Learns a model by counting, for each feature, how often each value came with won and with
   * lost examples. Every problem is reported at once.
   *
   * @param examples the won and lost leads
   * @param features the features to read
   * @param alpha the smoothing pseudo-count, positive
   * @param minimumExamples the fewest examples to accept; below {@value #MIN_EXAMPLES} counts as
   *     {@value #MIN_EXAMPLES}
   * @return the model, or every violation: {@code scoring.training.too_few} (fewer examples than
   *     the minimum), {@code scoring.training.one_class} (examples, but no won or no lost one) and
   *     {@code scoring.training.alpha.not_positive}
   * @throws NullPointerException if an argument or example is null
   */
  public static Validation<Seq<Violation>, NaiveBayesModel> train(Seq<TrainingExample> examples,
      ScoringFeatures features, double alpha, int minimumExamples) {
    requireNonNull(examples, "examples");
    requireNonNull(features, "features");
    examples.forEach(example -> requireNonNull(example, "examples element"));
    int wonCount = examples.count(TrainingExample::won);
    int lostCount = examples.size() - wonCount;
    int minimum = Math.max(MIN_EXAMPLES, minimumExamples);
    List<Violation> problems = List.empty();
    if (examples.size() < minimum) {
      problems = problems.append(Violation.of("scoring.training.too_few", "examples",
          "Training needs at least " + minimum + " examples, but got " + examples.size()));
    }
    if (!examples.isEmpty() && (wonCount == 0 || lostCount == 0)) {
      problems = problems.append(Violation.of("scoring.training.one_class", "examples",
          "Training needs won and lost examples, but got " + wonCount + " won and " + lostCount
              + " lost"));
    }
    if (!validAlpha(alpha)) {
      problems = problems.append(Violation.of("scoring.training.alpha.not_positive", "alpha",
          "The smoothing is a positive number, but got " + alpha));
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    java.util.List<java.util.SortedMap<String, Integer>> wonTallies = new java.util.ArrayList<>();
    java.util.List<java.util.SortedMap<String, Integer>> lostTallies = new java.util.ArrayList<>();
    for (int i = 0; i < features.features().size(); i++) {
      wonTallies.add(new java.util.TreeMap<>());
      lostTallies.add(new java.util.TreeMap<>());
    }
    for (TrainingExample example : examples) {
      java.util.List<java.util.SortedMap<String, Integer>> tallies =
          example.won() ? wonTallies : lostTallies;
      int i = 0;
      for (String value : features.valuesOf(example.lead())) {
        tallies.get(i++).merge(value, 1, Integer::sum);
      }
    }
    Seq<String> names = features.names();
    Seq<NaiveBayesCounts> learned = List.range(0, names.size()).map(i -> new NaiveBayesCounts(
        names.get(i), TreeMap.ofAll(wonTallies.get(i)), TreeMap.ofAll(lostTallies.get(i))));
    return Validation.valid(new NaiveBayesModel(features, alpha, wonCount, lostCount, learned));
  }

  /**
   * Rebuilds a stored model from its counts.
   *
   * @param features the features the model reads
   * @param alpha the smoothing pseudo-count
   * @param won how many won examples it learned from
   * @param lost how many lost examples it learned from
   * @param counts each feature's counts, in the order of the features
   * @return the model
   * @throws NullPointerException if an argument or element is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation that
   *     {@link #validated} reports
   */
  public static NaiveBayesModel restore(ScoringFeatures features, double alpha, int won, int lost,
      Seq<NaiveBayesCounts> counts) {
    return new NaiveBayesModel(features, alpha, won, lost, counts);
  }

  /**
   * Validates a stored model loaded from outside, reporting every problem at once.
   *
   * @param features the features the model reads
   * @param alpha the smoothing pseudo-count
   * @param won how many won examples it learned from
   * @param lost how many lost examples it learned from
   * @param counts each feature's counts, in the order of the features
   * @return the model, or every violation: {@code scoring.model.alpha.not_positive},
   *     {@code scoring.model.won.not_positive}, {@code scoring.model.lost.not_positive},
   *     {@code scoring.model.counts.features_mismatch} (counts missing, extra or under another
   *     feature's name), {@code scoring.model.counts.value.blank},
   *     {@code scoring.model.counts.not_positive} and {@code scoring.model.counts.sum_mismatch}
   *     (a feature's counts do not add up to the examples)
   * @throws NullPointerException if an argument or element is null
   */
  public static Validation<Seq<Violation>, NaiveBayesModel> validated(ScoringFeatures features,
      double alpha, int won, int lost, Seq<NaiveBayesCounts> counts) {
    requireNonNull(features, "features");
    requireNonNull(counts, "counts");
    counts.forEach(each -> requireNonNull(each, "counts element"));
    Seq<Violation> problems = problems(features, alpha, won, lost, counts);
    return problems.isEmpty()
        ? Validation.valid(new NaiveBayesModel(features, alpha, won, lost, counts))
        : Validation.invalid(problems);
  }

  /**
   * Scores a lead: {@code 100 * P(won)} rounded half up, with the prior and every feature's
   * evidence as contributions.
   *
   * @param lead the lead
   * @param asOf the day to score on; the features do not depend on it
   * @return the score
   * @throws NullPointerException if an argument is null
   */
  @Override
  public LeadScore score(Lead lead, LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    Seq<ScoreContribution> contributions = contributions(lead);
    double logOdds = LeadScore.sum(contributions);
    double probability = logistic(logOdds);
    int value = BigDecimal.valueOf(100 * probability).setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
    String summary = "log odds " + ScoringText.signed(logOdds) + " from the prior and "
        + features.features().size() + (features.features().size() == 1 ? " feature" : " features")
        + ", P(won) = 1/(1+e^-logodds) = " + ScoringText.decimal(probability) + "; learned from "
        + won + " won and " + lost + " lost examples, alpha " + ScoringText.plain(alpha);
    return new LeadScore(value, MODEL, asOf, summary, contributions);
  }

  /**
   * Returns the log odds of winning a lead: the sum of the effects of its score's contributions.
   *
   * @param lead the lead
   * @return the log odds, finite
   * @throws NullPointerException if lead is null
   */
  public double logOdds(Lead lead) {
    return LeadScore.sum(contributions(lead));
  }

  /**
   * Returns the probability of winning a lead, unrounded: the logistic of its log odds.
   *
   * @param lead the lead
   * @return the probability, from 0 to 1
   * @throws NullPointerException if lead is null
   */
  public double winProbability(Lead lead) {
    return logistic(logOdds(lead));
  }

  private Seq<ScoreContribution> contributions(Lead lead) {
    requireNonNull(lead, "lead");
    Seq<String> values = features.valuesOf(lead);
    Seq<ScoreContribution> evidence = counts.zip(values).map(pair -> {
      NaiveBayesCounts tally = pair._1;
      String value = pair._2;
      return new ScoreContribution.FeatureEvidence(tally.feature(), value, tally.wonWith(value),
          won, tally.lostWith(value), lost, alpha, tally.outcomes());
    });
    return List.<ScoreContribution>of(new ScoreContribution.PriorOdds(won, lost))
        .appendAll(evidence);
  }

  private static double logistic(double logOdds) {
    if (logOdds >= 0) {
      return 1 / (1 + StrictMath.exp(-logOdds));
    }
    double odds = StrictMath.exp(logOdds);
    return odds / (1 + odds);
  }

  private static boolean validAlpha(double alpha) {
    return alpha > 0 && !Double.isInfinite(alpha);
  }

  private static Seq<Violation> problems(ScoringFeatures features, double alpha, int won, int lost,
      Seq<NaiveBayesCounts> counts) {
    List<Violation> problems = List.empty();
    if (!validAlpha(alpha)) {
      problems = problems.append(Violation.of("scoring.model.alpha.not_positive", "alpha",
          "The smoothing is a positive number, but got " + alpha));
    }
    if (won <= 0) {
      problems = problems.append(Violation.of("scoring.model.won.not_positive", "won",
          "A model learned from won examples, but got " + won));
    }
    if (lost <= 0) {
      problems = problems.append(Violation.of("scoring.model.lost.not_positive", "lost",
          "A model learned from lost examples, but got " + lost));
    }
    Seq<String> names = features.names();
    if (!counts.map(NaiveBayesCounts::feature).toList().equals(names.toList())) {
      problems = problems.append(Violation.of("scoring.model.counts.features_mismatch", "counts",
          "Counts are given for each feature in order " + ScoringText.list(names) + ", but got "
              + ScoringText.list(counts.map(NaiveBayesCounts::feature))));
    }
    for (int i = 0; i < counts.size(); i++) {
      NaiveBayesCounts tally = counts.get(i);
      String field = "counts[" + i + "]";
      if (tally.values().exists(String::isBlank)) {
        problems = problems.append(Violation.of("scoring.model.counts.value.blank", field,
            "A counted value is not blank"));
      }
      if (tally.won().values().exists(count -> count <= 0)
          || tally.lost().values().exists(count -> count <= 0)) {
        problems = problems.append(Violation.of("scoring.model.counts.not_positive", field,
            "A counted value was seen at least once; leave out values never seen"));
      }
      long wonSum = tally.won().values().map(Integer::longValue).sum().longValue();
      long lostSum = tally.lost().values().map(Integer::longValue).sum().longValue();
      if (wonSum != won || lostSum != lost) {
        problems = problems.append(Violation.of("scoring.model.counts.sum_mismatch", field,
            "Every example has one value of " + ScoringText.quote(tally.feature()) + ", so its"
                + " counts add up to " + won + " won and " + lost + " lost, but they add up to "
                + wonSum + " and " + lostSum));
      }
    }
    return problems;
  }
}
