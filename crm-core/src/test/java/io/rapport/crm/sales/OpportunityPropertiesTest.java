package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CLOSE;
import static io.rapport.crm.sales.PipelineFixtures.CNY;
import static io.rapport.crm.sales.PipelineFixtures.DEAL_ID;
import static io.rapport.crm.sales.PipelineFixtures.EUR;
import static io.rapport.crm.sales.PipelineFixtures.LI;
import static io.rapport.crm.sales.PipelineFixtures.LI_ACTOR;
import static io.rapport.crm.sales.PipelineFixtures.QUOTE;
import static io.rapport.crm.sales.PipelineFixtures.T0;
import static io.rapport.crm.sales.PipelineFixtures.TABLE;
import static io.rapport.crm.sales.PipelineFixtures.WANG;
import static io.rapport.crm.sales.PipelineFixtures.diningSet;
import static io.rapport.crm.sales.PipelineFixtures.qt;
import static io.rapport.crm.sales.PipelineFixtures.tableLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws that hold whatever commands an opportunity receives, in whatever order. */
class OpportunityPropertiesTest {

  static final Pipeline RETAIL = PipelineFixtures.retail();
  static final List<StageCode> STAGES = RETAIL.stages().map(Stage::code).toList()
      .append(StageCode.of("atlantis"));
  static final List<String> REASONS = List.of("price", "competitor", "weather", "no_budget");
  static final List<String> TEXTS = List.of("Ming Furniture", " ", "Qing Wood", "x".repeat(201));
  static final List<LineItem> LINES = List.of(tableLine(),
      LineItem.of(TABLE, Quantity.pieces(6), UnitPrice.of(Money.of("3800.00", CNY),
          QuantityUnit.PIECE)),
      LineItem.of(TABLE, Quantity.pieces(1), UnitPrice.of(Money.of("10.00", EUR),
          QuantityUnit.PIECE)),
      LineItem.of(TABLE, Quantity.pieces(2), UnitPrice.of(Money.of("10.00", CNY),
          QuantityUnit.JIN)));

  /** Each number picks a command, its arguments and how far the clock moves (possibly back). */
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60);

  static Opportunity start(int code) {
    OpportunityDraft draft = code % 2 == 0 ? diningSet()
        : diningSet().lineItem(tableLine()).expectedClose(CLOSE).quote(QUOTE)
            .stage("negotiation");
    return Opportunity.open(DEAL_ID, draft, RETAIL, stamp(0, T0)).get().state();
  }

  static EventStamp stamp(int n, Instant at) {
    return EventStamp.of(EventId.parse("ev-" + n), at, LI_ACTOR);
  }

  /** Applies the command a number encodes. */
  static Either<OpportunityRejection, Transition<Opportunity>> apply(Opportunity deal, int code,
      EventStamp stamp) {
    int arg = code / 23;
    switch (code % 23) {
      case 0:
      case 1:
        return deal.moveTo(STAGES.get(arg % STAGES.size()), RETAIL, stamp);
      case 2:
        return deal.win(PurchaseId.parse("PU-" + arg % 5), RETAIL, stamp);
      case 3:
        return deal.lose(REASONS.get(arg % REASONS.size()), RETAIL, stamp);
      case 4:
        return deal.reopen(RETAIL, stamp);
      case 5:
        return deal.enterAmount(Money.of(String.valueOf(arg % 7 * 1000 - 1000) + ".00",
            arg % 11 == 0 ? EUR : CNY), stamp);
      case 6:
        return deal.clearAmount(stamp);
      case 7:
        return deal.addLineItem(LINES.get(arg % LINES.size()), stamp);
      case 8:
        return deal.replaceLineItem(arg % 3, LINES.get(arg % LINES.size()), stamp);
      case 9:
        return deal.removeLineItem(arg % 3, stamp);
      case 10:
        return deal.changeExpectedClose(CLOSE.plusDays(arg % 90 - 60), stamp);
      case 11:
        return deal.clearExpectedClose(stamp);
      case 12:
        return deal.overrideProbability(Percentage.ofPercent(arg % 120 - 10), stamp);
      case 13:
        return deal.clearProbabilityOverride(RETAIL, stamp);
      case 14:
        return deal.overrideCategory(ForecastCategory.values()[arg % 5], stamp);
      case 15:
        return deal.clearCategoryOverride(RETAIL, stamp);
      case 16:
        return deal.addCompetitor(TEXTS.get(arg % TEXTS.size()), stamp);
      case 17:
        return deal.removeCompetitor(TEXTS.get(arg % TEXTS.size()), stamp);
      case 18:
        return deal.setNextStep(TEXTS.get(arg % TEXTS.size()), stamp);
      case 19:
        return deal.clearNextStep(stamp);
      case 20:
        return deal.attachQuote(QuoteId.parse("Q-" + arg % 3), stamp);
      case 21:
        return deal.reassign(arg % 2 == 0 ? LI : WANG,
            arg % 3 == 0 ? Option.none() : Option.of(TeamId.parse("T-store")), stamp);
      default:
        return deal.rename(TEXTS.get(arg % TEXTS.size()), stamp);
    }
  }

  /** Rebuilds a state through the canonical constructor, which re-checks every invariant. */
  static Opportunity rebuilt(Opportunity o) {
    return new Opportunity(o.id(), o.name(), o.customer(), o.pipeline(), o.stage(), o.status(),
        o.owner(), o.team(), o.currency(), o.enteredAmount(), o.lineItems(), o.expectedClose(),
        o.probability(), o.probabilityOverridden(), o.category(), o.categoryOverridden(),
        o.competitors(), o.nextStep(), o.quote(), o.lead(), o.lostReason(), o.purchase(),
        o.createdAt(), o.createdBy(), o.updatedAt(), o.closedAt(), List.ofAll(o.history()));
  }

  @Test
  void randomCommandSequencesKeepTheInvariants() {
    AtomicInteger closes = new AtomicInteger();
    AtomicInteger reopens = new AtomicInteger();
    qt().forAll(integers().between(0, 1), SCRIPTS).checkAssert((first, script) -> {
      Opportunity deal = start(first);
      Instant clock = T0;
      int n = 1;
      for (int code : script) {
        clock = clock.plus(Duration.ofHours((code / 7) % 50 - 2));
        Either<OpportunityRejection, Transition<Opportunity>> result =
            apply(deal, code, stamp(n++, clock));
        if (result.isLeft()) {
          assertThat(result.getLeft().code()).startsWith("opportunity.");
          continue;
        }
        Opportunity before = deal;
        deal = result.get().state();
        Opportunity now = deal;
        assertThat(result.get().events()).singleElement()
            .isInstanceOfSatisfying(OpportunityEvent.class,
                e -> assertThat(e.aggregateId()).isEqualTo(now.id()));
        assertThatCode(() -> rebuilt(now)).doesNotThrowAnyException();
        StageHistoryEntry last = now.history().last();
        assertThat(Vector.of(last.stage(), last.amount(), last.probability(),
            last.probabilityOverridden(), last.category(), last.categoryOverridden(),
            last.expectedClose())).containsExactly(now.stage(), now.amount(), now.probability(),
            now.probabilityOverridden(), now.category(), now.categoryOverridden(),
            now.expectedClose());
        assertThat(now.closedAt().isDefined()).isEqualTo(now.isClosed());
        assertThat(now.status()).isEqualTo(statusOf(RETAIL.stage(now.stage()).get().kind()));
        assertThat(now.history().startsWith(before.history())).isTrue();
        assertThat(now.updatedAt()).isEqualTo(clock);
        if (now.isClosed() && !before.isClosed()) {
          closes.incrementAndGet();
        } else if (before.isClosed() && !now.isClosed()) {
          reopens.incrementAndGet();
        }
      }
    });
    assertThat(closes.get()).as("closed deals seen").isPositive();
    assertThat(reopens.get()).as("reopened deals seen").isPositive();
  }

  static OpportunityStatus statusOf(StageKind kind) {
    return kind == StageKind.OPEN ? OpportunityStatus.OPEN
        : kind == StageKind.WON ? OpportunityStatus.WON : OpportunityStatus.LOST;
  }

  @Test
  void movingThroughAnyPathTheGraphAllowsAndBackNeverLosesHistory() {
    qt().forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(1, 40))
        .checkAssert(choices -> {
          Opportunity deal = Opportunity.open(DEAL_ID, diningSet().lineItem(tableLine())
              .expectedClose(CLOSE).quote(QUOTE), RETAIL, stamp(0, T0)).get().state();
          List<StageCode> path = List.of(deal.stage());
          Instant clock = T0;
          int n = 1;
          for (int choice : choices) {
            clock = clock.plus(Duration.ofHours(1));
            EventStamp stamp = stamp(n++, clock);
            Either<OpportunityRejection, Transition<Opportunity>> result;
            if (deal.isClosed()) {
              result = deal.reopen(RETAIL, stamp);
            } else {
              OpportunityNextStage next = deal.nextStages(RETAIL)
                  .get(choice % deal.nextStages(RETAIL).size());
              assertThat(next.guardsHold()).isTrue();
              result = next.kind() == StageKind.OPEN ? deal.moveTo(next.stage(), RETAIL, stamp)
                  : next.kind() == StageKind.WON ? deal.win(PurchaseId.parse("PU-1"), RETAIL, stamp)
                  : deal.lose(next.stage(), REASONS.get(choice % 2), RETAIL, stamp);
            }
            if (result.isLeft()) {
              // only a won deal, which the retail pipeline never reopens, stays closed
              assertThat(result.getLeft().code()).isEqualTo("opportunity.reopen.not_allowed");
              break;
            }
            Opportunity before = deal;
            deal = result.get().state();
            path = path.append(deal.stage());
            assertThat(deal.history()).hasSize(before.history().size() + 1);
            assertThat(deal.history().startsWith(before.history())).isTrue();
          }
          assertThat(deal.history().map(StageHistoryEntry::stage)).containsExactlyElementsOf(path);
        });
  }
}
