package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.at;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import org.junit.jupiter.api.Test;

class OpportunityHistoryTest {

  static final Opportunity DEAL = deal("H-1").openedAt("2026-01-05T09:00:00Z").amount("EUR 100.00")
      .then("2026-02-01T00:00:00Z").stage("propose")
      .then("2026-02-01T00:00:00Z").amount("EUR 150.00")
      .won("2026-03-01T00:00:00Z").build();

  @Test
  void findsTheEntryInForceAtAnInstant() {
    assertThat(OpportunityHistory.asOf(DEAL, at("2026-01-05T08:59:59Z"))).isEmpty();
    assertThat(OpportunityHistory.asOf(DEAL, at("2026-01-05T09:00:00Z")).get().stage().value())
        .isEqualTo("qualify");
    assertThat(OpportunityHistory.asOf(DEAL, at("2026-01-31T23:59:59Z")).get().amount())
        .contains(Money.parse("EUR 100.00"));
    // two changes at the same instant: the later entry is in force
    assertThat(OpportunityHistory.asOf(DEAL, at("2026-02-01T00:00:00Z")).get().amount())
        .contains(Money.parse("EUR 150.00"));
    assertThat(OpportunityHistory.asOf(DEAL, at("2030-01-01T00:00:00Z")).get())
        .isEqualTo(DEAL.history().last());
  }

  @Test
  void tellsWhetherTheDealWasClosedAtAnInstant() {
    assertThat(OpportunityHistory.closedAsOf(DEAL, at("2026-02-28T23:59:59Z"))).isFalse();
    assertThat(OpportunityHistory.closedAsOf(DEAL, at("2026-03-01T00:00:00Z"))).isTrue();
    assertThat(OpportunityHistory.closedAsOf(deal("H-2").build(), at("2030-01-01T00:00:00Z")))
        .isFalse();
  }
}
