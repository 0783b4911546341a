package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows how far a pipeline's deals get: for each open stage, in the pipeline's order, how many
 * deals reached it, how many are in it now, and the conversion rates to the next stage and to
 * winning; and how many deals are won and lost. A pure calculation. Immutable and thread-safe.
 *
 * <p>Definitions:
 * <ul>
 *   <li>Only deals of the pipeline count; deals of other pipelines are counted in
 *       {@link #ignored()}.</li>
 *   <li>A deal <b>reached</b> an open stage when its history ever entered that stage or a later
 *       one: a later open stage in the pipeline's order, or the won stage. Histories may skip
 *       stages (a deal may enter at Proposal), and a deal that got to Negotiation also passed
 *       Qualification. Entering a lost stage passes nothing. So the counts never grow down the
 *       funnel. History entries of stages the pipeline no longer has are ignored.</li>
 *   <li><b>Won</b> and <b>lost</b> count deals by their status now.</li>
 *   <li>Conversion to the next stage = reached(next open stage) / reached(this stage); for the
 *       last open stage, won / reached. Conversion to won = won / reached(this stage). Rates
 *       are percentages rounded half-even to 2 decimals, empty when nothing reached the
 *       stage.</li>
 * </ul>
 *
 * @param pipeline the pipeline
 * @param steps one step per open stage, in the pipeline's order
 * @param deals how many deals of the pipeline were counted
 * @param won how many of them are won
 * @param lost how many of them are lost
 * @param ignored how many deals of other pipelines were passed over
 */
public record Funnel(PipelineId pipeline, Seq<Step> steps, int deals, int won, int lost,
    int ignored) {

  /**
   * Describes one open stage of a funnel. Immutable and thread-safe.
   *
   * @param stage the stage's code
   * @param name the stage's name
   * @param reached how many deals reached this stage or a later one
   * @param current how many deals are in this stage now
   * @param toNext the conversion rate to the next stage (to won, for the last open stage)
   * @param toWon the conversion rate to won
   */
  public record Step(StageCode stage, String name, int reached, int current,
      Option<Percentage> toNext, Option<Percentage> toWon) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if a count is negative ({@code funnel.count.negative})
     */
    public Step {
      requireNonNull(stage, "stage");
      requireNonNull(name, "name");
      requireNonNull(toNext, "toNext");
      requireNonNull(toWon, "toWon");
      if (reached < 0 || current < 0) {
        throw new InvalidValueException(List.of(Violation.of("funnel.count.negative", "reached",
            "Counts are not negative, but got " + reached + " and " + current)));
      }
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a step is null
   * @throws InvalidValueException if a count is negative ({@code funnel.count.negative})
   */
  public Funnel {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(steps, "steps");
    steps.forEach(step -> requireNonNull(step, "steps element"));
    if (deals < 0 || won < 0 || lost < 0 || ignored < 0) {
      throw new InvalidValueException(List.of(Violation.of("funnel.count.negative", "deals",
          "Counts are not negative, but got " + deals + ", " + won + ", " + lost + ", "
              + ignored)));
    }
  }

  /**
   * Computes the funnel of a pipeline.
   *
   * @param pipeline the pipeline; its stage order is the funnel's order
   * @param opportunities the deals, of any pipeline
   * @return the funnel
   * @throws NullPointerException if an argument or a deal is null
   */
  public static Funnel of(Pipeline pipeline, Iterable<Opportunity> opportunities) {
    requireNonNull(pipeline, "pipeline");
    requireNonNull(opportunities, "opportunities");
    Seq<Stage> open = pipeline.stages().filter(stage -> stage.kind() == StageKind.OPEN);
    int beyondOpen = open.size();
    Map<StageCode, Integer> depth = new HashMap<>();
    open.zipWithIndex().forEach(pair -> depth.put(pair._1.code(), pair._2));
    pipeline.stages().filter(stage -> stage.kind() == StageKind.WON)
        .forEach(stage -> depth.put(stage.code(), beyondOpen));
    int[] deepest = new int[beyondOpen + 2];
    int[] current = new int[beyondOpen + 1];
    int deals = 0;
    int won = 0;
    int lost = 0;
    int ignored = 0;
    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      if (!deal.pipeline().equals(pipeline.id())) {
        ignored++;
        continue;
      }
      deals++;
      won += deal.status() == OpportunityStatus.WON ? 1 : 0;
      lost += deal.status() == OpportunityStatus.LOST ? 1 : 0;
      int furthest = -1;
      for (StageHistoryEntry entry : deal.history()) {
        Integer reached = depth.get(entry.stage());
        if (reached != null && reached > furthest) {
          furthest = reached;
        }
      }
      deepest[furthest + 1]++;
      Integer now = depth.get(deal.stage());
      if (now != null && now < beyondOpen) {
        current[now]++;
      }
    }
    int[] reached = new int[beyondOpen + 1];
    int atOrBeyond = 0;
    for (int index = beyondOpen; index >= 0; index--) {
      atOrBeyond += deepest[index + 1];
      reached[index] = atOrBeyond;
    }
    Seq<Step> steps = List.empty();
    for (int index = 0; index < beyondOpen; index++) {
      Stage stage = open.get(index);
      int next = index + 1 < beyondOpen ? reached[index + 1] : won;
      steps = steps.append(new Step(stage.code(), stage.name(), reached[index], current[index],
          rate(next, reached[index]), rate(won, reached[index])));
    }
    return new Funnel(pipeline.id(), Array.ofAll(steps), deals, won, lost, ignored);
  }

  private static Option<Percentage> rate(int part, int whole) {
    return whole == 0 ? Option.none()
        : Option.some(ForecastMath.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)));
  }
}
