package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Arrays;

/**
 * Holds many survey answers in columns (scores, segments, times), the form the survey
 * calculations scan: a million answers cost a few megabytes and a score is a pass over one
 * {@code int} array. Immutable and thread-safe.
 *
 * <p>Answers keep the order in which they were given; no calculation depends on that order.
 */
public final class SurveyAnswers {

  /** The score column's mark for a non-answer. */
  static final int NO_SCORE = Integer.MIN_VALUE;

  private final int[] scores;
  private final String[] segments;
  private final Instant[] times;

  private SurveyAnswers(int[] scores, String[] segments, Instant[] times) {
    this.scores = scores;
    this.segments = segments;
    this.times = times;
  }

  /**
   * Collects answers, in their order.
   *
   * @param answers the answers
   * @return the answers in columns
   * @throws NullPointerException if the answers or one of them is null
   */
  public static SurveyAnswers of(Iterable<SurveyAnswer> answers) {
    requireNonNull(answers, "answers");
    java.util.ArrayList<SurveyAnswer> list = new java.util.ArrayList<>();
    for (SurveyAnswer answer : answers) {
      list.add(requireNonNull(answer, "answer"));
    }
    int n = list.size();
    int[] scores = new int[n];
    String[] segments = new String[n];
    Instant[] times = new Instant[n];
    for (int i = 0; i < n; i++) {
      SurveyAnswer answer = list.get(i);
      scores[i] = answer.score().getOrElse(NO_SCORE);
      segments[i] = answer.segment().getOrNull();
      times[i] = answer.at();
    }
    return new SurveyAnswers(scores, segments, times);
  }

  /**
   * Collects answers without segments, all given at one time: the quick form for a single
   * survey wave.
   *
   * @param at when the answers were given
   * @param scores the scores
   * @return the answers in columns
   * @throws NullPointerException if an argument is null
   */
  public static SurveyAnswers ofScores(Instant at, int... scores) {
    requireNonNull(at, "at");
    requireNonNull(scores, "scores");
    Instant[] times = new Instant[scores.length];
    Arrays.fill(times, at);
    return new SurveyAnswers(scores.clone(), new String[scores.length], times);
  }

  /**
   * Returns the number of answers, non-answers included.
   *
   * @return the number of rows
   */
  public int size() {
    return scores.length;
  }

  /**
   * Returns answer {@code i} as a record.
   *
   * @param i the row, {@code 0 ≤ i < size()}
   * @return the answer
   * @throws IndexOutOfBoundsException if {@code i} is not a row
   */
  public SurveyAnswer answer(int i) {
    return new SurveyAnswer(scores[i] == NO_SCORE ? Option.none() : Option.some(scores[i]),
        Option.of(segments[i]), times[i]);
  }

  /**
   * Returns every answer as a record, in order.
   *
   * @return the answers
   */
  public Seq<SurveyAnswer> answers() {
    return Vector.range(0, size()).map(this::answer);
  }

  int[] scores() {
    return scores;
  }

  String[] segments() {
    return segments;
  }

  Instant[] times() {
    return times;
  }

  /** Throws every answer whose score lies outside {@code [min, max]}. */
  void requireOnScale(int min, int max, String scaleText) {
    List<Violation> problems = List.empty();
    for (int i = 0; i < scores.length; i++) {
      int score = scores[i];
      if (score != NO_SCORE && (score < min || score > max)) {
        problems = problems.prepend(Violation.of("value.survey.score_out_of_scale",
            "answers[" + i + "].score",
            "A score lies on the scale " + scaleText + ", but got " + score));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems.reverse());
    }
  }
}
