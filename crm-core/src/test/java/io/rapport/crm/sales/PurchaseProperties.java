package io.rapport.crm.sales;

import static io.rapport.crm.sales.LeadFixtures.qt;
import static io.rapport.crm.sales.LeadFixtures.stamp;
import static io.rapport.crm.sales.PurchaseFixtures.CNY;
import static io.rapport.crm.sales.PurchaseFixtures.onePieceAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of payments, refunds and prepayment, whatever amounts arrive in whatever order. */
class PurchaseProperties {

  static final Gen<Long> TOTALS = longs().between(0, 5_000_000);
  static final Gen<Integer> BASIS_POINTS = integers().between(0, 10_000);
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 40);

  @Test
  void paymentsAndRefundsStayWithinTheTotalAndTheStatusFollowsThem() {
    qt().forAll(TOTALS, BASIS_POINTS, SCRIPTS).checkAssert((totalMinor, basisPoints, script) -> {
      Purchase purchase = onePieceAt(Money.ofMinor(totalMinor, CNY),
          PaymentTerms.of(Percentage.ofBasisPoints(basisPoints), 30));
      Instant clock = purchase.updatedAt();
      for (int code : script) {
        clock = clock.plus(Duration.ofMinutes(code % 7));
        Money amount = Money.ofMinor(1 + (code / 21) % (totalMinor / 2 + 3), CNY);
        Either<PurchaseRejection, Transition<Purchase>> result;
        boolean expectAccepted;
        switch ((code / 7) % 3) {
          case 0:
            result = purchase.recordPayment(amount, Option.none(), stamp(clock));
            expectAccepted = !amount.isGreaterThan(purchase.balanceDue());
            break;
          case 1:
            result = purchase.refund(amount, Option.none(), stamp(clock));
            expectAccepted = !amount.isGreaterThan(purchase.netPaid());
            break;
          default:
            result = purchase.deliver(stamp(clock));
            expectAccepted = purchase.mayDeliver();
        }
        assertThat(result.isRight()).as("%s on %s", result, purchase).isEqualTo(expectAccepted);
        if (result.isRight()) {
          purchase = result.get().state();
        }
        Money paid = purchase.paid();
        Money refunded = purchase.refunded();
        assertThat(refunded.compareTo(paid)).isLessThanOrEqualTo(0);
        assertThat(paid.compareTo(purchase.total())).isLessThanOrEqualTo(0);
        assertThat(purchase.paymentStatus()).isEqualTo(expectedStatus(purchase));
        assertThat(purchase.mayDeliver()).isEqualTo(purchase.deliveredAt().isEmpty()
            && purchase.netPaid().compareTo(purchase.prepaymentRequired()) >= 0);
        assertThat(purchase.netTotal()).isEqualTo(purchase.total().minus(refunded));
        assertThat(rebuilt(purchase)).isEqualTo(purchase);
      }
    });
  }

  @Test
  void theRequiredPrepaymentIsTheShareRoundedUpToTheMinorUnit() {
    qt().forAll(TOTALS, BASIS_POINTS).checkAssert((totalMinor, basisPoints) -> {
      Purchase purchase = onePieceAt(Money.ofMinor(totalMinor, CNY),
          PaymentTerms.of(Percentage.ofBasisPoints(basisPoints), 0));
      BigDecimal exact = purchase.total().amount()
          .multiply(BigDecimal.valueOf(basisPoints)).movePointLeft(4);

      BigDecimal required = purchase.prepaymentRequired().amount();

      assertThat(required).isGreaterThanOrEqualTo(exact);
      assertThat(required.subtract(exact)).isLessThan(new BigDecimal("0.01"));
      assertThat(required).isLessThanOrEqualTo(purchase.total().amount());
    });
  }

  /** States the rules on {@link PaymentStatus} independently of the implementation. */
  static PaymentStatus expectedStatus(Purchase purchase) {
    long paid = purchase.payments().map(p -> p.amount().toMinorUnits()).sum().longValue();
    long refunded = purchase.refunds().map(p -> p.amount().toMinorUnits()).sum().longValue();
    long total = purchase.total().toMinorUnits();
    if (refunded > 0) {
      return paid == refunded ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
    return paid >= total ? PaymentStatus.PAID
        : paid == 0 ? PaymentStatus.UNPAID : PaymentStatus.PARTIALLY_PAID;
  }

  /** Rebuilds a purchase through its canonical constructor, which checks every invariant. */
  static Purchase rebuilt(Purchase p) {
    return new Purchase(p.id(), p.customer(), p.opportunity(), p.channel(), p.lines(), p.total(),
        p.terms(), p.purchasedAt(), p.recordedBy(), p.payments(), p.refunds(), p.deliveredAt(),
        p.updatedAt());
  }
}
