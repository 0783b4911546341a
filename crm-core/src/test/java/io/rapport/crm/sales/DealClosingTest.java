package io.rapport.crm.sales;

import static io.rapport.crm.sales.PipelineFixtures.aDealInNegotiation;
import static io.rapport.crm.sales.PipelineFixtures.aNewDeal;
import static io.rapport.crm.sales.PipelineFixtures.at;
import static io.rapport.crm.sales.PipelineFixtures.retail;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PurchaseId;
import org.junit.jupiter.api.Test;

class DealClosingTest {

  private static final PurchaseId SALE = PurchaseId.parse("PU-9");

  @Test
  void winningRecordsThePurchaseOfTheDealsLinesOnItsTerms() {
    Opportunity deal = aDealInNegotiation();
    EventStamp stamp = at(20);

    DealClosing.Won won = DealClosing.win(deal, retail(), SALE, PaymentTerms.PREPAID, "store",
        stamp).get();

    Opportunity closed = won.opportunity().state();
    Purchase purchase = won.purchase().state();
    assertThat(closed.status()).isEqualTo(OpportunityStatus.WON);
    assertThat(closed.purchase()).contains(SALE);
    assertThat(purchase.id()).isEqualTo(SALE);
    assertThat(purchase.customer()).isEqualTo(deal.customer());
    assertThat(purchase.opportunity()).contains(deal.id());
    assertThat(purchase.total()).isEqualTo(deal.amount().get());
    assertThat(purchase.lines()).isEqualTo(deal.lineItems());
    assertThat(purchase.purchasedAt()).isEqualTo(stamp.at());
    assertThat(purchase.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
    assertThat(purchase.mayDeliver()).isFalse();
    assertThat(won.opportunity().events().head()).isInstanceOf(OpportunityWon.class);
    assertThat(((PurchaseEvent) won.purchase().events().head()).stamp())
        .isEqualTo(stamp.next(1));
  }

  @Test
  void aRefusedWinRecordsNothing() {
    assertThat(DealClosing.win(aNewDeal(), retail(), SALE, PaymentTerms.PREPAID, "store", at(1))
        .getLeft().code()).isEqualTo("opportunity.transition.not_allowed");
    assertThat(DealClosing.win(aDealInNegotiation(), retail(), SALE, PaymentTerms.PREPAID,
        "Front Desk", at(20)).getLeft().code()).isEqualTo("purchase.channel.malformed");
  }
}
