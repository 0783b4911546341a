package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Reports the KPIs of one lifecycle segment over a period {@code (start, asOf]}; the segment of
 * each customer is the one on {@code asOf}. Immutable and thread-safe.
 *
 * <p>Each rate is empty when the segment has nobody it could be computed on:
 * <ul>
 *   <li>first-purchase satisfaction: the mean of the first-purchase scores (any scale, such as
 *       CSAT 1–5) of the segment's customers who have one;</li>
 *   <li>repeat-purchase rate: the share of the segment's buyers with two purchases or more (by
 *       {@code asOf});</li>
 *   <li>mean days between purchases: pooled over the segment, the days from first to last
 *       purchase summed over customers divided by the gaps summed over customers
 *       ({@code Σ (last − first) / Σ (n − 1)}), so a customer with many purchases weighs as
 *       many gaps;</li>
 *   <li>reactivation rate: of the segment's customers who were inactive on {@code start}, the
 *       share who bought in {@code (start, asOf]}.</li>
 * </ul>
 *
 * @param segment the segment
 * @param customers the segment's number of customers
 * @param firstPurchaseSatisfaction the mean first-purchase score, if any was given
 * @param satisfactionAnswers the number of the segment's customers with a score
 * @param repeatPurchaseRate the share of buyers with two purchases or more, in [0, 1]
 * @param meanDaysBetweenPurchases the pooled mean gap in days
 * @param inactiveAtStart the segment's customers who were inactive on {@code start}
 * @param reactivationRate the share of those who bought within the period, in [0, 1]
 */
public record LifecycleKpis(
    LifecycleSegment segment, int customers, Option<Double> firstPurchaseSatisfaction,
    int satisfactionAnswers, Option<Double> repeatPurchaseRate,
    Option<Double> meanDaysBetweenPurchases, int inactiveAtStart,
    Option<Double> reactivationRate) {

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException when a part is null
   */
  public LifecycleKpis {
    requireNonNull(segment, "segment");
    requireNonNull(firstPurchaseSatisfaction, "firstPurchaseSatisfaction");
    requireNonNull(repeatPurchaseRate, "repeatPurchaseRate");
    requireNonNull(meanDaysBetweenPurchases, "meanDaysBetweenPurchases");
    requireNonNull(reactivationRate, "reactivationRate");
  }

  /**
   * Computes the KPIs of every segment, in the order of {@link LifecycleSegment} (empty
   * segments included, with zero customers and empty rates).
   *
   * @param segments the segment definitions
   * @param histories the customers' purchases, one history per customer
   * @param firstPurchaseScores each customer's satisfaction score for their first purchase, for
   *     those who answered; keys without a history are ignored
   * @param start the day before the period; customers inactive on it can be reactivated
   * @param asOf the last day of the period, on which the segments are taken
   * @return one KPI record per segment
   * @throws InvalidValueException when {@code start} is after {@code asOf}
   *     ({@code value.lifecycle.period_invalid}), a score is not finite
   *     ({@code value.lifecycle.score_invalid}) or two histories have the same customer
   *     ({@code value.lifecycle.customer_duplicate}), with every violation
   */
  public static Seq<LifecycleKpis> of(LifecycleSegments segments, Seq<PurchaseHistory> histories,
      Map<String, Double> firstPurchaseScores, LocalDate start, LocalDate asOf) {
    requireNonNull(segments, "segments");
    requireNonNull(histories, "histories");
    requireNonNull(firstPurchaseScores, "firstPurchaseScores");
    requireNonNull(start, "start");
    requireNonNull(asOf, "asOf");
    List<Violation> problems = List.empty();
    if (start.isAfter(asOf)) {
      problems = problems.append(Violation.of("value.lifecycle.period_invalid", "start",
          "the period must start on or before " + asOf + ", was " + start));
    }
    for (var score : firstPurchaseScores.toList().sortBy(t -> t._1)) {
      if (score._2 == null || !Double.isFinite(score._2)) {
        problems = problems.append(Violation.of("value.lifecycle.score_invalid",
            "firstPurchaseScores[" + score._1 + "]", "a score must be a finite number"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    LifecycleSegments.checkUnique(histories);
    int k = LifecycleSegment.values().length;
    int[] customers = new int[k];
    int[] answers = new int[k];
    double[] scoreSum = new double[k];
    int[] buyers = new int[k];
    int[] repeaters = new int[k];
    long[] gapDays = new long[k];
    long[] gaps = new long[k];
    int[] inactive = new int[k];
    int[] reactivated = new int[k];
    for (PurchaseHistory history : histories) {
      Seq<LocalDate> days = history.upTo(asOf);
      int s = segments.segmentOf(days, asOf).ordinal();
      customers[s]++;
      Option<Double> score = firstPurchaseScores.get(history.customer());
      if (score.isDefined()) {
        answers[s]++;
        scoreSum[s] += score.get();
      }
      if (!days.isEmpty()) {
        buyers[s]++;
        if (days.size() >= 2) {
          repeaters[s]++;
          gapDays[s] += ChronoUnit.DAYS.between(days.head(), days.last());
          gaps[s] += days.size() - 1;
        }
      }
      if (segments.segmentOf(history.upTo(start), start) == LifecycleSegment.INACTIVE) {
        inactive[s]++;
        if (days.exists(d -> d.isAfter(start))) {
          reactivated[s]++;
        }
      }
    }
    List<LifecycleKpis> out = List.empty();
    for (LifecycleSegment segment : LifecycleSegment.values()) {
      int s = segment.ordinal();
      out = out.append(new LifecycleKpis(segment, customers[s],
          ratio(scoreSum[s], answers[s]), answers[s], ratio(repeaters[s], buyers[s]),
          ratio(gapDays[s], gaps[s]), inactive[s], ratio(reactivated[s], inactive[s])));
    }
    return out;
  }

  private static Option<Double> ratio(double part, double whole) {
    return whole > 0 ? Option.some(part / whole) : Option.none();
  }
}
