package io.rapport.crm.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.PurchaseEarningPolicy.EarnOn;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseDraft;
import io.rapport.crm.sales.PurchaseEvent;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

class PurchaseEarningPolicyTest {

  static final Instant T0 = Instant.parse("2026-05-04T03:00:00Z");
  static final Currency CNY = Currency.getInstance("CNY");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final PurchaseId ID = PurchaseId.parse("PU-1");
  static final RecordRef SOURCE = RecordRef.to(ID);
  static final Function<ProductId, Set<String>> CATALOGUE = product ->
      product.equals(ProductId.parse("P-tea-table")) ? HashSet.of("furniture", "rosewood")
          : HashSet.of("furniture");

  static EventStamp at(long minutes) {
    return EventStamp.of(EventId.parse("ev-" + minutes), T0.plus(Duration.ofMinutes(minutes)),
        ActorId.parse("clerk"));
  }

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  /** A tea table by weight (CNY 16000.00) and two stools, 5 % off (CNY 7220.00). */
  static Transition<Purchase> recorded(PaymentTerms terms) {
    return Purchase.record(ID, PurchaseDraft.forCustomer("C-1001").channel("store")
        .line("P-tea-table", "12.5", "jin", "1280.00", "CNY")
        .line("P-stool", "Matching stool", "2", "pc", "3800.00", "CNY", "pc", "5%")
        .terms(terms), at(0)).get();
  }

  static Transition<Purchase> pay(Purchase purchase, String amount, long minute) {
    return purchase.recordPayment(cny(amount), Option.none(), at(minute)).get();
  }

  static Transition<Purchase> refund(Purchase purchase, String amount, long minute) {
    return purchase.refund(cny(amount), Option.none(), at(minute)).get();
  }

  static Seq<LoyaltyCommand> decide(PurchaseEarningPolicy policy, Transition<Purchase> step) {
    return policy.decide((PurchaseEvent) step.events().head(), step.state());
  }

  @Test
  void earningOnRecordingEarnsForEveryLineNetOfItsDiscount() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.RECORDED, CATALOGUE);
    Transition<Purchase> recorded = recorded(PaymentTerms.PREPAID);
    Seq<LoyaltyCommand> commands = decide(policy, recorded);
    assertThat(commands).hasSize(1);
    LoyaltyCommand.Earn earn = (LoyaltyCommand.Earn) commands.head();
    assertThat(earn.customer()).isEqualTo(CUSTOMER);
    EarnActivity.PurchaseActivity activity = (EarnActivity.PurchaseActivity) earn.activity();
    assertThat(activity.source()).isEqualTo(SOURCE);
    assertThat(activity.at()).isEqualTo(T0);
    assertThat(activity.channel()).isEqualTo("store");
    assertThat(activity.lines()).containsExactly(
        new ActivityLine(ProductId.parse("P-tea-table"), HashSet.of("furniture", "rosewood"),
            new BigDecimal("12.5"), cny("16000.00")),
        new ActivityLine(ProductId.parse("P-stool"), HashSet.of("furniture"),
            new BigDecimal("2"), cny("7220.00")));
    assertThat(decide(policy, pay(recorded.state(), "23220.00", 1))).isEmpty();
  }

  @Test
  void earningOncePaidWaitsForThePaymentThatCompletesIt() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.PAID, CATALOGUE);
    Transition<Purchase> recorded = recorded(PaymentTerms.PREPAID);
    assertThat(decide(policy, recorded)).isEmpty();
    Transition<Purchase> deposit = pay(recorded.state(), "10000.00", 1);
    assertThat(decide(policy, deposit)).isEmpty();
    Transition<Purchase> rest = pay(deposit.state(), "13220.00", 2);
    Seq<LoyaltyCommand> commands = policy.decide((PurchaseEvent) rest.events().head(),
        rest.state(), true);
    assertThat(commands.map(command -> command.getClass().getSimpleName()))
        .containsExactly("Earn", "CompleteReferral");
    assertThat(commands.last().customer()).isEqualTo(CUSTOMER);
    assertThat(policy.hasEarned(deposit.state())).isFalse();
    assertThat(policy.hasEarned(rest.state())).isTrue();
  }

  @Test
  void earningOnDeliveryCountsRefundsMadeBeforeIt() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.DELIVERED, CATALOGUE);
    Transition<Purchase> paid = pay(recorded(PaymentTerms.net(30)).state(), "23220.00", 1);
    assertThat(decide(policy, paid)).isEmpty();
    Transition<Purchase> refunded = refund(paid.state(), "2322.00", 2);
    assertThat(decide(policy, refunded)).as("nothing earned yet, nothing to reverse").isEmpty();
    Transition<Purchase> delivered = refunded.state().deliver(at(3)).get();
    Seq<LoyaltyCommand> commands = decide(policy, delivered);
    assertThat(commands).hasSize(2);
    assertThat(commands.get(1)).isEqualTo(new LoyaltyCommand.Reverse(CUSTOMER, SOURCE,
        new BigDecimal("0.1000000000")));
  }

  @Test
  void refundsReverseTheirShareOfTheTotalAndNeverMoreThanAll() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.RECORDED, CATALOGUE);
    Transition<Purchase> paid = pay(recorded(PaymentTerms.PREPAID).state(), "23220.00", 1);
    Transition<Purchase> third = refund(paid.state(), "7740.00", 2);
    assertThat(decide(policy, third)).containsExactly(new LoyaltyCommand.Reverse(CUSTOMER,
        SOURCE, new BigDecimal("0.3333333333")));
    Transition<Purchase> rest = refund(third.state(), "15480.00", 3);
    assertThat(decide(policy, rest)).containsExactly(new LoyaltyCommand.Reverse(CUSTOMER,
        SOURCE, new BigDecimal("0.6666666667")));
  }

  @Test
  void refundSharesAddUpToTheRefundedFractionRoundedDown() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.RECORDED, CATALOGUE);
    Purchase paid = pay(recorded(PaymentTerms.PREPAID).state(), "23220.00", 1).state();
    QuickTheory.qt().withFixedSeed(20261123L).withExamples(200)
        .forAll(lists().of(integers().between(1, 2_322_000)).ofSizeBetween(1, 8))
        .checkAssert(cents -> {
          Purchase purchase = paid;
          BigDecimal sum = BigDecimal.ZERO;
          long minute = 2;
          for (int amount : cents) {
            Money wanted = Money.ofMinor(amount, CNY);
            Money refund = wanted.isGreaterThan(purchase.netPaid()) ? purchase.netPaid() : wanted;
            if (!refund.isPositive()) {
              break;
            }
            Transition<Purchase> step = purchase.refund(refund, Option.none(), at(minute++))
                .get();
            for (LoyaltyCommand command : decide(policy, step)) {
              BigDecimal share = ((LoyaltyCommand.Reverse) command).share();
              assertThat(share).isPositive().isLessThanOrEqualTo(BigDecimal.ONE);
              sum = sum.add(share);
            }
            purchase = step.state();
          }
          BigDecimal expected = purchase.refunded().amount().divide(purchase.total().amount(),
              10, java.math.RoundingMode.DOWN);
          assertThat(sum).isEqualByComparingTo(expected);
          assertThat(sum).isLessThanOrEqualTo(BigDecimal.ONE);
        });
  }

  @Test
  void refusesAPurchaseThatIsNotTheEventsAndAShareOutOfRange() {
    PurchaseEarningPolicy policy = PurchaseEarningPolicy.of(EarnOn.RECORDED, CATALOGUE);
    Transition<Purchase> recorded = recorded(PaymentTerms.PREPAID);
    PurchaseEvent other = new PurchaseEvent.PurchaseDelivered(at(5), PurchaseId.parse("PU-2"),
        CUSTOMER);
    assertThatThrownBy(() -> policy.decide(other, recorded.state()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("loyalty.purchase_policy.purchase_mismatch"));
    Transition<Purchase> paid = pay(recorded.state(), "23220.00", 1);
    PurchaseEvent early = new PurchaseEvent.PurchaseRefunded(at(6), ID, CUSTOMER,
        cny("100.00"), paid.state().paymentStatus());
    assertThatThrownBy(() -> policy.decide(early, paid.state()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("loyalty.purchase_policy.refund_not_recorded"));
    for (String share : new String[] {"0", "1.01", "-0.5"}) {
      assertThatThrownBy(() -> new LoyaltyCommand.Reverse(CUSTOMER, SOURCE,
          new BigDecimal(share))).isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(v -> v.code()))
                  .containsExactly("loyalty.reverse.share.out_of_range"));
    }
  }
}
