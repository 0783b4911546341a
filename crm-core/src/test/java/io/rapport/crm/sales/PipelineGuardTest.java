package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.CLOSE;
import static io.rapport.crm.sales.PipelineFixtures.CNY;
import static io.rapport.crm.sales.PipelineFixtures.EUR;
import static io.rapport.crm.sales.PipelineFixtures.PROPOSAL;
import static io.rapport.crm.sales.PipelineFixtures.QUOTE;
import static io.rapport.crm.sales.PipelineFixtures.accepted;
import static io.rapport.crm.sales.PipelineFixtures.aNewDeal;
import static io.rapport.crm.sales.PipelineFixtures.at;
import static io.rapport.crm.sales.PipelineFixtures.cny;
import static io.rapport.crm.sales.PipelineFixtures.tableLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class PipelineGuardTest {

  static final Stage PROPOSAL_STAGE = Stage.of(PROPOSAL, "Proposal", StageKind.OPEN, 50,
      ForecastCategory.BEST_CASE);

  static String failure(StageGuard guard, Opportunity deal) {
    Option<StageGuard.Failure> failure = guard.check(deal, PROPOSAL_STAGE);
    assertThat(failure).as("fails").isNotEmpty();
    assertThat(failure.get().code()).isEqualTo(guard.code());
    assertThat(failure.get().stage()).isEqualTo(PROPOSAL);
    return failure.get().message();
  }

  @Test
  void amountRequiredHoldsForAnEnteredAmountOrLineItems() {
    Opportunity deal = aNewDeal();

    assertThat(failure(StageGuard.AMOUNT_REQUIRED, deal))
        .isEqualTo("an amount is required before Proposal");
    assertThat(StageGuard.AMOUNT_REQUIRED.check(
        accepted(deal.enterAmount(cny("0.00"), at(1))), PROPOSAL_STAGE)).isEmpty();
    assertThat(StageGuard.AMOUNT_REQUIRED.check(
        accepted(deal.addLineItem(tableLine(), at(1))), PROPOSAL_STAGE)).isEmpty();
  }

  @Test
  void closeDateRequiredHoldsWithAnExpectedCloseDate() {
    Opportunity deal = aNewDeal();

    assertThat(failure(StageGuard.CLOSE_DATE_REQUIRED, deal))
        .isEqualTo("an expected close date is required before Proposal");
    assertThat(StageGuard.CLOSE_DATE_REQUIRED.check(
        accepted(deal.changeExpectedClose(CLOSE, at(1))), PROPOSAL_STAGE)).isEmpty();
  }

  @Test
  void quoteRequiredHoldsWithAQuote() {
    Opportunity deal = aNewDeal();

    assertThat(failure(StageGuard.QUOTE_REQUIRED, deal))
        .isEqualTo("a quote is required before Proposal");
    assertThat(StageGuard.QUOTE_REQUIRED.check(accepted(deal.attachQuote(QUOTE, at(1))),
        PROPOSAL_STAGE)).isEmpty();
  }

  @Test
  void lineItemsRequiredIgnoresAnEnteredAmount() {
    Opportunity withAmount = accepted(aNewDeal().enterAmount(cny("5000.00"), at(1)));

    assertThat(failure(StageGuard.LINE_ITEMS_REQUIRED, withAmount))
        .isEqualTo("at least one line item is required before Proposal");
    assertThat(StageGuard.LINE_ITEMS_REQUIRED.check(
        accepted(withAmount.addLineItem(tableLine(), at(2))), PROPOSAL_STAGE)).isEmpty();
  }

  @Test
  void nextStepRequiredHoldsWithANextStep() {
    Opportunity deal = aNewDeal();

    assertThat(failure(StageGuard.NEXT_STEP_REQUIRED, deal))
        .isEqualTo("a next step is required before Proposal");
    assertThat(StageGuard.NEXT_STEP_REQUIRED.check(
        accepted(deal.setNextStep("Measure the room", at(1))), PROPOSAL_STAGE)).isEmpty();
  }

  @Test
  void minimumAmountComparesInTheSameCurrencyAndExplainsEachFailure() {
    StageGuard guard = StageGuard.minimumAmount(cny("20000.00"));
    Opportunity deal = aNewDeal();
    Opportunity small = accepted(deal.enterAmount(cny("19999.99"), at(1)));

    assertThat(failure(guard, deal))
        .isEqualTo("an amount of at least CNY 20000.00 is required before Proposal");
    assertThat(failure(guard, small)).isEqualTo("an amount of at least CNY 20000.00 is required"
        + " before Proposal, but it is CNY 19999.99");
    assertThat(guard.check(accepted(deal.enterAmount(cny("20000.00"), at(1))), PROPOSAL_STAGE))
        .isEmpty();
    assertThat(guard.check(accepted(deal.addLineItem(tableLine(), at(1))), PROPOSAL_STAGE))
        .isEmpty();
  }

  @Test
  void minimumAmountInAnotherCurrencyFailsWithoutConverting() {
    StageGuard guard = StageGuard.minimumAmount(Money.of("100.00", EUR));
    Opportunity rich = accepted(aNewDeal().enterAmount(Money.of("1000000.00", CNY), at(1)));

    assertThat(failure(guard, rich)).isEqualTo("an amount of at least EUR 100.00 is required"
        + " before Proposal, but the opportunity is in CNY and amounts are not converted");
  }

  @Test
  void aFailurePrintsItsMessageAndCode() {
    assertThat(StageGuard.QUOTE_REQUIRED.check(aNewDeal(), PROPOSAL_STAGE).get())
        .hasToString("a quote is required before Proposal [quote_required]");
  }
}
