package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures how long deals stay in each stage, from their histories, as of an instant. A pure
 * calculation. Immutable and thread-safe.
 *
 * <p>A stay in a stage starts with the history entry that entered the stage and ends with the
 * next entry of another stage; entries that change only the amount, probability, category or
 * close date do not end it. Only history up to the instant is read. A stay that has not ended by
 * the instant is <b>ongoing</b>, measured up to the instant, and reported apart. The final stay
 * of a closed deal (in its won or lost stage) has no length and is not counted. Deals opened
 * after the instant are skipped. A deal that leaves a stage and comes back has two stays.
 *
 * @param asOf the instant measured up to
 * @param stages the dwell times of every stage with a stay, ordered by stage code
 */
public record StageVelocity(Instant asOf, Seq<DwellTime> stages) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public StageVelocity {
    requireNonNull(asOf, "asOf");
    requireNonNull(stages, "stages");
    stages.forEach(stage -> requireNonNull(stage, "stages element"));
  }

  /**
   * Measures the stays of deals in their stages.
   *
   * @param opportunities the deals
   * @param asOf the instant to measure up to
   * @return the dwell times
   * @throws NullPointerException if an argument or a deal is null
   */
  public static StageVelocity of(Iterable<Opportunity> opportunities, Instant asOf) {
    requireNonNull(opportunities, "opportunities");
    requireNonNull(asOf, "asOf");
    Map<StageCode, Stays> byStage = new HashMap<>();
    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      if (deal.createdAt().isAfter(asOf)) {
        continue;
      }
      StageCode stage = null;
      Instant entered = null;
      boolean movedOnLater = false;
      for (StageHistoryEntry entry : deal.history()) {
        if (stage != null && entry.stage().equals(stage)) {
          continue;
        }
        if (entry.at().isAfter(asOf)) {
          movedOnLater = stage != null;
          break;
        }
        if (stage != null) {
          byStage.computeIfAbsent(stage, code -> new Stays())
              .completed(Duration.between(entered, entry.at()));
        }
        stage = entry.stage();
        entered = entry.at();
      }
      if (stage != null && (movedOnLater || !deal.isClosed())) {
        byStage.computeIfAbsent(stage, code -> new Stays())
            .ongoing(Duration.between(entered, asOf));
      }
    }
    Seq<DwellTime> stages = Array.ofAll(byStage.entrySet())
        .map(entry -> entry.getValue().toDwellTime(entry.getKey()))
        .sortBy(DwellTime::stage);
    return new StageVelocity(asOf, stages);
  }

  /**
   * Finds the dwell time of a stage.
   *
   * @param stage the stage
   * @return its dwell time, or empty when no deal stayed in it
   * @throws NullPointerException if stage is null
   */
  public Option<DwellTime> of(StageCode stage) {
    requireNonNull(stage, "stage");
    return stages.find(dwell -> dwell.stage().equals(stage));
  }

  /** The stays in one stage while computing. */
  private static final class Stays {
    private Duration[] completed = new Duration[8];
    private int completedCount;
    private Duration[] ongoing = new Duration[8];
    private int ongoingCount;

    void completed(Duration stay) {
      if (completedCount == completed.length) {
        completed = Arrays.copyOf(completed, completedCount * 2);
      }
      completed[completedCount++] = stay;
    }

    void ongoing(Duration stay) {
      if (ongoingCount == ongoing.length) {
        ongoing = Arrays.copyOf(ongoing, ongoingCount * 2);
      }
      ongoing[ongoingCount++] = stay;
    }

    DwellTime toDwellTime(StageCode stage) {
      return new DwellTime(stage, DwellStatistics.of(completed, completedCount),
          DwellStatistics.of(ongoing, ongoingCount));
    }
  }
}
