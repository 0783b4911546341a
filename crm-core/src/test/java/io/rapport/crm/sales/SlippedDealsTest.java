package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.at;
import static io.rapport.crm.sales.ForecastFixtures.day;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class SlippedDealsTest {

  static final List<Opportunity> DEALS = List.of(
      deal("S-1").closeOn("2026-03-31")
          .then("2026-02-10T00:00:00Z").closeOn("2026-04-30")
          .then("2026-02-20T00:00:00Z").closeOn("2026-05-15").build(),
      deal("S-2").closeOn("2026-03-31")
          .then("2026-02-10T00:00:00Z").closeOn("2026-04-30")
          .then("2026-02-15T00:00:00Z").closeOn("2026-04-15").build(),
      deal("S-3").closeOn("2026-03-31")
          .then("2026-02-10T00:00:00Z").closeOn("2026-03-15").build(),
      deal("S-4").closeOn("2026-03-31")
          .then("2026-01-20T00:00:00Z").closeOn("2026-04-30")
          .then("2026-03-05T00:00:00Z").closeOn("2026-06-30").build(),
      deal("S-5").owner("E-bob")
          .then("2026-02-05T00:00:00Z").closeOn("2026-03-01")
          .then("2026-02-10T00:00:00Z").closeOn("2026-03-11").build(),
      deal("S-6").closeOn("2026-03-31")
          .then("2026-02-10T00:00:00Z").closeOn("2026-04-30")
          .then("2026-02-12T00:00:00Z").closeOn("2026-03-31").build(),
      deal("S-7").closeOn("2026-03-31")
          .then("2026-02-10T00:00:00Z").noAmount().closeOn((java.time.LocalDate) null)
          .then("2026-02-11T00:00:00Z").closeOn("2026-04-02").build());

  @Test
  void findsDealsWhoseCloseDateMovedOutInTheWindow() {
    SlippedDeals slipped = SlippedDeals.between(DEALS, at("2026-02-01T00:00:00Z"),
        at("2026-03-01T00:00:00Z"));
    assertThat(slipped.deals()).containsExactly(
        new SlippedDeals.Deal(OpportunityId.parse("S-1"), EmployeeId.parse("E-ann"),
            day("2026-03-31"), day("2026-05-15"), 45, 2),
        new SlippedDeals.Deal(OpportunityId.parse("S-2"), EmployeeId.parse("E-ann"),
            day("2026-03-31"), day("2026-04-15"), 15, 1),
        new SlippedDeals.Deal(OpportunityId.parse("S-5"), EmployeeId.parse("E-bob"),
            day("2026-03-01"), day("2026-03-11"), 10, 1),
        new SlippedDeals.Deal(OpportunityId.parse("S-7"), EmployeeId.parse("E-ann"),
            day("2026-03-31"), day("2026-04-02"), 2, 1));
  }

  @Test
  void theWindowIsHalfOpen() {
    SlippedDeals fromTheSecondChange = SlippedDeals.between(DEALS, at("2026-02-20T00:00:00Z"),
        at("2026-03-05T00:00:00Z"));
    assertThat(fromTheSecondChange.deals().map(deal -> deal.opportunity().value()))
        .containsExactly("S-1");
    assertThat(fromTheSecondChange.deals().head().originalClose()).isEqualTo(day("2026-04-30"));
    assertThat(SlippedDeals.between(DEALS, at("2026-02-20T00:00:01Z"), at("2026-03-05T00:00:01Z"))
        .deals().map(deal -> deal.opportunity().value())).containsExactly("S-4");
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThatThrownBy(() -> SlippedDeals.between(DEALS, at("2026-02-01T00:00:00Z"),
        at("2026-02-01T00:00:00Z"))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("report.window.empty");
  }
}
