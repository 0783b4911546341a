package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.ExchangeRate;
import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.sales.Forecast;
import io.rapport.crm.sales.ForecastCategory;
import io.rapport.crm.sales.ForecastDimension;
import io.rapport.crm.sales.ForecastSpec;
import io.rapport.crm.sales.LostReason;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.sales.StageHistoryEntry;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forecasts over 1 000 000 opportunities by category × owner × month of close, in EUR. Target
 * (issue 5): ≤ 1 s per forecast on one core.
 *
 * <p>The deals are built once, deterministically (fixed seed): 3 currencies (EUR, CNY, USD; the
 * latter two converted at rates of two validity periods), 50 owners in 10 teams (a tenth without a
 * team), expected close dates over 24 months, histories of 1 to 6 entries moving through
 * qualify → propose → negotiate and changing amounts and close dates; a tenth won, a tenth lost.
 *
 * <pre>
 * ./mvnw -B -ntp -o -q package -DskipTests -pl crm-benchmarks -am
 * java -jar crm-benchmarks/target/benchmarks.jar Forecast -f 1 -wi 2 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ForecastBenchmark {

  static final int DEALS = 1_000_000;
  static final long SEED = 20261123L;
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency USD = Currency.getInstance("USD");
  static final LocalDate FIRST_CLOSE = LocalDate.parse("2026-01-01");
  static final Instant START = Instant.parse("2025-10-01T00:00:00Z");

  Array<Opportunity> deals;
  ForecastSpec byCategoryOwnerMonth;
  ForecastSpec byCategoryOwnerMonthAsOf;

  /** Builds the deals and the specs. */
  @Setup
  public void setUp() {
    ExchangeRates rates = ExchangeRates.of(List.of(
        ExchangeRate.of(EUR, CNY, new BigDecimal("7.8125"), LocalDate.parse("2025-01-01"),
            LocalDate.parse("2026-07-01")),
        ExchangeRate.of(EUR, CNY, new BigDecimal("7.9"), LocalDate.parse("2026-07-01")),
        ExchangeRate.of(USD, EUR, new BigDecimal("0.9216"), LocalDate.parse("2025-01-01"),
            LocalDate.parse("2026-07-01")),
        ExchangeRate.of(USD, EUR, new BigDecimal("0.93"), LocalDate.parse("2026-07-01"))));
    byCategoryOwnerMonth = ForecastSpec.of(EUR, rates, LocalDate.parse("2026-06-30"))
        .by(ForecastDimension.CATEGORY, ForecastDimension.OWNER, ForecastDimension.PERIOD);
    byCategoryOwnerMonthAsOf =
        byCategoryOwnerMonth.lookingBackTo(Instant.parse("2026-03-01T00:00:00Z"));
    deals = new DealFactory(new Random(SEED)).build(DEALS);
  }

  /** Forecasts every deal as it stands now. */
  @Benchmark
  public Forecast forecastByCategoryOwnerMonth() {
    return Forecast.compute(deals, byCategoryOwnerMonth);
  }

  /** Forecasts every deal as it stood at an instant, read from its history. */
  @Benchmark
  public Forecast forecastAsOfAnInstant() {
    return Forecast.compute(deals, byCategoryOwnerMonthAsOf);
  }

  /** Builds valid opportunities with the canonical constructor, sharing small values. */
  static final class DealFactory {
    private final Random random;
    private final Currency[] currencies = {EUR, CNY, USD};
    private final EmployeeId[] owners = new EmployeeId[50];
    private final TeamId[] teams = new TeamId[10];
    private final StageCode[] stages = {StageCode.of("qualify"), StageCode.of("propose"),
        StageCode.of("negotiate"), StageCode.of("won"), StageCode.of("lost")};
    private final Percentage[] probabilities = {Percentage.ofPercent(10), Percentage.ofPercent(40),
        Percentage.ofPercent(70), Percentage.ONE_HUNDRED, Percentage.ZERO};
    private final ForecastCategory[] categories = {ForecastCategory.PIPELINE,
        ForecastCategory.BEST_CASE, ForecastCategory.COMMIT, ForecastCategory.CLOSED,
        ForecastCategory.OMITTED};
    private final java.util.List<Option<LocalDate>> closeDates = new java.util.ArrayList<>();
    private final PipelineId pipeline = PipelineId.parse("P-retail");
    private final ActorId actor = ActorId.parse("A-bench");
    private final LostReason price = new LostReason("price", "Price");

    DealFactory(Random random) {
      this.random = random;
      for (int i = 0; i < owners.length; i++) {
        owners[i] = EmployeeId.parse("E-" + i);
      }
      for (int i = 0; i < teams.length; i++) {
        teams[i] = TeamId.parse("T-" + i);
      }
      for (int i = 0; i < 730; i++) {
        closeDates.add(Option.some(FIRST_CLOSE.plusDays(i)));
      }
    }

    Array<Opportunity> build(int count) {
      Opportunity[] built = new Opportunity[count];
      for (int i = 0; i < count; i++) {
        built[i] = deal(i);
      }
      return Array.of(built);
    }

    private Opportunity deal(int n) {
      Currency currency = currencies[random.nextInt(currencies.length)];
      int owner = random.nextInt(owners.length);
      Option<TeamId> team = random.nextInt(10) == 0 ? Option.none()
          : Option.some(teams[owner % teams.length]);
      int entries = 1 + random.nextInt(6);
      int ending = entries > 1 ? random.nextInt(10) : 9;
      Instant at = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 240)));
      Option<Money> amount = Option.some(Money.ofMinor(10_000 + random.nextInt(50_000_000), currency));
      int closeDay = random.nextInt(closeDates.size());
      int stage = 0;
      StageHistoryEntry[] history = new StageHistoryEntry[entries];
      for (int e = 0; e < entries; e++) {
        if (e > 0) {
          at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 14)));
          boolean last = e == entries - 1;
          if (last && ending == 0) {
            stage = 3;
          } else if (last && ending == 1) {
            stage = 4;
          } else {
            switch (random.nextInt(3)) {
              case 0 -> stage = Math.min(2, stage + 1);
              case 1 -> amount = Option.some(Money.ofMinor(10_000 + random.nextInt(50_000_000),
                  currency));
              default -> closeDay = Math.min(closeDates.size() - 1, closeDay + random.nextInt(45));
            }
          }
        }
        history[e] = new StageHistoryEntry(at, actor, stages[stage], amount, probabilities[stage],
            false, categories[stage], false, closeDates.get(closeDay));
      }
      OpportunityStatus status = stage == 3 ? OpportunityStatus.WON
          : stage == 4 ? OpportunityStatus.LOST : OpportunityStatus.OPEN;
      Option<Instant> closedAt = status == OpportunityStatus.OPEN ? Option.none() : Option.some(at);
      return new Opportunity(OpportunityId.parse("O-" + n), "Deal " + n,
          CustomerId.parse("C-" + (n % 20_000)), pipeline, stages[stage], status, owners[owner],
          team, currency, amount, List.empty(), closeDates.get(closeDay), probabilities[stage],
          false, categories[stage], false, List.empty(), Option.none(), Option.none(), Option.none(),
          status == OpportunityStatus.LOST ? Option.some(price) : Option.none(),
          status == OpportunityStatus.WON ? Option.some(PurchaseId.parse("PU-" + n)) : Option.none(),
          history[0].at(), actor, at, closedAt, List.of(history));
    }
  }
}
