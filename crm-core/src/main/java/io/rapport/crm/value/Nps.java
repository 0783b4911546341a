package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Computes the Net Promoter Score of answers on the 0 to 10 "how likely are you to recommend"
 * scale: promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6, and the score is the
 * percentage of promoters minus the percentage of detractors, from −100 to 100. Immutable and
 * thread-safe.
 *
 * <p>The base of the percentages is {@link #base()}: every scored answer, plus the non-answers
 * when the policy is {@link NonAnswerPolicy#COUNT_AS_PASSIVE}. Intervals and the two-period
 * test use the adjusted-Wald method (Sauro and Lewis, MeasuringU 2021; Rocks, The American
 * Statistician 2016): add ¾ of a response to the promoters and ¾ to the detractors, 3 to the
 * base, then use the variance of a difference of two proportions of one multinomial sample.
 *
 * @param promoters the answers of 9 or 10, ≥ 0
 * @param passives the answers of 7 or 8, ≥ 0 (non-answers not included)
 * @param detractors the answers of 0 to 6, ≥ 0
 * @param nonAnswers the invitations left unanswered, ≥ 0
 * @param policy how non-answers count
 */
public record Nps(int promoters, int passives, int detractors, int nonAnswers,
    NonAnswerPolicy policy) {

  /** The lowest score on the NPS scale. */
  public static final int MIN_SCORE = 0;

  /** The highest score on the NPS scale. */
  public static final int MAX_SCORE = 10;

  /** The lowest promoter score. */
  public static final int PROMOTER_FROM = 9;

  /** The lowest passive score; below it a detractor. */
  public static final int PASSIVE_FROM = 7;

  /** The key under which {@link #bySegment} reports answers without a segment. */
  public static final String UNSEGMENTED = "";

  private static final double ADDED_EACH = 0.75;
  private static final double ADDED_BASE = 3.0;

  /**
   * Checks the counts.
   *
   * @throws NullPointerException if the policy is null
   * @throws InvalidValueException with every broken rule: {@code value.survey.count_negative}
   *     (the negative count), {@code value.survey.no_answers} (answers: the base is 0)
   */
  public Nps {
    requireNonNull(policy, "policy");
    InvalidValueException.valueOrThrow(check(promoters, passives, detractors, nonAnswers, policy));
  }

  /**
   * Returns the NPS of counts, counting non-answers by nothing (there are none).
   *
   * @param promoters the number of promoters
   * @param passives the number of passives
   * @param detractors the number of detractors
   * @return the NPS
   * @throws InvalidValueException as the constructor
   */
  public static Nps ofCounts(int promoters, int passives, int detractors) {
    return new Nps(promoters, passives, detractors, 0, NonAnswerPolicy.EXCLUDE);
  }

  /**
   * Validates outside counts into an NPS.
   *
   * @param promoters the number of promoters
   * @param passives the number of passives
   * @param detractors the number of detractors
   * @param nonAnswers the number of non-answers
   * @param policy how non-answers count
   * @return the NPS, or every violation the constructor names
   */
  public static Validation<Seq<Violation>, Nps> validated(int promoters, int passives,
      int detractors, int nonAnswers, NonAnswerPolicy policy) {
    requireNonNull(policy, "policy");
    return check(promoters, passives, detractors, nonAnswers, policy)
        .map(ok -> new Nps(promoters, passives, detractors, nonAnswers, policy));
  }

  /**
   * Returns the NPS of answers, leaving non-answers out ({@link NonAnswerPolicy#EXCLUDE}).
   *
   * @param answers the answers
   * @return the NPS
   * @throws InvalidValueException if a score lies outside 0 to 10 (every such answer, code
   *     {@code value.survey.score_out_of_scale}, field {@code answers[i].score}), or there is no
   *     counted answer ({@code value.survey.no_answers})
   */
  public static Nps of(SurveyAnswers answers) {
    return of(answers, NonAnswerPolicy.EXCLUDE);
  }

  /**
   * Returns the NPS of answers, counting non-answers by a policy.
   *
   * @param answers the answers
   * @param policy how non-answers count
   * @return the NPS
   * @throws InvalidValueException if a score lies outside 0 to 10 (every such answer, code
   *     {@code value.survey.score_out_of_scale}, field {@code answers[i].score}), or there is no
   *     counted answer ({@code value.survey.no_answers})
   */
  public static Nps of(SurveyAnswers answers, NonAnswerPolicy policy) {
    requireNonNull(answers, "answers");
    requireNonNull(policy, "policy");
    int[] scores = answers.scores();
    int promoters = 0;
    int passives = 0;
    int skipped = 0;
    int scored = 0;
    boolean offScale = false;
    // Counted without branches on the score: survey answers come in no predictable order.
    for (int score : scores) {
      int isSkipped = score == SurveyAnswers.NO_SCORE ? 1 : 0;
      skipped += isSkipped;
      scored += 1 - isSkipped;
      promoters += score >= PROMOTER_FROM ? 1 : 0;
      passives += score >= PASSIVE_FROM && score < PROMOTER_FROM ? 1 : 0;
      offScale |= score > MAX_SCORE || (score < MIN_SCORE && isSkipped == 0);
    }
    int detractors = scored - promoters - passives;
    if (offScale) {
      answers.requireOnScale(MIN_SCORE, MAX_SCORE, "0 to 10");
    }
    if (!hasBase(promoters + passives + detractors, skipped, policy)) {
      throw SurveyStats.noAnswersException("An NPS");
    }
    return new Nps(promoters, passives, detractors, skipped, policy);
  }

  /**
   * Returns the NPS of each segment, keyed by segment name in order; answers without a segment
   * are under {@link #UNSEGMENTED}. A segment with no counted answer (only non-answers, under
   * {@link NonAnswerPolicy#EXCLUDE}) is left out.
   *
   * @param answers the answers
   * @param policy how non-answers count
   * @return the NPS by segment; the counts of all segments add up to the counts of all answers
   * @throws InvalidValueException if a score lies outside 0 to 10 (every such answer)
   */
  public static SortedMap<String, Nps> bySegment(SurveyAnswers answers, NonAnswerPolicy policy) {
    requireNonNull(answers, "answers");
    requireNonNull(policy, "policy");
    answers.requireOnScale(MIN_SCORE, MAX_SCORE, "0 to 10");
    java.util.TreeMap<String, int[]> counts = new java.util.TreeMap<>();
    int[] scores = answers.scores();
    String[] segments = answers.segments();
    for (int i = 0; i < scores.length; i++) {
      String key = segments[i] == null ? UNSEGMENTED : segments[i];
      tally(counts.computeIfAbsent(key, k -> new int[4]), scores[i]);
    }
    return collect(counts, policy, TreeMap.empty());
  }

  /**
   * Returns the NPS of each calendar period that has counted answers, in time order, the period
   * of an answer being read from its time in a zone.
   *
   * @param answers the answers
   * @param period month or quarter
   * @param zone the zone in which periods begin
   * @param policy how non-answers count
   * @return one point per period with counted answers, earliest first
   * @throws InvalidValueException if a score lies outside 0 to 10 (every such answer)
   */
  public static Seq<NpsTrendPoint> trend(SurveyAnswers answers, TrendPeriod period, ZoneId zone,
      NonAnswerPolicy policy) {
    requireNonNull(answers, "answers");
    requireNonNull(period, "period");
    requireNonNull(zone, "zone");
    requireNonNull(policy, "policy");
    answers.requireOnScale(MIN_SCORE, MAX_SCORE, "0 to 10");
    java.util.TreeMap<LocalDate, int[]> counts = new java.util.TreeMap<>();
    int[] scores = answers.scores();
    Instant[] times = answers.times();
    for (int i = 0; i < scores.length; i++) {
      LocalDate start = period.startOf(LocalDate.ofInstant(times[i], zone));
      tally(counts.computeIfAbsent(start, k -> new int[4]), scores[i]);
    }
    return collect(counts, policy, TreeMap.<LocalDate, Nps>empty())
        .map(entry -> new NpsTrendPoint(entry._1, entry._2)).toVector();
  }

  /**
   * Returns the number of answers the percentages are taken of: promoters, passives and
   * detractors, plus the non-answers under {@link NonAnswerPolicy#COUNT_AS_PASSIVE}.
   *
   * @return the base, ≥ 1
   */
  public int base() {
    return promoters + passives + detractors
        + (policy == NonAnswerPolicy.COUNT_AS_PASSIVE ? nonAnswers : 0);
  }

  /**
   * Returns the score: the percentage of promoters minus the percentage of detractors.
   *
   * @return the NPS, in [−100, 100]
   */
  public double score() {
    return 100.0 * (promoters - detractors) / base();
  }

  /**
   * Returns the adjusted NPS the interval is centred on: {@code (P + ¾ − D − ¾) / (n + 3)}, in
   * points.
   *
   * @return the adjusted score, in (−100, 100)
   */
  public double adjustedScore() {
    double n = base() + ADDED_BASE;
    return 100.0 * (promoters - detractors) / n;
  }

  /**
   * Returns the adjusted-Wald standard error in NPS points:
   * {@code 100 × √((p + d − (p − d)²) / (n + 3))} with {@code p = (P + ¾)/(n + 3)} and
   * {@code d = (D + ¾)/(n + 3)}.
   *
   * @return the standard error, > 0
   */
  public double standardError() {
    return 100.0 * Math.sqrt(adjustedVariance());
  }

  /**
   * Returns the adjusted-Wald confidence interval: the adjusted score ± z × standard error,
   * clipped to [−100, 100] and, if needed, widened to contain the observed score (see
   * {@link ScoreInterval}).
   *
   * @param confidence the confidence level, such as 0.95, strictly between 0 and 1
   * @return the interval, in NPS points
   * @throws InvalidValueException if the confidence is not strictly between 0 and 1
   *     ({@code value.survey.confidence_out_of_range}, field {@code confidence})
   */
  public ScoreInterval interval(double confidence) {
    double margin = SurveyStats.zFor(confidence) * standardError();
    return ScoreInterval.of(score(), adjustedScore(), margin, confidence, -100, 100);
  }

  /**
   * Tests whether this NPS differs from an earlier (or other) one by more than sampling error,
   * with the adjusted-Wald z-test: {@code z = (NPS₁ − NPS₂) / √(Var₁ + Var₂)} on the adjusted
   * scores and variances, two-sided.
   *
   * @param earlier the NPS to compare with
   * @return the difference {@code this − earlier} with its test
   */
  public NpsComparison differenceFrom(Nps earlier) {
    requireNonNull(earlier, "earlier");
    double standardError = 100.0 * Math.sqrt(adjustedVariance() + earlier.adjustedVariance());
    double adjusted = adjustedScore() - earlier.adjustedScore();
    double z = adjusted / standardError;
    return new NpsComparison(score() - earlier.score(), adjusted, standardError, z,
        SurveyStats.twoSidedP(z));
  }

  /**
   * Returns the counts of this NPS and another added together (one survey of both sets of
   * answers).
   *
   * @param other the other NPS, under the same policy
   * @return the combined NPS
   * @throws InvalidValueException if the policies differ ({@code value.survey.policy_mismatch},
   *     field {@code policy})
   */
  public Nps plus(Nps other) {
    requireNonNull(other, "other");
    if (other.policy != policy) {
      throw new InvalidValueException(List.of(Violation.of("value.survey.policy_mismatch",
          "policy", "Both results count non-answers the same way, but got " + policy + " and "
              + other.policy)));
    }
    return new Nps(promoters + other.promoters, passives + other.passives,
        detractors + other.detractors, nonAnswers + other.nonAnswers, policy);
  }

  private double adjustedVariance() {
    double n = base() + ADDED_BASE;
    double p = (promoters + ADDED_EACH) / n;
    double d = (detractors + ADDED_EACH) / n;
    return (p + d - (p - d) * (p - d)) / n;
  }

  private static void tally(int[] counts, int score) {
    if (score >= PROMOTER_FROM) {
      counts[0]++;
    } else if (score >= PASSIVE_FROM) {
      counts[1]++;
    } else if (score == SurveyAnswers.NO_SCORE) {
      counts[3]++;
    } else {
      counts[2]++;
    }
  }

  private static <K extends Comparable<? super K>> SortedMap<K, Nps> collect(
      java.util.TreeMap<K, int[]> counts, NonAnswerPolicy policy, SortedMap<K, Nps> empty) {
    SortedMap<K, Nps> result = empty;
    for (java.util.Map.Entry<K, int[]> entry : counts.entrySet()) {
      int[] c = entry.getValue();
      if (hasBase(c[0] + c[1] + c[2], c[3], policy)) {
        result = result.put(entry.getKey(), new Nps(c[0], c[1], c[2], c[3], policy));
      }
    }
    return result;
  }

  private static boolean hasBase(int scored, int skipped, NonAnswerPolicy policy) {
    return scored > 0 || (policy == NonAnswerPolicy.COUNT_AS_PASSIVE && skipped > 0);
  }

  private static Validation<Seq<Violation>, Boolean> check(int promoters, int passives,
      int detractors, int nonAnswers, NonAnswerPolicy policy) {
    List<Violation> problems = List.empty();
    int[] values = {promoters, passives, detractors, nonAnswers};
    String[] names = {"promoters", "passives", "detractors", "nonAnswers"};
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        problems = problems.append(Violation.of("value.survey.count_negative", names[i],
            "A count is at least 0, but got " + values[i]));
      }
    }
    if (problems.isEmpty()
        && !hasBase(promoters + passives + detractors, nonAnswers, policy)) {
      problems = problems.append(Violation.of("value.survey.no_answers", "answers",
          "An NPS needs at least one counted answer, but there is none"));
    }
    return problems.isEmpty() ? Validation.valid(Boolean.TRUE) : Validation.invalid(problems);
  }

}
