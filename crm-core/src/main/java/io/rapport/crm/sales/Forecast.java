package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds up open and closed deals into a forecast: per row (the chosen dimensions: category,
 * owner, team, period) and per forecast category, how many deals and their amount, plain and
 * weighted by probability, in one report currency, with the closed, commit, best-case and
 * pipeline roll-ups (see {@link ForecastRow}). A pure calculation. Immutable and thread-safe.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Each deal is taken as it stands now, or, when the spec names an instant, as it stood then
 *       ({@link OpportunityHistory#asOf}): its stage, amount, probability, category and expected
 *       close from the history entry in force; deals opened after the instant are skipped. A deal
 *       counts as closed when it closed at or before that instant.</li>
 *   <li>A deal's period day is its expected close date while open and its closing day (in the
 *       spec's zone) once closed. With a range in the spec, only deals whose period day lies in
 *       it count; open deals without an expected close date then do not.</li>
 *   <li>Amounts are converted at the rates valid on the spec's rate date, one day for all.
 *       Every sum is exact (BigDecimal); each reported figure is rounded once, half-even, to the
 *       report currency's minor unit. A weighted amount is the amount times the probability.</li>
 *   <li>A deal without an amount is counted with a zero amount, and in {@code withoutAmount}.
 *       A deal whose currency has no rate on the rate date is not in any row: it is listed in
 *       {@link #unconverted()}.</li>
 * </ul>
 *
 * @param spec how it was computed
 * @param rows the rows, ordered by key; only rows with at least one deal
 * @param total the grand total over every counted deal, keyed {@link ForecastKey#TOTAL}
 * @param unconverted the deals left out because their amount could not be converted
 */
public record Forecast(ForecastSpec spec, Seq<ForecastRow> rows, ForecastRow total,
    Seq<UnconvertedOpportunity> unconverted) {

  private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();
  private static final int NO_PERIOD = -1;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   */
  public Forecast {
    requireNonNull(spec, "spec");
    requireNonNull(rows, "rows");
    requireNonNull(total, "total");
    requireNonNull(unconverted, "unconverted");
    rows.forEach(row -> requireNonNull(row, "rows element"));
    unconverted.forEach(entry -> requireNonNull(entry, "unconverted element"));
  }

  /**
   * Computes a forecast.
   *
   * @param opportunities the deals, open and closed, of any pipelines
   * @param spec how to compute it
   * @return the forecast
   * @throws NullPointerException if an argument or a deal is null
   * @throws io.rapport.crm.kernel.InvalidValueException if a period day's year is outside 1 to
   *     9999 ({@code report.period.year_out_of_range})
   */
  public static Forecast compute(Iterable<Opportunity> opportunities, ForecastSpec spec) {
    requireNonNull(opportunities, "opportunities");
    requireNonNull(spec, "spec");
    boolean byCategory = spec.dimensions().contains(ForecastDimension.CATEGORY);
    boolean byOwner = spec.dimensions().contains(ForecastDimension.OWNER);
    boolean byTeam = spec.dimensions().contains(ForecastDimension.TEAM);
    boolean byPeriod = spec.dimensions().contains(ForecastDimension.PERIOD);
    Instant asOf = spec.asOf().getOrNull();
    ReportPeriodRange range = spec.range().getOrNull();
    ReportPeriod.Grain grain = spec.grain();
    ZoneId zone = spec.zone();
    ForecastMath.Rates rates =
        new ForecastMath.Rates(spec.rates(), spec.currency(), spec.rateDate());
    Map<GroupKey, Group> groups = new HashMap<>();
    java.util.List<UnconvertedOpportunity> unconverted = new ArrayList<>();

    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      ForecastCategory category;
      Percentage probability;
      Option<Money> amount;
      LocalDate expectedClose;
      boolean closed;
      if (asOf == null) {
        category = deal.category();
        probability = deal.probability();
        amount = deal.amount();
        expectedClose = deal.expectedClose().getOrNull();
        closed = deal.isClosed();
      } else {
        StageHistoryEntry then = OpportunityHistory.entryAt(deal, asOf);
        if (then == null) {
          continue;
        }
        category = then.category();
        probability = then.probability();
        amount = then.amount();
        expectedClose = then.expectedClose().getOrNull();
        closed = deal.closedAt().isDefined() && !deal.closedAt().get().isAfter(asOf);
      }
      LocalDate periodDay = closed && deal.closedAt().isDefined()
          ? LocalDate.ofInstant(deal.closedAt().get(), zone) : expectedClose;
      if (range != null && (periodDay == null || !range.contains(periodDay))) {
        continue;
      }
      int currency = -1;
      if (amount.isDefined()) {
        currency = rates.indexOf(amount.get().currency());
        if (rates.rate(currency) == null) {
          unconverted.add(new UnconvertedOpportunity(deal.id(), rates.problem(currency)));
          continue;
        }
      }
      GroupKey key = new GroupKey(byCategory ? category : null, byOwner ? deal.owner() : null,
          byTeam ? deal.team().getOrNull() : null,
          byPeriod && periodDay != null ? periodCode(grain, periodDay) : NO_PERIOD);
      Group group = groups.get(key);
      if (group == null) {
        group = new Group();
        groups.put(key, group);
      }
      group.add(category.ordinal(), currency, amount, probability);
    }
    return assemble(spec, rates, groups, unconverted);
  }

  /**
   * Finds the row of a key.
   *
   * @param key the key, with exactly the forecast's dimensions
   * @return the row, or empty when no deal falls in it
   * @throws NullPointerException if key is null
   */
  public Option<ForecastRow> row(ForecastKey key) {
    requireNonNull(key, "key");
    return rows.find(row -> row.key().equals(key));
  }

  private static Forecast assemble(ForecastSpec spec, ForecastMath.Rates rates,
      Map<GroupKey, Group> groups, java.util.List<UnconvertedOpportunity> unconverted) {
    Currency currency = spec.currency();
    Group all = new Group();
    java.util.List<ForecastRow> rows = new ArrayList<>(groups.size());
    for (Map.Entry<GroupKey, Group> entry : groups.entrySet()) {
      rows.add(entry.getValue().toRow(entry.getKey().toKey(spec.grain()), rates, currency));
      all.addAll(entry.getValue());
    }
    rows.sort((a, b) -> a.key().compareTo(b.key()));
    return new Forecast(spec, Array.ofAll(rows), all.toRow(ForecastKey.TOTAL, rates, currency),
        Array.ofAll(unconverted));
  }

  private static int periodCode(ReportPeriod.Grain grain, LocalDate day) {
    return day.getYear() * 16 + ReportPeriod.numberOf(grain, day.getMonthValue());
  }

  /** The dimension values of a row while computing; null where not grouped or absent. */
  private record GroupKey(ForecastCategory category, EmployeeId owner, TeamId team, int period) {

    ForecastKey toKey(ReportPeriod.Grain grain) {
      return new ForecastKey(Option.of(category), Option.of(owner), Option.of(team),
          period == NO_PERIOD ? Option.none()
              : Option.some(new ReportPeriod(grain, period / 16, period % 16)));
    }
  }

  /** The exact sums of one row while computing: per category, per currency. */
  private static final class Group {
    private final int[] counts = new int[CATEGORIES.length];
    private final int[] withoutAmount = new int[CATEGORIES.length];
    private ForecastMath.Sum[][] sums = new ForecastMath.Sum[CATEGORIES.length][];

    void add(int category, int currency, Option<Money> amount, Percentage probability) {
      counts[category]++;
      if (currency < 0) {
        withoutAmount[category]++;
        return;
      }
      sumOf(category, currency).add(amount.get(), probability);
    }

    void addAll(Group other) {
      for (int category = 0; category < CATEGORIES.length; category++) {
        counts[category] += other.counts[category];
        withoutAmount[category] += other.withoutAmount[category];
        ForecastMath.Sum[] theirs = other.sums[category];
        for (int currency = 0; theirs != null && currency < theirs.length; currency++) {
          if (theirs[currency] != null) {
            sumOf(category, currency).addAll(theirs[currency]);
          }
        }
      }
    }

    private ForecastMath.Sum sumOf(int category, int currency) {
      ForecastMath.Sum[] byCurrency = sums[category];
      if (byCurrency == null || byCurrency.length <= currency) {
        ForecastMath.Sum[] grown = new ForecastMath.Sum[Math.max(4, currency + 1)];
        if (byCurrency != null) {
          System.arraycopy(byCurrency, 0, grown, 0, byCurrency.length);
        }
        sums[category] = grown;
        byCurrency = grown;
      }
      ForecastMath.Sum sum = byCurrency[currency];
      if (sum == null) {
        sum = new ForecastMath.Sum();
        byCurrency[currency] = sum;
      }
      return sum;
    }

    ForecastRow toRow(ForecastKey key, ForecastMath.Rates rates, Currency currency) {
      BigDecimal[] amounts = new BigDecimal[CATEGORIES.length];
      BigDecimal[] weighted = new BigDecimal[CATEGORIES.length];
      SortedMap<ForecastCategory, ForecastFigures> figures = TreeMap.empty();
      int none = 0;
      for (int category = 0; category < CATEGORIES.length; category++) {
        amounts[category] = BigDecimal.ZERO;
        weighted[category] = BigDecimal.ZERO;
        ForecastMath.Sum[] byCurrency = sums[category];
        for (int index = 0; byCurrency != null && index < byCurrency.length; index++) {
          if (byCurrency[index] != null) {
            BigDecimal rate = rates.rate(index);
            int digits = rates.currency(index).getDefaultFractionDigits();
            amounts[category] =
                amounts[category].add(byCurrency[index].amount(digits).multiply(rate));
            weighted[category] =
                weighted[category].add(byCurrency[index].weighted(digits).multiply(rate));
          }
        }
        figures = figures.put(CATEGORIES[category],
            figures(counts[category], amounts[category], weighted[category], currency));
        none += withoutAmount[category];
      }
      int closedIndex = ForecastCategory.CLOSED.ordinal();
      int commitIndex = ForecastCategory.COMMIT.ordinal();
      int bestIndex = ForecastCategory.BEST_CASE.ordinal();
      int pipelineIndex = ForecastCategory.PIPELINE.ordinal();
      ForecastFigures closed = figures(counts[closedIndex], amounts[closedIndex],
          weighted[closedIndex], currency);
      ForecastFigures commit = figures(counts[closedIndex] + counts[commitIndex],
          amounts[closedIndex].add(amounts[commitIndex]),
          weighted[closedIndex].add(weighted[commitIndex]), currency);
      ForecastFigures bestCase = figures(
          counts[closedIndex] + counts[commitIndex] + counts[bestIndex],
          amounts[closedIndex].add(amounts[commitIndex]).add(amounts[bestIndex]),
          weighted[closedIndex].add(weighted[commitIndex]).add(weighted[bestIndex]), currency);
      ForecastFigures pipeline = figures(
          counts[pipelineIndex] + counts[bestIndex] + counts[commitIndex],
          amounts[pipelineIndex].add(amounts[bestIndex]).add(amounts[commitIndex]),
          weighted[pipelineIndex].add(weighted[bestIndex]).add(weighted[commitIndex]), currency);
      return new ForecastRow(key, figures, none, closed, commit, bestCase, pipeline);
    }

    private static ForecastFigures figures(int count, BigDecimal amount, BigDecimal weighted,
        Currency currency) {
      return new ForecastFigures(count, ForecastMath.round(amount, currency),
          ForecastMath.round(weighted, currency));
    }
  }
}
