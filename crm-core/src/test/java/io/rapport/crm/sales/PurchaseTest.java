package io.rapport.crm.sales;

import static io.rapport.crm.sales.LeadFixtures.AGENT;
import static io.rapport.crm.sales.LeadFixtures.T0;
import static io.rapport.crm.sales.LeadFixtures.accepted;
import static io.rapport.crm.sales.LeadFixtures.minutes;
import static io.rapport.crm.sales.LeadFixtures.refused;
import static io.rapport.crm.sales.LeadFixtures.stamp;
import static io.rapport.crm.sales.LeadFixtures.stampAt;
import static io.rapport.crm.sales.PurchaseFixtures.CLOSED_AT;
import static io.rapport.crm.sales.PurchaseFixtures.CNY;
import static io.rapport.crm.sales.PurchaseFixtures.CUSTOMER;
import static io.rapport.crm.sales.PurchaseFixtures.OPPORTUNITY_ID;
import static io.rapport.crm.sales.PurchaseFixtures.PURCHASE_ID;
import static io.rapport.crm.sales.PurchaseFixtures.aLine;
import static io.rapport.crm.sales.PurchaseFixtures.aPurchase;
import static io.rapport.crm.sales.PurchaseFixtures.aStorePurchase;
import static io.rapport.crm.sales.PurchaseFixtures.aWonOpportunity;
import static io.rapport.crm.sales.PurchaseFixtures.anOpenOpportunity;
import static io.rapport.crm.sales.PurchaseFixtures.cny;
import static io.rapport.crm.sales.PurchaseFixtures.onePieceAt;
import static io.rapport.crm.sales.PurchaseFixtures.wonLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.PurchaseEvent.PaymentRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRefunded;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PurchaseTest {

  static Purchase pay(Purchase purchase, String amount, long minute) {
    return accepted(purchase.recordPayment(cny(amount), Option.none(), stampAt(minute)));
  }

  static Purchase giveBack(Purchase purchase, String amount, long minute) {
    return accepted(purchase.refund(cny(amount), Option.none(), stampAt(minute)));
  }

  @Nested
  class Recording {

    @Test
    void readsEveryPartOfTheDraft() {
      Transition<Purchase> recorded = Purchase.record(PURCHASE_ID,
          aStorePurchase().opportunity("O-1").terms(PaymentTerms.PREPAID), stamp(T0)).get();
      Purchase purchase = recorded.state();

      assertThat(purchase.customer()).isEqualTo(CUSTOMER);
      assertThat(purchase.opportunity()).containsExactly(OPPORTUNITY_ID);
      assertThat(purchase.channel()).isEqualTo("store");
      assertThat(purchase.lines().map(LineItem::total)).containsExactly(cny("16000.00"),
          cny("7220.00"));
      assertThat(purchase.lines().get(1).description()).containsExactly("Matching stool");
      assertThat(purchase.total()).isEqualTo(cny("23220.00"));
      assertThat(purchase.terms()).isEqualTo(PaymentTerms.PREPAID);
      assertThat(purchase.purchasedAt()).isEqualTo(T0);
      assertThat(purchase.updatedAt()).isEqualTo(T0);
      assertThat(purchase.recordedBy()).isEqualTo(AGENT);
      assertThat(purchase.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
      assertThat(purchase.isDelivered()).isFalse();
      assertThat(recorded.events()).singleElement().isEqualTo(new PurchaseRecorded(
          ((PurchaseRecorded) recorded.events().head()).stamp(), PURCHASE_ID, CUSTOMER,
          Option.of(OPPORTUNITY_ID), "store", cny("23220.00"), T0));
    }

    @Test
    void takesAnEarlierPurchaseTimeForAnImport() {
      Instant lastYear = T0.minus(Duration.ofDays(365));

      Purchase purchase = Purchase.record(PURCHASE_ID, aStorePurchase().terms(PaymentTerms.net(30))
          .purchasedAt(lastYear), stamp(T0)).get().state();

      assertThat(purchase.purchasedAt()).isEqualTo(lastYear);
      assertThat(purchase.updatedAt()).isEqualTo(T0);
      assertThat(purchase.isOverdue(T0)).isTrue();
    }

    @Test
    void reportsEveryMistakeWithItsField() {
      PurchaseDraft draft = PurchaseDraft.forCustomer(null)
          .opportunity("bad id!")
          .channel("Store")
          .line("P-table", "12.5", "jin", "1280.00", "CNY")
          .line("bad id!", null, "-1", "jin", "abc", "XYZ", "jin", "ten")
          .line("P-chair", "1", "pc", "99.00", "USD")
          .line("P-chair", null, "2", "pc", "99.00", "CNY", "jin", null)
          .terms("abc", 4000)
          .purchasedAt(minutes(1));

      Validation<Seq<Violation>, Transition<Purchase>> result = Purchase.record(PURCHASE_ID,
          draft, stamp(T0));

      assertThat(result.getError()).extracting(Violation::code, Violation::field)
          .containsExactlyInAnyOrder(
              tuple("purchase.customer.missing", "customer"),
              tuple(result.getError().find(v -> v.field().equals("opportunity")).get().code(),
                  "opportunity"),
              tuple("purchase.channel.malformed", "channel"),
              tuple(result.getError().find(v -> v.field().equals("lines[1].product")).get()
                  .code(), "lines[1].product"),
              tuple("quantity.amount.negative", "lines[1].quantity.amount"),
              tuple("unit_price.amount.malformed", "lines[1].unitPrice.amount"),
              tuple("money.currency.unknown", "lines[1].unitPrice.currency"),
              tuple("percentage.malformed", "lines[1].discount"),
              tuple("purchase.lines.currency_mismatch", "lines[2].unitPrice.currency"),
              tuple("purchase.line.unit_mismatch", "lines[3].quantity.unit"),
              tuple("percentage.malformed", "terms.prepayment"),
              tuple("purchase.terms.due_days.out_of_range", "terms.dueDays"),
              tuple("purchase.purchased_at.in_future", "purchasedAt"));
    }

    @Test
    void checksTheLineRulesOfEveryLine() {
      Validation<Seq<Violation>, Transition<Purchase>> result = Purchase.record(PURCHASE_ID,
          PurchaseDraft.forCustomer("C-1").channel("store").terms(PaymentTerms.PREPAID)
              .line("P-1", "d".repeat(501), "0", "pc", "10.00", "CNY", "pc", "150%"),
          stamp(T0));

      assertThat(result.getError().map(Violation::field)).containsExactlyInAnyOrder(
          "lines[0].quantity", "lines[0].discount", "lines[0].description");
    }

    @Test
    void needsLinesAndTerms() {
      Validation<Seq<Violation>, Transition<Purchase>> result = Purchase.record(PURCHASE_ID,
          PurchaseDraft.forCustomer("C-1").channel("store"), stamp(T0));

      assertThat(result.getError()).extracting(Violation::code, Violation::field)
          .containsExactly(tuple("purchase.lines.empty", "lines"),
              tuple("purchase.terms.missing", "terms"));
    }

    @Test
    void checksLinesBuiltInCode() {
      LineItem mismatched = new LineItem(ProductId.parse("P-1"), Option.none(),
          Quantity.pieces(2), UnitPrice.of(cny("10.00"), QuantityUnit.JIN), Percentage.ZERO);

      Validation<Seq<Violation>, Transition<Purchase>> result = Purchase.record(PURCHASE_ID,
          PurchaseDraft.forCustomer("C-1").channel("store").terms(PaymentTerms.PREPAID)
              .line(aLine(cny("5.00"))).line(mismatched), stamp(T0));

      assertThat(result.getError()).extracting(Violation::code, Violation::field)
          .containsExactly(tuple("purchase.line.unit_mismatch", "lines[1].quantity.unit"));
    }
  }

  @Nested
  class Invariants {

    @Test
    void reportsEveryBrokenInvariantOfAPurchase() {
      Seq<LineItem> lines = List.of(aLine(cny("100.00")), aLine(Money.of("5", Currency
          .getInstance("USD"))));
      Seq<Payment> payments = List.of(new Payment(minutes(5), AGENT, cny("10.00"), Option.none()),
          new Payment(minutes(2), AGENT, Money.of("1", Currency.getInstance("USD")),
              Option.none()));
      Seq<Payment> refunds = List.of(new Payment(T0.minusSeconds(1), AGENT, cny("1.00"),
          Option.none()));

      assertThatThrownBy(() -> new Purchase(PURCHASE_ID, CUSTOMER, Option.none(), "Store",
          lines, cny("100.00"), PaymentTerms.PREPAID, T0, AGENT, payments, refunds,
          Option.of(T0.minusSeconds(60)), minutes(3)))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations()).extracting(Violation::code, Violation::field)
                  .containsExactly(
                      tuple("purchase.channel.malformed", "channel"),
                      tuple("purchase.lines.currency_mismatch", "lines[1].unitPrice"),
                      tuple("purchase.payments.currency_mismatch", "payments[1].amount"),
                      tuple("purchase.payments.out_of_order", "payments[1].at"),
                      tuple("purchase.refunds.out_of_order", "refunds[0].at"),
                      tuple("purchase.delivered_at.before_purchase", "deliveredAt"),
                      tuple("purchase.updated_at.too_early", "updatedAt")));
    }

    @Test
    void needsLinesThatAddUpAndRefundsWithinPayments() {
      Seq<Payment> refunds = List.of(new Payment(T0, AGENT, cny("1.00"), Option.none()));

      assertThatThrownBy(() -> new Purchase(PURCHASE_ID, CUSTOMER, Option.none(), "store",
          List.of(aLine(cny("100.00"))), cny("99.00"), PaymentTerms.PREPAID, T0, AGENT,
          List.empty(), refunds, Option.none(), T0))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::code)).containsExactly(
                  "purchase.total.mismatch", "purchase.refunds.exceed_payments"));
      assertThatThrownBy(() -> new Purchase(PURCHASE_ID, CUSTOMER, Option.none(), "store",
          List.empty(), cny("0.00"), PaymentTerms.PREPAID, T0, AGENT, List.empty(),
          List.empty(), Option.none(), T0))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::code))
                  .containsExactly("purchase.lines.empty"));
    }

    @Test
    void paymentTermsStayInRange() {
      assertThat(PaymentTerms.PREPAID).isEqualTo(new PaymentTerms(Percentage.ONE_HUNDRED, 0));
      assertThat(PaymentTerms.net(30)).isEqualTo(new PaymentTerms(Percentage.ZERO, 30));
      assertThat(PaymentTerms.validated("30%", 10).get())
          .isEqualTo(PaymentTerms.of(Percentage.ofPercent(30), 10));
      assertThat(PaymentTerms.validated("100.5", -1).getError().map(Violation::code))
          .containsExactly("purchase.terms.prepayment.out_of_range",
              "purchase.terms.due_days.out_of_range");
      assertThatThrownBy(() -> PaymentTerms.net(3651))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::field)).containsExactly("dueDays"));
      assertThatThrownBy(() -> new PaymentTerms(Percentage.ofPercent(-1), 0))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::field)).containsExactly("prepayment"));
    }

    @Test
    void paymentsArePositiveWithAReadableReference() {
      assertThatThrownBy(() -> new Payment(T0, AGENT, cny("0.00"), Option.of(" ")))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations()).extracting(Violation::code, Violation::field)
                  .containsExactly(tuple("purchase.payment.amount.not_positive", "amount"),
                      tuple("purchase.payment.reference.blank", "reference")));
      assertThatThrownBy(() -> new Payment(T0, AGENT, cny("1.00"), Option.of("r".repeat(201))))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::code))
                  .containsExactly("purchase.payment.reference.too_long"));
    }
  }

  @Nested
  class WonOpportunities {

    @Test
    void recordTheirPurchase() {
      Transition<Purchase> result = Purchase.forWonOpportunity(
          aWonOpportunity(wonLines(), Option.none()), PaymentTerms.PREPAID, "call-center",
          stamp(CLOSED_AT.plusSeconds(60))).get();
      Purchase purchase = result.state();

      assertThat(purchase.id()).isEqualTo(PURCHASE_ID);
      assertThat(purchase.customer()).isEqualTo(CUSTOMER);
      assertThat(purchase.opportunity()).containsExactly(OPPORTUNITY_ID);
      assertThat(purchase.lines()).isEqualTo(wonLines());
      assertThat(purchase.total()).isEqualTo(cny("30000.00"));
      assertThat(purchase.purchasedAt()).isEqualTo(CLOSED_AT);
      assertThat(purchase.updatedAt()).isEqualTo(CLOSED_AT.plusSeconds(60));
      assertThat(purchase.channel()).isEqualTo("call-center");
      assertThat(result.events().head()).isInstanceOf(PurchaseRecorded.class);
    }

    @Test
    void refuseWhatIsNotAWonDealWithLines() {
      Either<PurchaseRejection, Transition<Purchase>> open = Purchase.forWonOpportunity(
          anOpenOpportunity(), PaymentTerms.PREPAID, "store", stamp(CLOSED_AT));
      Either<PurchaseRejection, Transition<Purchase>> noLines = Purchase.forWonOpportunity(
          aWonOpportunity(List.empty(), Option.of(cny("500.00"))), PaymentTerms.PREPAID,
          "store", stamp(CLOSED_AT));
      Either<PurchaseRejection, Transition<Purchase>> badChannel = Purchase.forWonOpportunity(
          aWonOpportunity(wonLines(), Option.none()), PaymentTerms.PREPAID, "Call Center",
          stamp(CLOSED_AT));

      assertThat(refused(open).code()).isEqualTo("purchase.opportunity.not_won");
      assertThat(refused(open).message()).contains("O-1", "OPEN");
      assertThat(refused(noLines).code()).isEqualTo("purchase.opportunity.lines_missing");
      assertThat(refused(badChannel).code()).isEqualTo("purchase.channel.malformed");
    }
  }

  @Nested
  class Payments {

    @Test
    void paymentsMoveTheStatusToPaid() {
      Purchase purchase = aPurchase(PaymentTerms.net(30));

      Purchase partly = pay(purchase, "10000.00", 1);
      Purchase fully = pay(partly, "13220.00", 2);

      assertThat(partly.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
      assertThat(partly.balanceDue()).isEqualTo(cny("13220.00"));
      assertThat(fully.paymentStatus()).isEqualTo(PaymentStatus.PAID);
      assertThat(fully.balanceDue()).isEqualTo(cny("0.00"));
      assertThat(fully.paid()).isEqualTo(cny("23220.00"));
      assertThat(fully.payments().map(Payment::at)).containsExactly(minutes(1), minutes(2));
    }

    @Test
    void refundsMoveTheStatusToRefunded() {
      Purchase paid = pay(aPurchase(PaymentTerms.PREPAID), "23220.00", 1);

      Purchase partly = giveBack(paid, "7220.00", 2);
      Purchase fully = giveBack(partly, "16000.00", 3);

      assertThat(partly.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
      assertThat(partly.netPaid()).isEqualTo(cny("16000.00"));
      assertThat(partly.netTotal()).isEqualTo(cny("16000.00"));
      assertThat(partly.balanceDue()).isEqualTo(cny("0.00"));
      assertThat(fully.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
      assertThat(fully.netTotal()).isEqualTo(cny("0.00"));
      assertThat(fully.refunded()).isEqualTo(cny("23220.00"));
    }

    @Test
    void aPartlyPaidPurchaseWithARefundIsPartlyRefunded() {
      Purchase refunded = giveBack(pay(aPurchase(PaymentTerms.net(30)), "100.00", 1), "40.00", 2);

      assertThat(refunded.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
      assertThat(refunded.balanceDue()).isEqualTo(cny("23120.00"));
    }

    @Test
    void aPaymentBeyondTheBalanceNamesTheBalance() {
      Purchase partly = pay(aPurchase(PaymentTerms.net(30)), "23000.00", 1);

      PurchaseRejection refusal = refused(partly.recordPayment(cny("220.01"), Option.none(),
          stampAt(2)));

      assertThat(refusal.code()).isEqualTo("purchase.payment.exceeds_balance");
      assertThat(refusal.amount()).containsExactly(cny("220.00"));
      assertThat(refusal.purchase()).containsExactly(PURCHASE_ID);
      assertThat(refusal.message()).contains("220.00");
    }

    @Test
    void aRefundBeyondTheNetPaidNamesTheNetPaid() {
      Purchase purchase = giveBack(pay(aPurchase(PaymentTerms.net(30)), "100.00", 1), "30.00", 2);

      PurchaseRejection refusal = refused(purchase.refund(cny("70.01"), Option.none(),
          stampAt(3)));

      assertThat(refusal.code()).isEqualTo("purchase.refund.exceeds_net_paid");
      assertThat(refusal.amount()).containsExactly(cny("70.00"));
      assertThat(refused(aPurchase(PaymentTerms.net(30)).refund(cny("0.01"), Option.none(),
          stampAt(1))).code()).isEqualTo("purchase.refund.exceeds_net_paid");
    }

    @Test
    void refusesBadMovements() {
      Purchase purchase = pay(aPurchase(PaymentTerms.net(30)), "100.00", 5);
      Money dollars = Money.of("1.00", Currency.getInstance("USD"));

      assertThat(List.of(
          purchase.recordPayment(dollars, Option.none(), stampAt(6)),
          purchase.recordPayment(cny("0.00"), Option.none(), stampAt(6)),
          purchase.refund(cny("-1.00"), Option.none(), stampAt(6)),
          purchase.recordPayment(cny("1.00"), Option.of(" "), stampAt(6)),
          purchase.refund(cny("1.00"), Option.of("r".repeat(201)), stampAt(6)),
          purchase.recordPayment(cny("1.00"), Option.none(), stampAt(4)),
          purchase.refund(cny("1.00"), Option.none(), stampAt(4)),
          purchase.deliver(stampAt(4))).map(r -> refused(r).code()))
          .containsExactly("purchase.currency.mismatch", "purchase.amount.not_positive",
              "purchase.amount.not_positive", "purchase.payment.reference.blank",
              "purchase.payment.reference.too_long", "purchase.out_of_order",
              "purchase.out_of_order", "purchase.out_of_order");
    }

    @Test
    void eventsCarryTheStatusButNoReference() {
      Transition<Purchase> paid = aPurchase(PaymentTerms.PREPAID).recordPayment(
          cny("23220.00"), Option.of(" RCPT-000123 "), stampAt(1)).get();
      Transition<Purchase> refunded = paid.state().refund(cny("20.00"), Option.none(),
          stampAt(2)).get();

      assertThat(paid.state().payments().head().reference()).containsExactly("RCPT-000123");
      assertThat((PaymentRecorded) paid.events().head()).extracting(PaymentRecorded::customer,
          PaymentRecorded::amount, PaymentRecorded::status)
          .containsExactly(CUSTOMER, cny("23220.00"), PaymentStatus.PAID);
      assertThat(paid.events().head().toString()).doesNotContain("RCPT");
      assertThat(((PurchaseRefunded) refunded.events().head()).status())
          .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void aZeroTotalIsPaid() {
      Purchase free = onePieceAt(cny("0.00"), PaymentTerms.PREPAID);

      assertThat(free.paymentStatus()).isEqualTo(PaymentStatus.PAID);
      assertThat(free.mayDeliver()).isTrue();
      assertThat(refused(free.recordPayment(cny("0.01"), Option.none(), stampAt(1))).code())
          .isEqualTo("purchase.payment.exceeds_balance");
    }
  }

  @Nested
  class Delivery {

    @Test
    void fullPrepaymentWaitsForTheLastCent() {
      Purchase purchase = pay(aPurchase(PaymentTerms.PREPAID), "23219.99", 1);

      PurchaseRejection refusal = refused(purchase.deliver(stampAt(2)));
      Purchase delivered = accepted(pay(purchase, "0.01", 3).deliver(stampAt(4)));

      assertThat(refusal.code()).isEqualTo("purchase.delivery.prepayment_required");
      assertThat(refusal.amount()).containsExactly(cny("0.01"));
      assertThat(refusal.message()).contains("CNY 23220.00", "CNY 0.01");
      assertThat(purchase.mayDeliver()).isFalse();
      assertThat(delivered.deliveredAt()).containsExactly(minutes(4));
      assertThat(delivered.mayDeliver()).isFalse();
      assertThat(refused(delivered.deliver(stampAt(5))).code())
          .isEqualTo("purchase.delivery.already_delivered");
    }

    @Test
    void aPartialPrepaymentIsRoundedUpToTheCent() {
      Purchase purchase = onePieceAt(cny("100.01"), PaymentTerms.of(Percentage.ofPercent(30), 30));

      Purchase almost = pay(purchase, "30.00", 1);

      assertThat(purchase.prepaymentRequired()).isEqualTo(cny("30.01"));
      assertThat(refused(almost.deliver(stampAt(2))).amount()).containsExactly(cny("0.01"));
      assertThat(pay(almost, "0.01", 2).mayDeliver()).isTrue();
      assertThat(accepted(pay(almost, "0.01", 2).deliver(stampAt(3))).paymentStatus())
          .isEqualTo(PaymentStatus.PARTIALLY_PAID);
    }

    @Test
    void noPrepaymentDeliversAtOnce() {
      Purchase purchase = aPurchase(PaymentTerms.net(30));

      assertThat(purchase.prepaymentRequired()).isEqualTo(cny("0.00"));
      assertThat(purchase.mayDeliver()).isTrue();
      assertThat(accepted(purchase.deliver(stampAt(1))).paymentStatus())
          .isEqualTo(PaymentStatus.UNPAID);
    }

    @Test
    void aRefundBeforeDeliveryCountsAgainstThePrepayment() {
      Purchase purchase = giveBack(pay(aPurchase(PaymentTerms.PREPAID), "23220.00", 1),
          "100.00", 2);

      assertThat(purchase.prepaymentOutstanding()).isEqualTo(cny("100.00"));
      assertThat(refused(purchase.deliver(stampAt(3))).amount()).containsExactly(cny("100.00"));
    }
  }

  @Nested
  class Derived {

    @Test
    void paymentIsDueAfterTheTermsDays() {
      Purchase purchase = aPurchase(PaymentTerms.net(30));
      Instant due = T0.plus(Duration.ofDays(30));

      assertThat(purchase.dueAt()).isEqualTo(due);
      assertThat(purchase.isOverdue(due)).isFalse();
      assertThat(purchase.isOverdue(due.plusSeconds(1))).isTrue();
      assertThat(pay(purchase, "23220.00", 1).isOverdue(due.plusSeconds(1))).isFalse();
    }

    @Test
    void countsPiecesAndOneItemPerWeighedLine() {
      assertThat(aPurchase(PaymentTerms.PREPAID).itemCount()).isEqualTo(3);
      assertThat(aPurchase(PaymentTerms.PREPAID).currency()).isEqualTo(CNY);
    }
  }

  @Test
  void transfersToAnotherCustomerKeepingPaymentsAndRefusesTheSameCustomer() {
    Purchase paid = pay(aPurchase(PaymentTerms.PREPAID), "100.00", 5);
    io.rapport.crm.kernel.CustomerId survivor = io.rapport.crm.kernel.CustomerId.parse("C-2002");

    io.rapport.crm.kernel.EventStamp stamp = stampAt(6);
    Transition<Purchase> moved = paid.transferTo(survivor, stamp).get();

    assertThat(moved.state().customer()).isEqualTo(survivor);
    assertThat(moved.state().payments()).isEqualTo(paid.payments());
    assertThat(moved.state().updatedAt()).isEqualTo(stamp.at());
    assertThat(moved.events().head()).isEqualTo(new PurchaseEvent.PurchaseTransferred(stamp,
        PURCHASE_ID, survivor, CUSTOMER));
    assertThat(moved.state().transferTo(survivor, stampAt(7)).getLeft().code())
        .isEqualTo("purchase.customer.unchanged");
    assertThat(moved.state().transferTo(CUSTOMER, stampAt(4)).getLeft().code())
        .isEqualTo("purchase.out_of_order");
  }
}
