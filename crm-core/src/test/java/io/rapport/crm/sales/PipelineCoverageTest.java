package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.EUR;
import static io.rapport.crm.sales.ForecastFixtures.day;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PipelineCoverageTest {

  static final List<Opportunity> DEALS = List.of(
      deal("P-1").amount("EUR 6000.00").closeOn("2026-04-15").stage("negotiate").build(),
      deal("P-2").amount("CNY 16000.00").closeOn("2026-06-30").stage("propose").build(),
      deal("P-3").amount("EUR 9999.00").closeOn("2026-07-01").stage("negotiate").build(),
      deal("P-4").amount("EUR 500.00").closeOn("2026-05-01").category(ForecastCategory.OMITTED)
          .build(),
      deal("P-5").amount("EUR 3000.00").closeOn("2026-05-01").won("2026-03-01T00:00:00Z").build(),
      deal("P-6").closeOn("2026-05-05").build(),
      deal("P-7").amount("JPY 100000").closeOn("2026-05-01").build(),
      deal("P-8").amount("EUR 1000.00").closeOn("2026-04-01").build());

  static PipelineCoverage coverageOf(String target) {
    return PipelineCoverage.of(DEALS, Money.of(target, EUR), day("2026-04-01"), day("2026-06-30"),
        ForecastTest.RATES, day("2026-03-31"));
  }

  static Money eur(String amount) {
    return Money.of(amount, EUR);
  }

  @Test
  void comparesTheOpenPipelineOfThePeriodWithTheTarget() {
    PipelineCoverage coverage = coverageOf("10000.00");
    assertThat(coverage.deals()).isEqualTo(4);
    assertThat(coverage.withoutAmount()).isEqualTo(1);
    // 6000.00 + CNY 16000.00 / 8 + 1000.00; weighted 70 %, 40 %, 10 %
    assertThat(coverage.pipeline()).isEqualTo(eur("9000.00"));
    assertThat(coverage.weighted()).isEqualTo(eur("5100.00"));
    assertThat(coverage.coverage()).isEqualTo(new BigDecimal("0.90"));
    assertThat(coverage.weightedCoverage()).isEqualTo(new BigDecimal("0.51"));
    assertThat(coverage.gap()).isEqualTo(eur("1000.00"));
    assertThat(coverage.weightedGap()).isEqualTo(eur("4900.00"));
    assertThat(coverage.unconverted().map(u -> u.opportunity().value())).containsExactly("P-7");
    assertThat(coverage.period()).isEqualTo(ReportPeriodRange.of(ReportPeriod.quarter(2026, 2)));
  }

  @Test
  void roundsTheRatioHalfEvenAndHasNoGapWhenCovered() {
    assertThat(coverageOf("7000.00").coverage()).isEqualTo(new BigDecimal("1.29"));
    PipelineCoverage covered = coverageOf("4000.00");
    assertThat(covered.coverage()).isEqualTo(new BigDecimal("2.25"));
    assertThat(covered.gap()).isEqualTo(eur("0.00"));
    assertThat(covered.weightedGap()).isEqualTo(eur("0.00"));
  }

  @Test
  void refusesABadTargetAndPeriodAtOnce() {
    assertThatThrownBy(() -> PipelineCoverage.of(DEALS, eur("0.00"), day("2026-06-30"),
        day("2026-04-01"), ForecastTest.RATES, day("2026-03-31")))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::code)).containsExactly(
            "coverage.target.not_positive", "report.range.empty"));
  }
}
