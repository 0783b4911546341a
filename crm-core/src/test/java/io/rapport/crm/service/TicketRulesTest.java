package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketRulesTest {

  @Test
  void theStandardRulesReopenWithinSevenDaysAndCloseAfterFour() {
    TicketRules rules = TicketRules.standard();

    assertThat(rules.reopenWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(rules.closeAfter()).isEqualTo(Duration.ofDays(4));
    assertThat(rules.reopenableUntil(T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
    assertThat(rules.allowsReopen(T0, T0.plus(Duration.ofDays(7)))).isTrue();
    assertThat(rules.allowsReopen(T0, T0.plus(Duration.ofDays(7)).plusNanos(1))).isFalse();
    assertThat(rules.closingDueAt(T0)).isEqualTo(T0.plus(Duration.ofDays(4)));
  }

  @Test
  void bothWindowsArePositiveAndAtMostTenYears() {
    InvalidValueException thrown = catchThrowableOfType(() -> new TicketRules(Duration.ZERO,
        Duration.ofDays(-1)), InvalidValueException.class);

    assertThat(thrown.violations().map(v -> v.code() + "@" + v.field())).containsExactly(
        "ticket.rules.reopen_window.not_positive@reopenWindow",
        "ticket.rules.close_after.not_positive@closeAfter");
    assertThat(TicketRules.validated(Duration.ofDays(3651), Duration.ofDays(1)).getError()
        .map(Violation::code)).containsExactly("ticket.rules.reopen_window.too_long");
    assertThat(TicketRules.validated(null, null).getError().map(Violation::code))
        .containsExactly("ticket.rules.reopen_window.missing",
            "ticket.rules.close_after.missing");
    assertThat(TicketRules.validated(Duration.ofNanos(1), Duration.ofDays(3650)).isValid())
        .isTrue();
  }
}
