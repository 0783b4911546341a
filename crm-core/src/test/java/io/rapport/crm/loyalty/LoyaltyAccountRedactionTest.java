package io.rapport.crm.loyalty;

import static io.rapport.crm.loyalty.LoyaltyAccountTest.CREDITS;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.POINTS;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.PROGRAM;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.at;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.buy;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.day;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.enrolled;
import static io.rapport.crm.loyalty.LoyaltyAccountTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Redacting a loyalty account for its member's erasure removes the free text of manual
 * adjustments and keeps every point, lot, rule reason, tier and date, so the account still
 * answers balances and takes commands exactly as before.
 */
class LoyaltyAccountRedactionTest {

  private static final String NOTE = "Goodwill for Mrs Wang Fang, 13812345678, broken chair";

  private static LoyaltyAccount adjusted() {
    LoyaltyAccount bought = buy(enrolled(Option.none()), "p-1", "300.00", day("2026-04-01"));
    LoyaltyAccount credited = ok(bought.adjust(PROGRAM, POINTS, 80, NOTE,
        at(day("2026-04-02")))).state();
    return ok(credited.adjust(PROGRAM, POINTS, -30, "Taken back: " + NOTE,
        at(day("2026-04-03")))).state();
  }

  /** Returns everything the account holds, as text. */
  private static String text(LoyaltyAccount account) {
    return account + " " + account.ledger().lots() + " " + account.ledger().journal();
  }

  @Test
  void redactionRemovesTheAdjustmentReasonsFromTheJournalAndTheLots() {
    LoyaltyAccount account = adjusted();
    assertThat(text(account)).contains(NOTE);
    Instant erasedAt = day("2026-05-01");

    LoyaltyAccount redacted = account.redacted(erasedAt);

    assertThat(text(redacted)).doesNotContain("Wang", "13812345678");
    assertThat(redacted.ledger().journal().filter(e -> e instanceof LedgerEntry.Adjusted)
        .map(e -> ((LedgerEntry.Adjusted) e).reason())).containsOnly(Channel.REDACTED).hasSize(2);
    assertThat(redacted.ledger().lots().map(PointsLot::reason))
        .containsExactlyInAnyOrder("spend-points", "spend-credits", Channel.REDACTED);
    assertThat(redacted.updatedAt()).isEqualTo(erasedAt);
  }

  @Test
  void redactionKeepsPointsLotsTiersAndDates() {
    LoyaltyAccount account = adjusted();
    Instant asOf = day("2026-04-20");

    LoyaltyAccount redacted = account.redacted(day("2026-05-01"));

    assertThat(redacted.balance(POINTS, asOf)).isEqualTo(account.balance(POINTS, asOf))
        .isEqualTo(350);
    assertThat(redacted.balance(CREDITS, asOf)).isEqualTo(account.balance(CREDITS, asOf));
    assertThat(redacted.ledger().lots().map(l -> l.amount() + "/" + l.remaining() + "/"
        + l.earnedAt() + "/" + l.source()))
        .isEqualTo(account.ledger().lots().map(l -> l.amount() + "/" + l.remaining() + "/"
            + l.earnedAt() + "/" + l.source()));
    assertThat(redacted.ledger().journal().map(e -> e.at() + "/" + e.balanceChange(POINTS)))
        .isEqualTo(account.ledger().journal().map(e -> e.at() + "/" + e.balanceChange(POINTS)));
    assertThat(redacted.tier()).isEqualTo(account.tier());
    assertThat(redacted.tierHistory()).isEqualTo(account.tierHistory());
    assertThat(redacted.qualifying()).isEqualTo(account.qualifying());
    assertThat(redacted.customer()).isEqualTo(account.customer());
    assertThat(redacted.joinedAt()).isEqualTo(account.joinedAt());
  }

  @Test
  void aRedactedAccountStillTakesCommands() {
    LoyaltyAccount redacted = adjusted().redacted(day("2026-05-01"));

    LoyaltyAccount after = buy(redacted, "p-2", "100.00", day("2026-05-02"));

    assertThat(after.balance(POINTS, day("2026-05-03"))).isEqualTo(450);
  }

  @Test
  void redactingAgainOrAnAccountWithoutFreeTextChangesNothing() {
    LoyaltyAccount once = adjusted().redacted(day("2026-05-01"));
    LoyaltyAccount plain = buy(enrolled(Option.none()), "p-1", "300.00", day("2026-04-01"));

    assertThat(once.redacted(day("2026-06-01"))).isSameAs(once);
    assertThat(plain.redacted(day("2026-06-01"))).isSameAs(plain);
  }

  @Test
  void anEarlierRedactionTimeKeepsTheLastChange() {
    LoyaltyAccount account = adjusted();

    assertThat(account.redacted(day("2026-01-01")).updatedAt()).isEqualTo(account.updatedAt());
  }
}
