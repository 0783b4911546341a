package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyAccountTest.POINTS;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.PROGRAM;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.at;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.buy;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.day;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.enrolled;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * A manual adjustment's event redacted for the outbox holds the journal entry that
 * {@link LoyaltyAccount#redacted} leaves: the reason becomes {@link Channel#REDACTED}, amounts,
 * lots, time and actor stay, and redacting again changes nothing.
 */
class RedactedLedgerEventsTest {

  private static final String NOTE = "Goodwill for Mrs Wang Fang, 13812345678";

  private static LedgerEvent.PointsAdjusted adjustment(Transition<LoyaltyAccount> adjusted) {
    return (LedgerEvent.PointsAdjusted) adjusted.events()
        .filter(e -> e instanceof LedgerEvent.PointsAdjusted).single();
  }

  @Test
  void anAdjustmentLosesItsReasonAsTheAccountsJournalDoes() {
    LoyaltyAccount bought = buy(enrolled(Option.none()), "p-1", "300.00", day("2026-04-01"));
    for (long points : new long[] {80, -30}) {
      Transition<LoyaltyAccount> adjusted = ok(bought.adjust(PROGRAM, POINTS, points, NOTE,
          at(day("2026-04-02"))));
      LedgerEvent.PointsAdjusted event = adjustment(adjusted);
      LoyaltyAccount redactedAccount = adjusted.state().redacted(day("2026-05-01"));

      LedgerEvent.PointsAdjusted redacted = event.redacted();

      assertThat(redacted.entry()).isEqualTo(redactedAccount.ledger().journal().last());
      assertThat(redacted.entry().reason()).isEqualTo(Channel.REDACTED);
      assertThat(redacted.toString()).doesNotContain("Wang", "13812345678");
      LedgerEntry.Adjusted before = event.entry();
      assertThat(redacted).isEqualTo(new LedgerEvent.PointsAdjusted(event.stamp(),
          event.account(), new LedgerEntry.Adjusted(before.at(), before.currency(),
              before.amount(), before.lot(), before.debtPaid(), before.taken(),
              before.debtIncurred(), Channel.REDACTED, before.actor())));
      assertThat(redacted.redacted()).isSameAs(redacted);
    }
  }
}
