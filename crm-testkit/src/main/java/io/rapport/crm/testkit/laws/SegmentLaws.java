package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.testkit.Theories;
import io.rapport.crm.value.LifecycleSegment;
import io.rapport.crm.value.LifecycleSegments;
import io.rapport.crm.value.PurchaseHistory;
import io.rapport.crm.value.RfmScore;
import io.rapport.crm.value.RfmScores;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.SummaryTable;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * Checks the laws every segmentation keeps, on a team's own segment map or lifecycle thresholds
 * with generated input ({@code SegmentGenerators}): RFM scores lie in 1..bins, one per customer;
 * RFM assignment is total (every customer in exactly one segment of the map); RFM scores and
 * segments do not depend on the order of the rows; lifecycle assignment is total and does not
 * depend on the order of the histories.
 *
 * <p>Each law has a form that checks the library ({@link #STANDARD}) and a form that checks any
 * {@link Engine}, so a team can run them on a wrapper or a rewrite of their own. Each runs
 * {@link Theories#qt()} and throws an {@link AssertionError} with the falsifying example and the
 * seed. Row permutations are drawn from a seeded {@link Random}, the seed being part of the
 * example.
 */
public final class SegmentLaws {

  /**
   * Scores and segments customers as the library does; the laws check any implementation. The
   * methods default to the library, so a test overrides only what it replaces.
   */
  public interface Engine {

    /**
     * Scores a population, as {@link RfmScores#of(SummaryTable, int)} does.
     *
     * @param table the summaries
     * @param bins the number of bins
     * @return one score per row, in the rows' order
     */
    default Seq<RfmScore> score(SummaryTable table, int bins) {
      return RfmScores.of(table, bins).rows();
    }

    /**
     * Names each score's segment, as {@link RfmSegments#segmentOf} does.
     *
     * @param map the segment map
     * @param scores the scores
     * @return one segment name per score, in order
     */
    default Seq<String> assign(RfmSegments map, Seq<RfmScore> scores) {
      return scores.map(map::segmentOf);
    }

    /**
     * Places customers in lifecycle segments, as {@link LifecycleSegments#assign} does.
     *
     * @param segments the thresholds
     * @param histories the histories
     * @param asOf the day
     * @return the segments of the customers, as (customer, segment) pairs
     */
    default Seq<io.vavr.Tuple2<String, LifecycleSegment>> lifecycle(LifecycleSegments segments,
        Seq<PurchaseHistory> histories, LocalDate asOf) {
      return segments.assign(histories, asOf).toList();
    }
  }

  /** The library's own scoring and segmentation. */
  public static final Engine STANDARD = new Engine() {};

  private SegmentLaws() {}

  /**
   * Checks every RFM law on the library with a team's map, and the lifecycle law with its
   * standard thresholds on {@code histories}.
   *
   * @param tables the populations
   * @param map the team's segment map
   * @param histories the histories, as known on {@code asOf}
   * @param asOf the as-of day
   * @throws AssertionError if a law fails
   */
  public static void all(Gen<SummaryTable> tables, RfmSegments map,
      Gen<Seq<PurchaseHistory>> histories, LocalDate asOf) {
    scoresWithinBins(tables, map.bins(), STANDARD);
    assignmentTotal(tables, map, STANDARD);
    stableUnderReordering(tables, map, STANDARD);
    lifecycleTotalAndStable(histories, LifecycleSegments.standard(), asOf, STANDARD);
  }

  /**
   * Checks law 1: the engine gives exactly one score per row, for the row's customer, and every
   * score lies in 1..bins.
   *
   * @param tables the populations
   * @param bins the number of bins
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void scoresWithinBins(Gen<SummaryTable> tables, int bins, Engine engine) {
    requireNonNull(engine, "engine");
    Theories.qt().forAll(tables).checkAssert(table -> {
      Seq<RfmScore> scores = engine.score(table, bins);
      assertThat(scores).as("one score per row").hasSize(table.size());
      for (int i = 0; i < table.size(); i++) {
        RfmScore s = scores.get(i);
        assertThat(s.customer()).as("row %d", i).isEqualTo(table.customer(i));
        assertThat(s.recency()).as("recency of %s", s.customer()).isBetween(1, bins);
        assertThat(s.frequency()).as("frequency of %s", s.customer()).isBetween(1, bins);
        assertThat(s.monetary()).as("monetary of %s", s.customer()).isBetween(1, bins);
      }
    });
  }

  /**
   * Checks law 2: every customer gets exactly one segment, and it is one of the map's names.
   *
   * @param tables the populations
   * @param map the team's segment map
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void assignmentTotal(Gen<SummaryTable> tables, RfmSegments map,
      Engine engine) {
    requireNonNull(map, "map");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(tables).checkAssert(table -> {
      Seq<String> names = engine.assign(map, engine.score(table, map.bins()));
      assertThat(names).as("one segment per customer").hasSize(table.size());
      for (int i = 0; i < names.size(); i++) {
        assertThat(map.names()).as("segment of %s", table.customer(i)).contains(names.get(i));
      }
    });
  }

  /**
   * Checks law 3: shuffling the rows gives every customer the same scores and segment.
   *
   * @param tables the populations
   * @param map the team's segment map
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void stableUnderReordering(Gen<SummaryTable> tables, RfmSegments map,
      Engine engine) {
    requireNonNull(map, "map");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(tables, longs().all()).checkAssert((table, seed) -> {
      SummaryTable shuffled = shuffle(table, seed);
      assertThat(byCustomer(engine, map, shuffled)).as("after shuffling with seed %d", seed)
          .isEqualTo(byCustomer(engine, map, table));
    });
  }

  /**
   * Checks law 4: every customer gets exactly one lifecycle segment, and shuffling the histories
   * changes no one's segment.
   *
   * @param histories the histories, one per customer
   * @param segments the team's thresholds
   * @param asOf the as-of day
   * @param engine the engine under test
   * @throws AssertionError if the law fails
   */
  public static void lifecycleTotalAndStable(Gen<Seq<PurchaseHistory>> histories,
      LifecycleSegments segments, LocalDate asOf, Engine engine) {
    requireNonNull(segments, "segments");
    requireNonNull(asOf, "asOf");
    requireNonNull(engine, "engine");
    Theories.qt().forAll(histories, longs().all()).checkAssert((given, seed) -> {
      Seq<io.vavr.Tuple2<String, LifecycleSegment>> pairs =
          engine.lifecycle(segments, given, asOf);
      assertThat(pairs.map(p -> p._1).sorted())
          .as("every customer exactly once").isEqualTo(given.map(PurchaseHistory::customer)
              .sorted().toList());
      assertThat(pairs).as("a segment for everyone").allMatch(p -> p._2 != null);
      java.util.List<PurchaseHistory> reordered = new ArrayList<>(given.toJavaList());
      Collections.shuffle(reordered, new Random(seed));
      assertThat(HashMap.ofEntries(engine.lifecycle(segments, List.ofAll(reordered), asOf)))
          .as("after shuffling with seed %d", seed).isEqualTo(HashMap.ofEntries(pairs));
    });
  }

  private static Map<String, String> byCustomer(Engine engine, RfmSegments map,
      SummaryTable table) {
    Seq<RfmScore> scores = engine.score(table, map.bins());
    Seq<String> names = engine.assign(map, scores);
    return HashMap.ofEntries(scores.zipWith(names,
        (s, n) -> io.vavr.Tuple.of(s.customer(), s.cell() + " " + n)));
  }

  private static SummaryTable shuffle(SummaryTable table, long seed) {
    java.util.List<Integer> order = new ArrayList<>(Vector.range(0, table.size()).toJavaList());
    Collections.shuffle(order, new Random(seed));
    SummaryTable.Builder b = SummaryTable.builder(table.unit());
    for (int i : order) {
      b.add(table.row(i));
    }
    return b.build();
  }
}
