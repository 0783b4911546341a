package io.rapport.crm.sales;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Random;
import org.quicktheories.QuickTheory;

/**
 * Builds pipelines and opportunities with the canonical constructors, satisfying every invariant
 * of the sales shapes: the last history entry is the current state, closed deals carry their
 * closing time, reason or purchase.
 */
final class ForecastFixtures {

  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency USD = Currency.getInstance("USD");
  static final Currency JPY = Currency.getInstance("JPY");
  static final PipelineId RETAIL = PipelineId.parse("P-retail");
  static final ActorId SYSTEM = ActorId.parse("A-system");
  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private ForecastFixtures() {}

  /** Runs QuickTheories with a fixed seed, as the kernel's PropertyChecks does. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(100);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  /** Qualify (10 %, pipeline), propose (40 %, best case), negotiate (70 %, commit), won, lost. */
  static Pipeline retailPipeline() {
    List<Stage> stages = List.of(
        stage("qualify", StageKind.OPEN, 10, ForecastCategory.PIPELINE),
        stage("propose", StageKind.OPEN, 40, ForecastCategory.BEST_CASE),
        stage("negotiate", StageKind.OPEN, 70, ForecastCategory.COMMIT),
        stage("won", StageKind.WON, 100, ForecastCategory.CLOSED),
        stage("lost", StageKind.LOST, 0, ForecastCategory.OMITTED));
    List<StageTransition> transitions = List.of(move("qualify", "propose"),
        move("propose", "negotiate"), move("negotiate", "won"), move("qualify", "lost"),
        move("propose", "lost"), move("negotiate", "lost"));
    return new Pipeline(RETAIL, "Retail", stages, transitions,
        List.of(new LostReason("price", "Price")), List.empty(), true,
        at("2026-01-01T00:00:00Z"));
  }

  private static Stage stage(String code, StageKind kind, int probability,
      ForecastCategory category) {
    return new Stage(StageCode.of(code), code.substring(0, 1).toUpperCase() + code.substring(1),
        kind, Percentage.ofPercent(probability), category);
  }

  private static StageTransition move(String from, String to) {
    return new StageTransition(StageCode.of(from), StageCode.of(to), List.empty());
  }

  static Deal deal(String id) {
    return new Deal(id);
  }

  /** Writes a deal's history step by step; {@link #then} starts the next history entry. */
  static final class Deal {
    private final String id;
    private final java.util.List<StageHistoryEntry> done = new ArrayList<>();
    private String owner = "E-ann";
    private Option<TeamId> team = Option.none();
    private PipelineId pipeline = RETAIL;
    private Currency currency = EUR;
    private Instant at = at("2026-01-05T09:00:00Z");
    private StageCode stage = StageCode.of("qualify");
    private Option<Money> amount = Option.none();
    private Percentage probability = Percentage.ofPercent(10);
    private boolean probabilityOverridden;
    private ForecastCategory category = ForecastCategory.PIPELINE;
    private boolean categoryOverridden;
    private Option<LocalDate> close = Option.none();

    private Deal(String id) {
      this.id = id;
    }

    Deal owner(String value) {
      owner = value;
      return this;
    }

    Deal team(String value) {
      team = Option.some(TeamId.parse(value));
      return this;
    }

    Deal pipeline(String value) {
      pipeline = PipelineId.parse(value);
      return this;
    }

    Deal currency(Currency value) {
      currency = value;
      return this;
    }

    Deal openedAt(String instant) {
      at = at(instant);
      return this;
    }

    Deal amount(String money) {
      return amount(Money.parse(money));
    }

    Deal amount(Money money) {
      amount = Option.some(money);
      currency = money.currency();
      return this;
    }

    Deal noAmount() {
      amount = Option.none();
      return this;
    }

    Deal closeOn(String date) {
      close = Option.some(day(date));
      return this;
    }

    Deal closeOn(LocalDate date) {
      close = Option.of(date);
      return this;
    }

    /** Enters a stage of the retail pipeline with its defaults. */
    Deal stage(String code) {
      int percent;
      ForecastCategory defaults;
      switch (code) {
        case "propose" -> {
          percent = 40;
          defaults = ForecastCategory.BEST_CASE;
        }
        case "negotiate" -> {
          percent = 70;
          defaults = ForecastCategory.COMMIT;
        }
        case "won" -> {
          percent = 100;
          defaults = ForecastCategory.CLOSED;
        }
        case "lost" -> {
          percent = 0;
          defaults = ForecastCategory.OMITTED;
        }
        default -> {
          percent = 10;
          defaults = ForecastCategory.PIPELINE;
        }
      }
      stage = StageCode.of(code);
      probability = Percentage.ofPercent(percent);
      category = defaults;
      probabilityOverridden = false;
      categoryOverridden = false;
      return this;
    }

    Deal probability(String percent) {
      probability = Percentage.parse(percent);
      probabilityOverridden = true;
      return this;
    }

    Deal category(ForecastCategory value) {
      category = value;
      categoryOverridden = true;
      return this;
    }

    /** Records the current state as a history entry; the next changes happen at the instant. */
    Deal then(String instant) {
      return then(at(instant));
    }

    Deal then(Instant instant) {
      done.add(entry());
      at = instant;
      return this;
    }

    Deal won(String instant) {
      return then(instant).stage("won");
    }

    Deal lost(String instant) {
      return then(instant).stage("lost");
    }

    Opportunity build() {
      List<StageHistoryEntry> history = List.ofAll(done).append(entry());
      OpportunityStatus status = stage.value().equals("won") ? OpportunityStatus.WON
          : stage.value().equals("lost") ? OpportunityStatus.LOST : OpportunityStatus.OPEN;
      Option<Instant> closedAt = Option.none();
      if (status != OpportunityStatus.OPEN) {
        Instant closing = history.last().at();
        for (StageHistoryEntry entry : history.reverse()) {
          if (!entry.stage().equals(stage)) {
            break;
          }
          closing = entry.at();
        }
        closedAt = Option.some(closing);
      }
      return new Opportunity(OpportunityId.parse(id), "Deal " + id, CustomerId.parse("C-" + id),
          pipeline, stage, status, EmployeeId.parse(owner), team, currency, amount, List.empty(),
          close, probability, probabilityOverridden, category, categoryOverridden, List.empty(),
          Option.none(), Option.none(), Option.none(),
          status == OpportunityStatus.LOST ? Option.some(new LostReason("price", "Price"))
              : Option.none(),
          status == OpportunityStatus.WON ? Option.some(PurchaseId.parse("PU-" + id))
              : Option.none(),
          history.head().at(), SYSTEM, history.last().at(), closedAt, history);
    }

    private StageHistoryEntry entry() {
      return new StageHistoryEntry(at, SYSTEM, stage, amount, probability, probabilityOverridden,
          category, categoryOverridden, close);
    }
  }

  private static final String[] OPEN_STAGES = {"qualify", "propose", "negotiate"};
  private static final ForecastCategory[] OPEN_CATEGORIES = {ForecastCategory.OMITTED,
      ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT};

  /**
   * Builds deals from a seed: up to 60 deals of 5 owners and 3 teams (or none), in the given
   * currencies, with 1 to 6 history entries changing stage, amount, close date, probability and
   * category, a quarter of them won and a sixth lost.
   */
  static List<Opportunity> randomDeals(long seed, Currency... currencies) {
    Random random = new Random(seed);
    int count = 1 + random.nextInt(60);
    java.util.List<Opportunity> deals = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      deals.add(randomDeal(random, n, currencies));
    }
    return List.ofAll(deals);
  }

  static Opportunity randomDeal(Random random, int n, Currency... currencies) {
    Currency currency = currencies[random.nextInt(currencies.length)];
    Instant when = at("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 90)));
    Deal deal = deal("O-" + n).owner("E-" + random.nextInt(5)).currency(currency)
        .openedAt(when.toString());
    if (random.nextInt(4) > 0) {
      deal.team("T-" + random.nextInt(3));
    }
    deal.stage(OPEN_STAGES[random.nextInt(3)]);
    randomAmount(random, deal, currency);
    deal.closeOn(random.nextInt(8) == 0 ? null : day("2026-02-01").plusDays(random.nextInt(400)));
    int changes = random.nextInt(6);
    for (int step = 0; step < changes; step++) {
      when = when.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
      deal.then(when);
      switch (random.nextInt(5)) {
        case 0 -> deal.stage(OPEN_STAGES[random.nextInt(3)]);
        case 1 -> randomAmount(random, deal, currency);
        case 2 -> deal.closeOn(day("2026-02-01").plusDays(random.nextInt(400)));
        case 3 -> deal.probability((random.nextBoolean()
            ? java.math.BigDecimal.valueOf(random.nextInt(1001), 1)
            : java.math.BigDecimal.valueOf(random.nextInt(100_001), 3)) + "%");
        default -> deal.category(OPEN_CATEGORIES[random.nextInt(OPEN_CATEGORIES.length)]);
      }
    }
    int ending = random.nextInt(12);
    if (ending < 3) {
      deal.won(when.plus(Duration.ofHours(1 + random.nextInt(500))).toString());
    } else if (ending < 5) {
      deal.lost(when.plus(Duration.ofHours(1 + random.nextInt(500))).toString());
    }
    return deal.build();
  }

  private static void randomAmount(Random random, Deal deal, Currency currency) {
    if (random.nextInt(8) == 0) {
      deal.noAmount();
    } else {
      deal.amount(Money.ofMinor(random.nextInt(10_000_000), currency));
    }
  }
}
