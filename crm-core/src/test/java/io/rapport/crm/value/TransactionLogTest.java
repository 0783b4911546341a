package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class TransactionLogTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void storesEachRowExactlyWithCustomersNumberedInOrderOfFirstAppearance() {
    TransactionLog log = TransactionLog.builder(EUR, BERLIN)
        .add("c-2", Instant.parse("2026-03-01T23:30:00Z"), Money.of("12.34", EUR), 2)
        .add("c-1", LocalDate.of(2026, 3, 5), -500, 0)
        .add("c-2", LocalDate.of(2026, 3, 6), 0, 1)
        .build();

    assertThat(log.size()).isEqualTo(3);
    assertThat(log.customerCount()).isEqualTo(2);
    assertThat(log.customerKey(0)).isEqualTo("c-2");
    assertThat(log.customerIndex(2)).isZero();
    assertThat(log.customer(1)).isEqualTo("c-1");
    assertThat(log.day(0)).as("23:30 UTC is already the next day in Berlin")
        .isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(log.epochDay(1)).isEqualTo((int) LocalDate.of(2026, 3, 5).toEpochDay());
    assertThat(log.amountMinor(0)).isEqualTo(1234);
    assertThat(log.amount(1)).isEqualTo(Money.of("-5.00", EUR));
    assertThat(log.quantity(0)).isEqualTo(2);
    assertThat(log.currency()).isEqualTo(EUR);
    assertThat(log.zone()).isEqualTo(BERLIN);
  }

  @Test
  void refusesABadRowWithEveryViolationAndKeepsTheRowsBeforeIt() {
    TransactionLog.Builder builder = TransactionLog.builder(EUR, BERLIN)
        .add("c-1", LocalDate.of(2026, 1, 1), 100, 1);

    InvalidValueException refused = catchThrowableOfType(() -> builder.add(" ",
        Instant.parse("2026-01-02T10:00:00Z"), Money.of("1.00", Currency.getInstance("USD")), -1),
        InvalidValueException.class);

    assertThat(refused.violations().map(Violation::code)).containsExactly(
        "value.log.customer_blank", "value.log.currency_mismatch", "value.log.quantity_negative");
    assertThat(refused.violations().map(Violation::field)).containsExactly(
        "rows[1].customer", "rows[1].amount", "rows[1].quantity");
    assertThat(builder.size()).isEqualTo(1);
    assertThat(builder.build().customerCount()).isEqualTo(1);
  }

  @Test
  void refusesMissingPartsWithACodeInsteadOfANullPointer() {
    TransactionLog.Builder builder = TransactionLog.builder(EUR, BERLIN);

    InvalidValueException refused = catchThrowableOfType(
        () -> builder.add(null, (Instant) null, null, 0), InvalidValueException.class);
    InvalidValueException noDate = catchThrowableOfType(
        () -> builder.add("c-1", (LocalDate) null, 0, 0), InvalidValueException.class);

    assertThat(refused.violations().map(Violation::code)).containsExactly(
        "value.log.customer_blank", "value.log.missing", "value.log.missing");
    assertThat(noDate.violations().map(Violation::field)).containsExactly("rows[0].date");
  }

  @Test
  void addsRowsByCustomerNumberForImports() {
    TransactionLog.Builder builder = TransactionLog.builder(EUR, BERLIN);
    int b = builder.customerIndex("b");
    int a = builder.customerIndex("a");

    builder.addRow(a, 20_000, 150, 1).addRow(b, 20_001, -150, 0);
    InvalidValueException refused = catchThrowableOfType(() -> builder.addRow(2, 20_002, 1, -1),
        InvalidValueException.class);
    InvalidValueException blank = catchThrowableOfType(() -> builder.customerIndex(""),
        InvalidValueException.class);

    TransactionLog log = builder.build();
    assertThat(builder.customerIndex("a")).isEqualTo(a);
    assertThat(log.customer(0)).isEqualTo("a");
    assertThat(log.customer(1)).isEqualTo("b");
    assertThat(log.epochDay(1)).isEqualTo(20_001);
    assertThat(log.size()).isEqualTo(2);
    assertThat(refused.violations().map(Violation::code))
        .containsExactly("value.log.customer_unknown", "value.log.quantity_negative");
    assertThat(blank.violations().map(Violation::code)).containsExactly("value.log.customer_blank");
  }

  @Test
  void readsTheWholeCdnowSample() {
    TransactionLog log = CdnowData.sampleLog();

    assertThat(log.size()).isEqualTo(6919);
    assertThat(log.customerCount()).isEqualTo(2357);
    long cents = 0;
    long cds = 0;
    for (int row = 0; row < log.size(); row++) {
      cents += log.amountMinor(row);
      cds += log.quantity(row);
    }
    assertThat(cents).as("the README's total, 244,091.94 USD").isEqualTo(24_409_194L);
    assertThat(cds).isPositive();
  }
}
