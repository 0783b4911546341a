package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CLOSE;
import static io.rapport.crm.sales.PipelineFixtures.CNY;
import static io.rapport.crm.sales.PipelineFixtures.CUSTOMER;
import static io.rapport.crm.sales.PipelineFixtures.DEAL_ID;
import static io.rapport.crm.sales.PipelineFixtures.EUR;
import static io.rapport.crm.sales.PipelineFixtures.LI;
import static io.rapport.crm.sales.PipelineFixtures.NEGOTIATION;
import static io.rapport.crm.sales.PipelineFixtures.NEW;
import static io.rapport.crm.sales.PipelineFixtures.PROPOSAL;
import static io.rapport.crm.sales.PipelineFixtures.QUOTE;
import static io.rapport.crm.sales.PipelineFixtures.T0;
import static io.rapport.crm.sales.PipelineFixtures.TABLE;
import static io.rapport.crm.sales.PipelineFixtures.WANG;
import static io.rapport.crm.sales.PipelineFixtures.accepted;
import static io.rapport.crm.sales.PipelineFixtures.aNewDeal;
import static io.rapport.crm.sales.PipelineFixtures.at;
import static io.rapport.crm.sales.PipelineFixtures.cny;
import static io.rapport.crm.sales.PipelineFixtures.diningSet;
import static io.rapport.crm.sales.PipelineFixtures.retail;
import static io.rapport.crm.sales.PipelineFixtures.tableLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class OpportunityTest {

  static List<String> problems(Validation<Seq<Violation>, Transition<Opportunity>> result) {
    assertThat(result.isInvalid()).as("invalid").isTrue();
    return result.getError().map(v -> v.field() + " " + v.code()).toList();
  }

  static String refusal(Either<OpportunityRejection, Transition<Opportunity>> result) {
    assertThat(result.isLeft()).as("refused").isTrue();
    return result.getLeft().code();
  }

  static OpportunityEvent onlyEvent(Either<OpportunityRejection, Transition<Opportunity>> result) {
    assertThat(result.isRight()).as("accepted").isTrue();
    assertThat(result.get().events()).hasSize(1);
    return (OpportunityEvent) result.get().events().head();
  }

  // ---- open ----

  @Test
  void opensInTheFirstOpenStageWithItsDefaults() {
    Transition<Opportunity> opened = Opportunity.open(DEAL_ID, diningSet()
        .lead(LeadId.parse("L-9")).team(TeamId.parse("T-store")), retail(), at(0)).get();
    Opportunity deal = opened.state();

    assertThat(deal.stage()).isEqualTo(NEW);
    assertThat(deal.status()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(deal.probability()).isEqualTo(Percentage.ofPercent(5));
    assertThat(deal.probabilityOverridden()).isFalse();
    assertThat(deal.category()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(deal.categoryOverridden()).isFalse();
    assertThat(deal.amount()).isEmpty();
    assertThat(deal.currency()).isEqualTo(CNY);
    assertThat(deal.createdAt()).isEqualTo(T0).isEqualTo(deal.updatedAt());
    assertThat(deal.history()).singleElement().satisfies(entry -> {
      assertThat(entry.at()).isEqualTo(T0);
      assertThat(entry.stage()).isEqualTo(NEW);
      assertThat(entry.by()).isEqualTo(deal.createdBy());
    });
    assertThat(opened.events()).singleElement().isInstanceOfSatisfying(OpportunityOpened.class,
        e -> {
          assertThat(e.opportunityId()).isEqualTo(DEAL_ID);
          assertThat(e.customer()).isEqualTo(CUSTOMER);
          assertThat(e.stage()).isEqualTo(NEW);
          assertThat(e.lead()).contains(LeadId.parse("L-9"));
          assertThat(e.aggregateId()).isEqualTo(DEAL_ID);
        });
  }

  @Test
  void opensWithOverridesFlaggedAndLineItemsMakingTheAmount() {
    Opportunity deal = Opportunity.open(DEAL_ID, diningSet().amount(cny("1.00"))
        .lineItem(tableLine()).probability(Percentage.ofPercent(30))
        .category(ForecastCategory.COMMIT).competitor(" Ming Furniture ").nextStep("  ")
        .expectedClose(CLOSE), retail(), at(0)).get().state();

    assertThat(deal.amount()).contains(cny("49408.00"));
    assertThat(deal.enteredAmount()).contains(cny("1.00"));
    assertThat(deal.probability()).isEqualTo(Percentage.ofPercent(30));
    assertThat(deal.probabilityOverridden()).isTrue();
    assertThat(deal.category()).isEqualTo(ForecastCategory.COMMIT);
    assertThat(deal.categoryOverridden()).isTrue();
    assertThat(deal.competitors()).containsExactly("Ming Furniture");
    assertThat(deal.nextStep()).isEmpty();
    assertThat(deal.history().last().amount()).contains(cny("49408.00"));
    assertThat(deal.history().last().probabilityOverridden()).isTrue();
  }

  @Test
  void reportsEveryMistakeOfADraftWithItsField() {
    OpportunityDraft draft = OpportunityDraft.of(" ", null, null, "cny")
        .amount(Money.of("-5.00", EUR))
        .lineItem(LineItem.of(TABLE, Quantity.pieces(2),
            UnitPrice.of(Money.of("10.00", EUR), QuantityUnit.JIN)))
        .expectedClose(LocalDate.parse("2026-11-01"))
        .probability(Percentage.ofPercent(140))
        .category(ForecastCategory.CLOSED)
        .competitor("Ming", "", "Ming")
        .nextStep("x".repeat(501))
        .stage("Proposal");

    assertThat(problems(Opportunity.open(DEAL_ID, draft,
        retail().deactivate(at(-5)).get().state(), at(0)))).containsExactly(
            "name opportunity.name.blank",
            "customer opportunity.customer.missing",
            "owner opportunity.owner.missing",
            "currency money.currency.unknown",
            "amount opportunity.amount.negative",
            "lineItems[0].quantity opportunity.line_item.unit_mismatch",
            "expectedClose opportunity.expected_close.past",
            "probability opportunity.probability.out_of_range",
            "category opportunity.category.closed_not_allowed",
            "competitors[1] opportunity.competitor.blank",
            "competitors[2] opportunity.competitor.duplicate",
            "nextStep opportunity.next_step.too_long",
            "pipeline opportunity.pipeline.inactive",
            "stage stage.code.malformed");
  }

  @Test
  void reportsCurrencyMismatchesAgainstTheDealsCurrency() {
    OpportunityDraft draft = diningSet().amount(Money.of("5.00", EUR))
        .lineItem(LineItem.of(TABLE, Quantity.pieces(1),
            UnitPrice.of(Money.of("10.00", EUR), QuantityUnit.PIECE)))
        .stage("nowhere");

    assertThat(problems(Opportunity.open(DEAL_ID, draft, retail(), at(0)))).containsExactly(
        "amount opportunity.amount.currency_mismatch",
        "lineItems[0].unitPrice opportunity.line_item.currency_mismatch",
        "stage opportunity.stage.unknown");
  }

  @Test
  void reportsAMissingCurrencyAndOneWithoutMinorUnits() {
    assertThat(problems(Opportunity.open(DEAL_ID,
        OpportunityDraft.of("Deal", CUSTOMER, LI, (String) null), retail(), at(0))))
        .containsExactly("currency opportunity.currency.missing");
    assertThat(problems(Opportunity.open(DEAL_ID,
        OpportunityDraft.of("Deal", CUSTOMER, LI, Currency.getInstance("XAU")), retail(), at(0))))
        .containsExactly("currency money.currency.no_minor_unit");
  }

  @Test
  void refusesToOpenInAClosedStage() {
    assertThat(problems(Opportunity.open(DEAL_ID, diningSet().stage("won"), retail(), at(0))))
        .containsExactly("stage opportunity.stage.not_open");
  }

  @Test
  void openingInALaterStageRequiresTheGuardsIntoIt() {
    List<String> missing = problems(Opportunity.open(DEAL_ID, diningSet().stage("proposal"),
        retail(), at(0)));
    Opportunity proposal = Opportunity.open(DEAL_ID, diningSet().stage("proposal")
        .amount(cny("80000.00")).expectedClose(CLOSE), retail(), at(0)).get().state();

    assertThat(missing).containsExactly("stage opportunity.stage.guard_failed",
        "stage opportunity.stage.guard_failed");
    assertThat(Opportunity.open(DEAL_ID, diningSet().stage("proposal"), retail(), at(0))
        .getError().map(Violation::message)).containsExactly(
            "To open in Proposal, an amount is required before Proposal [amount_required]",
            "To open in Proposal, an expected close date is required before Proposal"
                + " [close_date_required]");
    assertThat(proposal.stage()).isEqualTo(PROPOSAL);
    assertThat(proposal.probability()).isEqualTo(Percentage.ofPercent(50));
    assertThat(proposal.category()).isEqualTo(ForecastCategory.BEST_CASE);
  }

  @Test
  void acceptsAnExpectedCloseDateThatIsStillTodaySomewhere() {
    // T0 is 2026-11-23T01:00Z: still 2026-11-22 in UTC-12
    assertThat(Opportunity.open(DEAL_ID, diningSet().expectedClose(LocalDate.parse("2026-11-22")),
        retail(), at(0)).isValid()).isTrue();
    assertThat(problems(Opportunity.open(DEAL_ID,
        diningSet().expectedClose(LocalDate.parse("2026-11-21")), retail(), at(0))))
        .containsExactly("expectedClose opportunity.expected_close.past");
  }

  // ---- the constructor ----

  @Test
  void theConstructorReportsEveryBrokenInvariant() {
    Opportunity deal = aNewDeal();

    assertThatThrownBy(() -> new Opportunity(deal.id(), "", deal.customer(), deal.pipeline(),
        deal.stage(), OpportunityStatus.WON, deal.owner(), deal.team(), deal.currency(),
        Option.of(Money.of("1.00", EUR)), deal.lineItems(), deal.expectedClose(),
        Percentage.ofPercent(-1), false, deal.category(), false, List.of("A", "A"),
        Option.of(" "), deal.quote(), deal.lead(), Option.of(LostReason.of("price", "Price")),
        Option.none(), deal.createdAt(), deal.createdBy(), deal.createdAt().minusSeconds(1),
        Option.none(), Vector.empty()))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code)).containsExactly(
                "opportunity.name.blank", "opportunity.amount.currency_mismatch",
                "opportunity.probability.out_of_range", "opportunity.competitor.duplicate",
                "opportunity.next_step.blank", "opportunity.lost_reason.mismatch",
                "opportunity.purchase.mismatch", "opportunity.closed_at.mismatch",
                "opportunity.updated_at.before_creation", "opportunity.history.empty"));
  }

  @Test
  void theConstructorChecksTheHistoryAgainstTheCurrentValues() {
    Opportunity deal = accepted(aNewDeal().enterAmount(cny("100.00"), at(5)));
    StageHistoryEntry first = deal.history().head();
    StageHistoryEntry late = new StageHistoryEntry(deal.updatedAt().plusSeconds(60),
        first.by(), NEGOTIATION, first.amount(), first.probability(), false, first.category(),
        false, first.expectedClose());

    assertThatThrownBy(() -> new Opportunity(deal.id(), deal.name(), deal.customer(),
        deal.pipeline(), deal.stage(), deal.status(), deal.owner(), deal.team(), deal.currency(),
        deal.enteredAmount(), deal.lineItems(), deal.expectedClose(), deal.probability(), false,
        deal.category(), false, deal.competitors(), deal.nextStep(), deal.quote(), deal.lead(),
        Option.none(), Option.none(), deal.createdAt().minusSeconds(1), deal.createdBy(),
        deal.updatedAt(), Option.none(), List.of(deal.history().last(), first, late)))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(v -> v.field() + " " + v.code())).containsExactly(
                "history[0].at opportunity.history.first_not_at_creation",
                "history[1].at opportunity.history.out_of_order",
                "history[2].at opportunity.history.after_update",
                "history[2] opportunity.history.last_mismatch"));
  }

  @Test
  void aHistoryEntryKeepsItsProbabilityInRange() {
    StageHistoryEntry first = aNewDeal().history().head();

    assertThatThrownBy(() -> new StageHistoryEntry(first.at(), first.by(), NEW, Option.none(),
        Percentage.ofPercent(101), false, ForecastCategory.PIPELINE, false, Option.none()))
        .isInstanceOfSatisfying(InvalidValueException.class, e ->
            assertThat(e.violations().map(Violation::code))
                .containsExactly("stage_history.probability.out_of_range"));
  }

  // ---- amount and line items ----

  @Test
  void entersAndClearsAnAmountRecordingEachInTheHistory() {
    Either<OpportunityRejection, Transition<Opportunity>> entered =
        aNewDeal().enterAmount(cny("68000.00"), at(1));
    Opportunity deal = accepted(entered);
    Either<OpportunityRejection, Transition<Opportunity>> cleared = deal.clearAmount(at(2));

    assertThat(deal.amount()).contains(cny("68000.00"));
    assertThat(deal.history()).hasSize(2);
    assertThat(deal.history().last().amount()).contains(cny("68000.00"));
    assertThat(onlyEvent(entered)).isInstanceOfSatisfying(OpportunityAmountChanged.class,
        e -> assertThat(e.amount()).contains(cny("68000.00")));
    assertThat(accepted(cleared).amount()).isEmpty();
    assertThat(accepted(cleared).history()).hasSize(3);
    assertThat(refusal(deal.enterAmount(cny("68000.00"), at(3))))
        .isEqualTo("opportunity.no_change");
    assertThat(refusal(deal.enterAmount(Money.of("1.00", EUR), at(3))))
        .isEqualTo("opportunity.amount.currency_mismatch");
    assertThat(refusal(deal.enterAmount(cny("-1.00"), at(3))))
        .isEqualTo("opportunity.amount.negative");
    assertThat(refusal(aNewDeal().clearAmount(at(3)))).isEqualTo("opportunity.no_change");
  }

  @Test
  void addsReplacesAndRemovesLineItems() {
    LineItem chairs = LineItem.of(TABLE, Quantity.pieces(6),
        UnitPrice.of(cny("3800.00"), QuantityUnit.PIECE));
    Opportunity one = accepted(aNewDeal().enterAmount(cny("100.00"), at(1)))
        .addLineItem(tableLine(), at(2)).get().state();
    Either<OpportunityRejection, Transition<Opportunity>> added = one.addLineItem(chairs, at(3));
    Opportunity two = accepted(added);
    Opportunity replaced = accepted(two.replaceLineItem(0, chairs, at(4)));
    Opportunity removed = accepted(replaced.removeLineItem(1, at(5)));
    Opportunity none = accepted(removed.removeLineItem(0, at(6)));

    assertThat(two.amount()).contains(cny("72208.00"));
    assertThat(onlyEvent(added)).isInstanceOfSatisfying(OpportunityLineItemsChanged.class, e -> {
      assertThat(e.change()).isEqualTo(OpportunityLineItemsChanged.Change.ADDED);
      assertThat(e.index()).isEqualTo(1);
      assertThat(e.amount()).contains(cny("72208.00"));
    });
    assertThat(replaced.amount()).contains(cny("45600.00"));
    assertThat(removed.lineItems()).containsExactly(chairs);
    assertThat(none.amount()).contains(cny("100.00"));
    assertThat(none.history().map(StageHistoryEntry::amount)).containsExactly(Option.none(),
        Option.of(cny("100.00")), Option.of(cny("49408.00")), Option.of(cny("72208.00")),
        Option.of(cny("45600.00")), Option.of(cny("22800.00")), Option.of(cny("100.00")));
  }

  @Test
  void refusesLineItemsAtNoIndexInAnotherCurrencyOrUnpriceable() {
    Opportunity deal = accepted(aNewDeal().addLineItem(tableLine(), at(1)));
    LineItem euros = LineItem.of(TABLE, Quantity.pieces(1),
        UnitPrice.of(Money.of("10.00", EUR), QuantityUnit.PIECE));
    LineItem pieces = LineItem.of(TABLE, Quantity.pieces(1),
        UnitPrice.of(cny("10.00"), QuantityUnit.JIN));

    assertThat(refusal(deal.replaceLineItem(1, tableLine(), at(2))))
        .isEqualTo("opportunity.line_item.no_such_index");
    assertThat(refusal(deal.removeLineItem(-1, at(2))))
        .isEqualTo("opportunity.line_item.no_such_index");
    assertThat(refusal(deal.addLineItem(euros, at(2))))
        .isEqualTo("opportunity.line_item.currency_mismatch");
    assertThat(refusal(deal.addLineItem(pieces, at(2))))
        .isEqualTo("opportunity.line_item.unit_mismatch");
    assertThat(refusal(deal.replaceLineItem(0, tableLine(), at(2))))
        .isEqualTo("opportunity.no_change");
    assertThat(deal.replaceLineItem(1, tableLine(), at(2)).getLeft().message())
        .isEqualTo("The opportunity has 1 line items, so no line at 1");
  }

  // ---- close date, overrides ----

  @Test
  void changesAndClearsTheExpectedCloseDate() {
    Either<OpportunityRejection, Transition<Opportunity>> changed =
        aNewDeal().changeExpectedClose(CLOSE, at(1));
    Opportunity deal = accepted(changed);
    Opportunity later = accepted(deal.changeExpectedClose(CLOSE.plusDays(30), at(2)));

    assertThat(onlyEvent(changed)).isInstanceOfSatisfying(OpportunityCloseDateChanged.class,
        e -> {
          assertThat(e.previous()).isEmpty();
          assertThat(e.next()).contains(CLOSE);
        });
    assertThat(later.history().map(StageHistoryEntry::expectedClose))
        .containsExactly(Option.none(), Option.of(CLOSE), Option.of(CLOSE.plusDays(30)));
    assertThat(accepted(later.clearExpectedClose(at(3))).expectedClose()).isEmpty();
    assertThat(refusal(deal.changeExpectedClose(CLOSE, at(2)))).isEqualTo("opportunity.no_change");
    assertThat(refusal(deal.changeExpectedClose(LocalDate.parse("2026-01-01"), at(2))))
        .isEqualTo("opportunity.expected_close.past");
    assertThat(refusal(aNewDeal().clearExpectedClose(at(2)))).isEqualTo("opportunity.no_change");
  }

  @Test
  void overridesAndClearsTheProbabilityIndependentlyOfTheStage() {
    Either<OpportunityRejection, Transition<Opportunity>> overridden =
        aNewDeal().overrideProbability(Percentage.ofPercent(40), at(1));
    Opportunity deal = accepted(overridden);
    Either<OpportunityRejection, Transition<Opportunity>> cleared =
        deal.clearProbabilityOverride(retail(), at(2));

    assertThat(deal.probability()).isEqualTo(Percentage.ofPercent(40));
    assertThat(deal.probabilityOverridden()).isTrue();
    assertThat(deal.category()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(deal.history().last().probabilityOverridden()).isTrue();
    assertThat(onlyEvent(overridden)).isInstanceOfSatisfying(
        OpportunityProbabilityOverridden.class,
        e -> assertThat(e.override()).contains(Percentage.ofPercent(40)));
    assertThat(accepted(cleared).probability()).isEqualTo(Percentage.ofPercent(5));
    assertThat(accepted(cleared).probabilityOverridden()).isFalse();
    assertThat(onlyEvent(cleared)).isInstanceOfSatisfying(OpportunityProbabilityOverridden.class,
        e -> assertThat(e.override()).isEmpty());
    assertThat(refusal(deal.overrideProbability(Percentage.ofPercent(40), at(2))))
        .isEqualTo("opportunity.no_change");
    assertThat(refusal(deal.overrideProbability(Percentage.ofPercent(101), at(2))))
        .isEqualTo("opportunity.probability.out_of_range");
    assertThat(refusal(aNewDeal().clearProbabilityOverride(retail(), at(2))))
        .isEqualTo("opportunity.no_change");
  }

  @Test
  void overridesAndClearsTheCategoryButNeverToClosed() {
    Opportunity deal = accepted(aNewDeal().overrideCategory(ForecastCategory.COMMIT, at(1)));
    Opportunity cleared = accepted(deal.clearCategoryOverride(retail(), at(2)));

    assertThat(deal.category()).isEqualTo(ForecastCategory.COMMIT);
    assertThat(deal.categoryOverridden()).isTrue();
    assertThat(deal.probabilityOverridden()).isFalse();
    assertThat(cleared.category()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(cleared.history().map(StageHistoryEntry::categoryOverridden))
        .containsExactly(false, true, false);
    assertThat(refusal(aNewDeal().overrideCategory(ForecastCategory.CLOSED, at(1))))
        .isEqualTo("opportunity.category.closed_not_allowed");
    assertThat(refusal(deal.overrideCategory(ForecastCategory.COMMIT, at(2))))
        .isEqualTo("opportunity.no_change");
    assertThat(refusal(cleared.clearCategoryOverride(retail(), at(3))))
        .isEqualTo("opportunity.no_change");
  }

  // ---- competitors, next step, quote, owner, name ----

  @Test
  void addsAndRemovesCompetitorsWithoutTouchingTheHistory() {
    Either<OpportunityRejection, Transition<Opportunity>> added =
        aNewDeal().addCompetitor(" Ming Furniture ", at(1));
    Opportunity deal = accepted(added);

    assertThat(deal.competitors()).containsExactly("Ming Furniture");
    assertThat(deal.history()).hasSize(1);
    assertThat(deal.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(onlyEvent(added)).isInstanceOfSatisfying(OpportunityCompetitorsChanged.class,
        e -> assertThat(e.added()).isTrue());
    assertThat(accepted(deal.removeCompetitor("Ming Furniture", at(2))).competitors()).isEmpty();
    assertThat(refusal(deal.addCompetitor("Ming Furniture", at(2))))
        .isEqualTo("opportunity.competitor.duplicate");
    assertThat(refusal(deal.addCompetitor(" ", at(2)))).isEqualTo("opportunity.competitor.blank");
    assertThat(refusal(deal.addCompetitor("x".repeat(201), at(2))))
        .isEqualTo("opportunity.competitor.too_long");
    assertThat(refusal(deal.removeCompetitor("Qing Wood", at(2))))
        .isEqualTo("opportunity.competitor.unknown");
  }

  @Test
  void setsAndClearsTheNextStepWithoutPuttingItsTextInTheEvent() {
    Either<OpportunityRejection, Transition<Opportunity>> set =
        aNewDeal().setNextStep(" Measure the dining room on Saturday ", at(1));
    Opportunity deal = accepted(set);

    assertThat(deal.nextStep()).contains("Measure the dining room on Saturday");
    assertThat(onlyEvent(set)).isInstanceOfSatisfying(OpportunityNextStepChanged.class,
        e -> assertThat(e.present()).isTrue());
    assertThat(accepted(deal.clearNextStep(at(2))).nextStep()).isEmpty();
    assertThat(refusal(deal.setNextStep("\t", at(2)))).isEqualTo("opportunity.next_step.blank");
    assertThat(refusal(deal.setNextStep("x".repeat(501), at(2))))
        .isEqualTo("opportunity.next_step.too_long");
    assertThat(refusal(deal.setNextStep("Measure the dining room on Saturday", at(2))))
        .isEqualTo("opportunity.no_change");
    assertThat(refusal(aNewDeal().clearNextStep(at(2)))).isEqualTo("opportunity.no_change");
  }

  @Test
  void attachesQuotesReassignsAndRenames() {
    Opportunity deal = aNewDeal();
    Either<OpportunityRejection, Transition<Opportunity>> quoted = deal.attachQuote(QUOTE, at(1));
    Either<OpportunityRejection, Transition<Opportunity>> second =
        accepted(quoted).attachQuote(QuoteId.parse("Q-2"), at(2));
    Either<OpportunityRejection, Transition<Opportunity>> reassigned =
        deal.reassign(WANG, Option.of(TeamId.parse("T-calls")), at(1));
    Either<OpportunityRejection, Transition<Opportunity>> renamed =
        deal.rename(" Tea table for the Li family ", at(1));

    assertThat(accepted(second).quote()).contains(QuoteId.parse("Q-2"));
    assertThat(onlyEvent(second)).isInstanceOfSatisfying(OpportunityQuoteAttached.class,
        e -> assertThat(e.previous()).contains(QUOTE));
    assertThat(refusal(accepted(quoted).attachQuote(QUOTE, at(2))))
        .isEqualTo("opportunity.no_change");
    assertThat(accepted(reassigned).owner()).isEqualTo(WANG);
    assertThat(onlyEvent(reassigned)).isInstanceOfSatisfying(OpportunityReassigned.class,
        e -> assertThat(e.previousOwner()).isEqualTo(LI));
    assertThat(refusal(deal.reassign(LI, Option.none(), at(1)))).isEqualTo("opportunity.no_change");
    assertThat(accepted(renamed).name()).isEqualTo("Tea table for the Li family");
    assertThat(onlyEvent(renamed)).isInstanceOf(OpportunityRenamed.class);
    assertThat(refusal(deal.rename(" ", at(1)))).isEqualTo("opportunity.name.blank");
    assertThat(refusal(deal.rename("x".repeat(201), at(1)))).isEqualTo("opportunity.name.too_long");
    assertThat(refusal(deal.rename(deal.name(), at(1)))).isEqualTo("opportunity.no_change");
  }

  @Test
  void transfersToAnotherCustomerEvenWhenClosedKeepingTheHistory() {
    Opportunity lost = accepted(aNewDeal().lose("price", retail(), at(1)));
    CustomerId survivor = CustomerId.parse("C-2002");

    Either<OpportunityRejection, Transition<Opportunity>> moved = lost.transferTo(survivor, at(2));

    assertThat(accepted(moved).customer()).isEqualTo(survivor);
    assertThat(accepted(moved).status()).isEqualTo(OpportunityStatus.LOST);
    assertThat(accepted(moved).history()).isEqualTo(lost.history());
    assertThat(onlyEvent(moved)).isInstanceOfSatisfying(OpportunityTransferred.class,
        e -> assertThat(e.previous()).isEqualTo(CUSTOMER));
    assertThat(refusal(accepted(moved).transferTo(survivor, at(3))))
        .isEqualTo("opportunity.no_change");
    assertThat(refusal(accepted(moved).transferTo(CUSTOMER, at(1))))
        .isEqualTo("opportunity.out_of_order");
  }

  // ---- refusals every command shares ----

  @Test
  void refusesCommandsDatedBeforeTheLastChange() {
    Opportunity deal = accepted(aNewDeal().enterAmount(cny("100.00"), at(10)));
    EventStamp earlier = at(9);

    assertThat(refusal(deal.rename("Other", earlier))).isEqualTo("opportunity.out_of_order");
    assertThat(refusal(deal.moveTo(PipelineFixtures.CONSULTATION, retail(), earlier)))
        .isEqualTo("opportunity.out_of_order");
    assertThat(deal.rename("Other", earlier).getLeft().message())
        .contains("cannot be dated before its last change");
    assertThat(accepted(deal.rename("Other", at(10))).updatedAt()).isEqualTo(deal.updatedAt());
  }

  @Test
  void refusesAPipelineThatIsNotTheOpportunitys() {
    Pipeline gifts = PipelineFixtures.gifts();

    assertThat(refusal(aNewDeal().moveTo(StageCode.of("qualified"), gifts, at(1))))
        .isEqualTo("opportunity.pipeline_mismatch");
    assertThat(refusal(aNewDeal().lose("price", gifts, at(1))))
        .isEqualTo("opportunity.pipeline_mismatch");
    assertThat(aNewDeal().nextStages(gifts)).isEmpty();
  }
}
