package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.EUR;
import static io.rapport.crm.sales.ForecastFixtures.day;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class SalesMetricsTest {

  static final ReportPeriodRange Q1 = ReportPeriodRange.of(ReportPeriod.quarter(2026, 1));

  static final List<Opportunity> DEALS = List.of(
      deal("W-1").owner("E-ann").openedAt("2026-01-01T00:00:00Z").amount("EUR 1000.00")
          .won("2026-01-11T00:00:00Z").build(),
      deal("W-2").owner("E-ann").openedAt("2026-01-01T00:00:00Z").amount("CNY 8000.00")
          .won("2026-01-21T00:00:00Z").build(),
      deal("W-3").owner("E-bob").openedAt("2026-02-01T00:00:00Z").amount("USD 1000.00")
          .won("2026-03-03T00:00:00Z").build(),
      deal("L-1").owner("E-bob").amount("EUR 500.00").lost("2026-02-15T00:00:00Z").build(),
      deal("L-2").owner("E-bob").lost("2026-03-01T00:00:00Z").build(),
      deal("W-4").owner("E-cy").amount("EUR 7000.00").won("2026-04-02T00:00:00Z").build(),
      deal("O-1").owner("E-ann").amount("EUR 50.00").build(),
      deal("O-2").owner("E-bob").build(),
      deal("O-3").owner("E-cy").amount("JPY 100000").build(),
      deal("X-1").owner("E-cy").amount("JPY 5000").won("2026-02-01T00:00:00Z").build());

  static SalesMetricsSpec spec() {
    return SalesMetricsSpec.of(EUR, ForecastTest.RATES, day("2026-03-31"), Q1);
  }

  static Money eur(String amount) {
    return Money.of(amount, EUR);
  }

  static Option<Percentage> percent(String value) {
    return Option.some(Percentage.parse(value));
  }

  @Test
  void measuresWinRateDealSizeCycleAndVelocity() {
    SalesMetrics metrics = SalesMetrics.of(DEALS, spec());
    SalesMetricsRow total = metrics.total();
    assertThat(total.won()).isEqualTo(3);
    assertThat(total.lost()).isEqualTo(2);
    assertThat(total.closed()).isEqualTo(5);
    assertThat(total.open()).isEqualTo(3);
    // EUR 1000.00 + CNY 8000.00 / 8 + USD 1000.00 × 0.9
    assertThat(total.wonAmount()).isEqualTo(eur("2900.00"));
    assertThat(total.lostAmount()).isEqualTo(eur("500.00"));
    assertThat(total.winRateByCount()).isEqualTo(percent("60%"));
    assertThat(total.winRateByAmount()).isEqualTo(percent("85.29%"));
    assertThat(total.averageWonDeal()).contains(eur("966.67"));
    // cycles of 10, 20 and 30 days
    assertThat(total.meanCycle()).contains(Duration.ofDays(20));
    assertThat(total.medianCycle()).contains(Duration.ofDays(20));
    assertThat(total.meanCycleDays()).contains(new BigDecimal("20.00"));
    // 3 open × 60 % × 966.666… / 20 days
    assertThat(total.velocityPerDay()).contains(eur("87.00"));
    assertThat(metrics.groups()).isEmpty();
    assertThat(metrics.unconverted().map(u -> u.opportunity().value())).containsExactly("X-1");
  }

  @Test
  void groupsByOwner() {
    SalesMetrics metrics = SalesMetrics.of(DEALS, spec().groupedBy(SalesMetricsSpec.Grouping.OWNER));
    assertThat(metrics.groups().map(row -> row.owner().get().value()))
        .containsExactly("E-ann", "E-bob", "E-cy");
    SalesMetricsRow ann = metrics.groups().get(0);
    assertThat(ann.winRateByCount()).isEqualTo(percent("100%"));
    assertThat(ann.meanCycle()).contains(Duration.ofDays(15));
    assertThat(ann.medianCycle()).as("the mean of the middle two").contains(Duration.ofDays(15));
    assertThat(ann.velocityPerDay()).contains(eur("66.67"));
    SalesMetricsRow bob = metrics.groups().get(1);
    assertThat(bob.winRateByCount()).isEqualTo(percent("33.33%"));
    assertThat(bob.winRateByAmount()).isEqualTo(percent("64.29%"));
    assertThat(bob.averageWonDeal()).contains(eur("900.00"));
    assertThat(bob.velocityPerDay()).contains(eur("10.00"));
    SalesMetricsRow cy = metrics.groups().get(2);
    assertThat(cy.owner()).contains(EmployeeId.parse("E-cy"));
    assertThat(cy.open()).isEqualTo(1);
    assertThat(cy.winRateByCount()).isEmpty();
    assertThat(cy.averageWonDeal()).isEmpty();
    assertThat(cy.meanCycle()).isEmpty();
    assertThat(cy.velocityPerDay()).isEmpty();
  }

  @Test
  void groupsByTeamWithARowForDealsWithoutOne() {
    List<Opportunity> deals = List.of(
        deal("T-1").team("T-north").amount("EUR 10.00").won("2026-02-01T00:00:00Z").build(),
        deal("T-2").amount("EUR 10.00").lost("2026-02-01T00:00:00Z").build());
    SalesMetrics metrics = SalesMetrics.of(deals, spec().groupedBy(SalesMetricsSpec.Grouping.TEAM));
    assertThat(metrics.groups().map(row -> row.team().map(t -> t.value()).getOrElse("-")))
        .containsExactly("-", "T-north");
    assertThat(metrics.groups().map(SalesMetricsRow::won)).containsExactly(0, 1);
  }

  @Test
  void readsClosingDaysInTheSpecsZone() {
    List<Opportunity> deals = List.of(
        deal("Z-1").amount("EUR 10.00").won("2026-03-31T20:00:00Z").build());
    assertThat(SalesMetrics.of(deals, spec()).total().won()).isEqualTo(1);
    assertThat(SalesMetrics.of(deals, spec().inZone(ZoneId.of("Asia/Shanghai"))).total().won())
        .isZero();
  }

  @Test
  void refusesAReportCurrencyWithoutMinorUnit() {
    assertThatThrownBy(() -> SalesMetricsSpec.of(Currency.getInstance("XAU"), ForecastTest.RATES,
        day("2026-03-31"), Q1)).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("metrics.currency.no_minor_unit");
  }
}
