package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;

/**
 * Names customers' RFM segments by an ordered list of rules on score ranges: the first rule a
 * customer's scores match names their segment. The last rule must accept every score (a
 * catch-all), so every customer falls in exactly one segment. Immutable and thread-safe.
 *
 * <p>{@link #standard()} is the usual map on quintiles; teams write their own as data.
 */
public final class RfmSegments {

  private final int bins;
  private final Seq<RfmRule> rules;
  private final String[] names;
  /** Rule index for each cell {@code ((r − 1) × bins + f − 1) × bins + m − 1}. */
  private final int[] cells;

  private RfmSegments(int bins, Seq<RfmRule> rules) {
    this.bins = bins;
    this.rules = rules;
    this.names = rules.map(RfmRule::name).toJavaArray(String[]::new);
    this.cells = new int[bins * bins * bins];
    for (int r = 1; r <= bins; r++) {
      for (int f = 1; f <= bins; f++) {
        for (int m = 1; m <= bins; m++) {
          int index = 0;
          while (!rules.get(index).matches(r, f, m)) {
            index++;
          }
          cells[cell(r, f, m)] = index;
        }
      }
    }
  }

  /**
   * Returns the usual segment map on quintile scores (recency × frequency, with monetary
   * separating champions from loyal customers), first match wins:
   * champions (R 4–5, F 4–5, M 4–5), loyal customers (R 3–5, F 4–5), potential loyalists
   * (R 4–5, F 2–3), new customers (R 5, F 1), promising (R 4, F 1), need attention (R 3, F 3),
   * about to sleep (R 3, F 1–2), can't lose them (R 1, F 4–5), at risk (R 1–2, F 3–5),
   * hibernating (R 2, F 1–2), lost (everyone else: R 1, F 1–2).
   *
   * @return the standard map for 5 bins
   */
  public static RfmSegments standard() {
    int b = RfmScores.DEFAULT_BINS;
    return of(b, List.of(
        new RfmRule("champions", ScoreRange.of(4, 5), ScoreRange.of(4, 5), ScoreRange.of(4, 5)),
        RfmRule.of("loyal customers", ScoreRange.of(3, 5), ScoreRange.of(4, 5), b),
        RfmRule.of("potential loyalists", ScoreRange.of(4, 5), ScoreRange.of(2, 3), b),
        RfmRule.of("new customers", ScoreRange.exactly(5), ScoreRange.exactly(1), b),
        RfmRule.of("promising", ScoreRange.exactly(4), ScoreRange.exactly(1), b),
        RfmRule.of("need attention", ScoreRange.exactly(3), ScoreRange.exactly(3), b),
        RfmRule.of("about to sleep", ScoreRange.exactly(3), ScoreRange.of(1, 2), b),
        RfmRule.of("can't lose them", ScoreRange.exactly(1), ScoreRange.of(4, 5), b),
        RfmRule.of("at risk", ScoreRange.of(1, 2), ScoreRange.of(3, 5), b),
        RfmRule.of("hibernating", ScoreRange.exactly(2), ScoreRange.of(1, 2), b),
        RfmRule.catchAll("lost", b)));
  }

  /**
   * Builds a segment map, or throws with every problem.
   *
   * @param bins the number of bins of the scores it reads
   * @param rules the rules, first match wins, the last one a catch-all
   * @return the map
   * @throws InvalidValueException when the rules are invalid; see {@link #validated}
   */
  public static RfmSegments of(int bins, Seq<RfmRule> rules) {
    return InvalidValueException.valueOrThrow(validated(bins, rules));
  }

  /**
   * Validates a segment map, reporting every problem: {@code value.segment.bins_invalid}
   * (bins outside 2..100), {@code value.segment.name_blank}, {@code value.segment.name_duplicate},
   * {@code value.segment.range_invalid} (a range empty or outside 1..bins),
   * {@code value.segment.catch_all_not_last} (a rule after a catch-all could never match) and
   * {@code value.segment.no_catch_all} (the last rule does not accept every score, or there is no
   * rule). Fields are named {@code rules[i].name}, {@code rules[i].recency}, ….
   *
   * @param bins the number of bins of the scores it reads
   * @param rules the rules
   * @return the map, or every violation
   */
  public static Validation<Seq<Violation>, RfmSegments> validated(int bins, Seq<RfmRule> rules) {
    requireNonNull(rules, "rules");
    List<Violation> problems = List.empty();
    if (bins < 2 || bins > RfmScores.MAX_BINS) {
      problems = problems.append(Violation.of("value.segment.bins_invalid", "bins",
          "the number of bins must lie in 2.." + RfmScores.MAX_BINS + ", was " + bins));
    }
    Set<String> seen = HashSet.empty();
    for (int i = 0; i < rules.size(); i++) {
      RfmRule rule = rules.get(i);
      String at = "rules[" + i + "].";
      if (rule.name().isBlank()) {
        problems = problems.append(Violation.of("value.segment.name_blank", at + "name",
            "a segment needs a name"));
      } else if (seen.contains(rule.name())) {
        problems = problems.append(Violation.of("value.segment.name_duplicate", at + "name",
            "the segment name '" + rule.name() + "' is used by an earlier rule"));
      }
      seen = seen.add(rule.name());
      Seq<Violation> ranges = range(rule.recency(), bins, at + "recency")
          .appendAll(range(rule.frequency(), bins, at + "frequency"))
          .appendAll(range(rule.monetary(), bins, at + "monetary"));
      problems = problems.appendAll(ranges);
      if (i < rules.size() - 1 && ranges.isEmpty() && rule.coversAll(bins)) {
        problems = problems.append(Violation.of("value.segment.catch_all_not_last", at + "name",
            "the catch-all '" + rule.name() + "' must be the last rule: the rules after it"
                + " could never match"));
      }
    }
    if (rules.isEmpty() || !rules.last().coversAll(bins)) {
      problems = problems.append(Violation.of("value.segment.no_catch_all", "rules",
          "the last rule must accept every score 1.." + bins + " so that every customer gets a"
              + " segment"));
    }
    return problems.isEmpty()
        ? Validation.valid(new RfmSegments(bins, Vector.ofAll(rules)))
        : Validation.invalid(problems);
  }

  private static Seq<Violation> range(ScoreRange range, int bins, String field) {
    if (range.low() < 1 || range.high() > bins || range.low() > range.high()) {
      return List.of(Violation.of("value.segment.range_invalid", field,
          "the range " + range.low() + ".." + range.high() + " must be a non-empty range within"
              + " 1.." + bins));
    }
    return List.empty();
  }

  /**
   * Returns the number of bins of the scores this map reads.
   *
   * @return the number of bins
   */
  public int bins() {
    return bins;
  }

  /**
   * Returns the rules, in the order they are tried.
   *
   * @return the rules
   */
  public Seq<RfmRule> rules() {
    return rules;
  }

  /**
   * Returns the segment names, in rule order.
   *
   * @return the names
   */
  public Seq<String> names() {
    return rules.map(RfmRule::name);
  }

  /**
   * Names the segment of one customer's scores.
   *
   * @param score the customer's scores
   * @return the name of the first rule the scores match
   * @throws InvalidValueException when a score lies outside 1..bins
   *     ({@code value.segment.score_outside})
   */
  public String segmentOf(RfmScore score) {
    requireNonNull(score, "score");
    int r = score.recency();
    int f = score.frequency();
    int m = score.monetary();
    if (r > bins || f > bins || m > bins) {
      throw new InvalidValueException(List.of(Violation.of("value.segment.score_outside",
          "score", "the scores " + score.cell() + " of '" + score.customer()
              + "' must lie in 1.." + bins)));
    }
    return names[cells[cell(r, f, m)]];
  }

  /**
   * Names the segment of every scored customer, row by row.
   *
   * @param scores the scores of a population
   * @return each row's segment name, in the rows' order
   * @throws InvalidValueException when the scores have another number of bins than this map
   *     ({@code value.segment.bins_mismatch})
   */
  public Seq<String> assign(RfmScores scores) {
    checkBins(scores);
    String[] out = new String[scores.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = names[cells[cell(scores.recency(i), scores.frequency(i), scores.monetary(i))]];
    }
    return Array.of(out);
  }

  /**
   * Counts the customers of each segment.
   *
   * @param scores the scores of a population
   * @return every segment name, in rule order, with its number of customers (0 included)
   * @throws InvalidValueException when the scores have another number of bins than this map
   *     ({@code value.segment.bins_mismatch})
   */
  public Map<String, Integer> counts(RfmScores scores) {
    checkBins(scores);
    int[] counts = new int[names.length];
    for (int i = 0; i < scores.size(); i++) {
      counts[cells[cell(scores.recency(i), scores.frequency(i), scores.monetary(i))]]++;
    }
    Map<String, Integer> out = LinkedHashMap.empty();
    for (int k = 0; k < names.length; k++) {
      out = out.put(names[k], counts[k]);
    }
    return out;
  }

  private void checkBins(RfmScores scores) {
    requireNonNull(scores, "scores");
    if (scores.bins() != bins) {
      throw new InvalidValueException(List.of(Violation.of("value.segment.bins_mismatch",
          "scores", "the scores have " + scores.bins() + " bins, the segment map reads " + bins)));
    }
  }

  private int cell(int r, int f, int m) {
    return ((r - 1) * bins + f - 1) * bins + m - 1;
  }
}
