package io.rapport.crm.persistence.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Payment;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PurchaseTransactionsTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Currency USD = Currency.getInstance("USD");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ActorId CLERK = ActorId.parse("clerk");

  @Test
  void streamsEveryPurchaseInOneCurrencyWithRefundsOnThePurchaseDay() throws Exception {
    try (CrmStore store = InMemoryCrmStore.create()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      for (int n = 1; n <= 25; n++) {
        purchases.save(purchase("PU-" + n, "C-" + (n % 3), CNY, "100.00", 2,
            Instant.parse("2026-03-01T18:00:00Z").plusSeconds(86_400L * n)), Version.NEW);
      }
      Purchase refunded = purchase("PU-refunded", "C-9", CNY, "300.00", 3,
          Instant.parse("2026-03-01T01:00:00Z"));
      purchases.save(withRefund(refunded, "120.00"), Version.NEW);
      purchases.save(purchase("PU-usd", "C-1", USD, "50.00", 1,
          Instant.parse("2026-03-02T01:00:00Z")), Version.NEW);

      PurchaseTransactions read = PurchaseTransactions.read(store, CNY, SHANGHAI, 4);

      TransactionLog log = read.log();
      assertThat(read.skipped()).containsExactly(PurchaseId.parse("PU-usd"));
      assertThat(log.size()).as("25 purchases, one more, and its refund row").isEqualTo(27);
      assertThat(log.customerCount()).isEqualTo(4);
      int refundRow = -1;
      long total = 0;
      for (int row = 0; row < log.size(); row++) {
        total += log.amountMinor(row);
        if (log.amountMinor(row) < 0) {
          refundRow = row;
        }
      }
      assertThat(total).isEqualTo(25 * 10_000L + 30_000 - 12_000);
      assertThat(log.customer(refundRow)).isEqualTo("C-9");
      assertThat(log.day(refundRow)).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(log.quantity(refundRow)).isZero();
      assertThat(log.quantity(refundRow - 1)).isEqualTo(3);
      assertThat(log.customer(0)).as("customer order").isEqualTo("C-0");
      assertThat(log.day(0)).as("PU-3, 2026-03-04T18:00Z, is the next day in Shanghai")
          .isEqualTo(LocalDate.of(2026, 3, 5));

      SummaryTable table = TransactionSummaries.summarise(log,
          SummaryPolicy.of(PeriodUnit.DAYS, LocalDate.of(2026, 3, 31)));
      CustomerSummary nine = table.rows().find(r -> r.customer().equals("C-9")).get();
      assertThat(nine.totalSpend()).as("the net total").isEqualTo(180.0);
    }
  }

  @Test
  void refusesAPageSizeOutOfRange() throws Exception {
    try (CrmStore store = InMemoryCrmStore.create()) {
      InvalidValueException refused = catchThrowableOfType(
          () -> PurchaseTransactions.read(store, CNY, SHANGHAI, 0), InvalidValueException.class);

      assertThat(refused.violations().map(Violation::code))
          .containsExactly("value.import.page_size");
    }
  }

  private static Purchase purchase(String id, String customer, Currency currency, String price,
      long pieces, Instant at) {
    LineItem line = new LineItem(ProductId.parse("P-tea"), Option.none(),
        Quantity.of(pieces, QuantityUnit.PIECE), UnitPrice.of(Money.of(price, currency)
            .split((int) pieces).head(), QuantityUnit.PIECE), Percentage.ZERO);
    Money total = line.total();
    return new Purchase(PurchaseId.parse(id), CustomerId.parse(customer), Option.none(), "store",
        List.of(line), total, new PaymentTerms(Percentage.ONE_HUNDRED, 0), at, CLERK,
        List.of(new Payment(at, CLERK, total, Option.none())), List.empty(), Option.none(), at);
  }

  private static Purchase withRefund(Purchase p, String amount) {
    Instant at = p.purchasedAt().plusSeconds(3_600);
    return new Purchase(p.id(), p.customer(), p.opportunity(), p.channel(), p.lines(), p.total(),
        p.terms(), p.purchasedAt(), p.recordedBy(), p.payments(),
        List.of(new Payment(at, CLERK, Money.of(amount, p.currency()), Option.none())),
        p.deliveredAt(), at);
  }
}
