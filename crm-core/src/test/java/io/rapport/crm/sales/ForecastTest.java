package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.CNY;
import static io.rapport.crm.sales.ForecastFixtures.EUR;
import static io.rapport.crm.sales.ForecastFixtures.JPY;
import static io.rapport.crm.sales.ForecastFixtures.USD;
import static io.rapport.crm.sales.ForecastFixtures.at;
import static io.rapport.crm.sales.ForecastFixtures.day;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ConversionProblem;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.ExchangeRate;
import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ForecastTest {

  /** EUR/CNY 8 in the first half of 2026, then 10; USD/EUR 0.9; nothing for JPY. */
  static final ExchangeRates RATES = ExchangeRates.of(List.of(
      ExchangeRate.of(EUR, CNY, new BigDecimal("8"), day("2026-01-01"), day("2026-07-01")),
      ExchangeRate.of(EUR, CNY, new BigDecimal("10"), day("2026-07-01")),
      ExchangeRate.of(USD, EUR, new BigDecimal("0.9"), day("2026-01-01"))));

  static final List<Opportunity> DEALS = List.of(
      deal("O-1").owner("E-ann").team("T-north").amount("EUR 1000.00").closeOn("2026-03-15")
          .stage("negotiate").build(),
      deal("O-2").owner("E-ann").team("T-north").amount("CNY 8000.00").closeOn("2026-03-20")
          .stage("propose").build(),
      deal("O-3").owner("E-bob").noAmount().closeOn("2026-04-10").build(),
      deal("O-4").owner("E-bob").team("T-south").amount("USD 500.00").closeOn("2026-02-27")
          .stage("negotiate").won("2026-02-28T20:00:00Z").build(),
      deal("O-5").owner("E-bob").amount("EUR 300.00").closeOn("2026-03-31").stage("propose")
          .lost("2026-03-01T10:00:00Z").build(),
      deal("O-6").owner("E-cy").amount("JPY 100000").closeOn("2026-05-31").stage("negotiate")
          .build(),
      deal("O-7").owner("E-cy").amount("EUR 100.01").closeOn("2026-05-31").stage("negotiate")
          .probability("50%").build(),
      deal("O-8").owner("E-cy").amount("EUR 100.01").closeOn("2026-05-31").stage("negotiate")
          .probability("50%").build());

  static ForecastSpec spec() {
    return ForecastSpec.of(EUR, RATES, day("2026-03-31"));
  }

  static Money eur(String amount) {
    return Money.of(amount, EUR);
  }

  static ForecastFigures figures(int count, String amount, String weighted) {
    return new ForecastFigures(count, eur(amount), eur(weighted));
  }

  @Test
  void addsUpEachCategoryAndTheRollUpsInTheReportCurrency() {
    Forecast forecast = Forecast.compute(DEALS, spec());
    ForecastRow total = forecast.total();
    assertThat(forecast.rows()).containsExactly(total);
    assertThat(total.key()).isEqualTo(ForecastKey.TOTAL);
    assertThat(total.of(ForecastCategory.CLOSED)).isEqualTo(figures(1, "450.00", "450.00"));
    // 1000.00 × 70 % + two deals of 100.01 × 50 % = 700 + 50.005 + 50.005, rounded once
    assertThat(total.of(ForecastCategory.COMMIT)).isEqualTo(figures(3, "1200.02", "800.01"));
    // CNY 8000.00 at 1 / 8 = EUR 1000.00, 40 %
    assertThat(total.of(ForecastCategory.BEST_CASE)).isEqualTo(figures(1, "1000.00", "400.00"));
    assertThat(total.of(ForecastCategory.PIPELINE)).isEqualTo(figures(1, "0.00", "0.00"));
    assertThat(total.of(ForecastCategory.OMITTED)).isEqualTo(figures(1, "300.00", "0.00"));
    assertThat(total.closed()).isEqualTo(figures(1, "450.00", "450.00"));
    assertThat(total.commit()).isEqualTo(figures(4, "1650.02", "1250.01"));
    assertThat(total.bestCase()).isEqualTo(figures(5, "2650.02", "1650.01"));
    assertThat(total.pipeline()).isEqualTo(figures(5, "2200.02", "1200.01"));
    assertThat(total.withoutAmount()).isEqualTo(1);
    assertThat(total.count()).isEqualTo(7);
  }

  @Test
  void listsDealsWithoutARateInsteadOfDroppingThem() {
    Forecast forecast = Forecast.compute(DEALS, spec());
    assertThat(forecast.unconverted()).containsExactly(new UnconvertedOpportunity(
        OpportunityId.parse("O-6"), new ConversionProblem(JPY, EUR, day("2026-03-31"))));
    assertThat(forecast.unconverted().head().problem().code()).isEqualTo("rates.missing");
  }

  @Test
  void convertsEveryAmountAtTheRatesOfTheOneRateDate() {
    Forecast july = Forecast.compute(DEALS, ForecastSpec.of(EUR, RATES, day("2026-07-15")));
    // CNY 8000.00 at 1 / 10 in the second rate period
    assertThat(july.total().of(ForecastCategory.BEST_CASE)).isEqualTo(figures(1, "800.00", "320.00"));
    Forecast inYuan = Forecast.compute(DEALS, ForecastSpec.of(CNY, RATES, day("2026-03-31")));
    // EUR 1000.00 × 8 + EUR 200.02 × 8 = CNY 9600.16; USD has no CNY rate
    assertThat(inYuan.total().of(ForecastCategory.COMMIT))
        .isEqualTo(new ForecastFigures(3, Money.of("9600.16", CNY), Money.of("6400.08", CNY)));
    assertThat(inYuan.unconverted().map(u -> u.opportunity().value())).containsExactly("O-4", "O-6");
  }

  @Test
  void groupsByOwnerAndMonthOfTheExpectedOrActualClose() {
    Forecast forecast = Forecast.compute(DEALS,
        spec().by(ForecastDimension.OWNER, ForecastDimension.PERIOD));
    assertThat(forecast.rows().map(row -> row.key().toString())).containsExactly(
        "E-ann/2026-03", "E-bob/2026-02", "E-bob/2026-03", "E-bob/2026-04", "E-cy/2026-05");
    ForecastRow ann = forecast.row(ForecastKey.ofOwner(EmployeeId.parse("E-ann"))
        .withPeriod(ReportPeriod.month(2026, 3))).get();
    assertThat(ann.of(ForecastCategory.COMMIT)).isEqualTo(figures(1, "1000.00", "700.00"));
    assertThat(ann.of(ForecastCategory.BEST_CASE)).isEqualTo(figures(1, "1000.00", "400.00"));
    assertThat(ann.of(ForecastCategory.CLOSED)).isEqualTo(figures(0, "0.00", "0.00"));
    // won on 2026-02-28 (UTC): the closing day, not the expected close, sets the period
    assertThat(forecast.rows().get(1).closed()).isEqualTo(figures(1, "450.00", "450.00"));
    assertThat(forecast.rows().get(3).withoutAmount()).isEqualTo(1);
    assertThat(forecast.rows().get(4).of(ForecastCategory.COMMIT))
        .isEqualTo(figures(2, "200.02", "100.01"));
  }

  @Test
  void readsTheClosingDayInTheSpecsZone() {
    Forecast shanghai = Forecast.compute(DEALS, spec().by(ForecastDimension.OWNER,
        ForecastDimension.PERIOD).inZone(ZoneId.of("Asia/Shanghai")));
    // 2026-02-28T20:00Z is 2026-03-01 04:00 in Shanghai
    assertThat(shanghai.rows().map(row -> row.key().toString())).containsExactly(
        "E-ann/2026-03", "E-bob/2026-03", "E-bob/2026-04", "E-cy/2026-05");
    assertThat(shanghai.rows().get(1).closed()).isEqualTo(figures(1, "450.00", "450.00"));
    assertThat(shanghai.rows().get(1).of(ForecastCategory.OMITTED)).isEqualTo(figures(1, "300.00", "0.00"));
  }

  @Test
  void groupsByTeamCategoryAndQuarter() {
    Forecast byTeam = Forecast.compute(DEALS, spec().by(ForecastDimension.TEAM));
    assertThat(byTeam.rows().map(row -> row.key().team().map(TeamId::value).getOrElse("-")))
        .containsExactly("-", "T-north", "T-south");
    assertThat(byTeam.rows().get(0).count()).isEqualTo(4);
    Forecast byCategory = Forecast.compute(DEALS,
        spec().by(ForecastDimension.CATEGORY, ForecastDimension.PERIOD)
            .withGrain(ReportPeriod.Grain.QUARTER));
    assertThat(byCategory.rows().map(row -> row.key().toString())).containsExactly(
        "OMITTED/2026-Q1", "PIPELINE/2026-Q2", "BEST_CASE/2026-Q1", "COMMIT/2026-Q1",
        "COMMIT/2026-Q2", "CLOSED/2026-Q1");
    assertThat(byCategory.row(ForecastKey.TOTAL.withCategory(ForecastCategory.COMMIT)
        .withPeriod(ReportPeriod.quarter(2026, 2))).get().commit())
        .isEqualTo(figures(2, "200.02", "100.01"));
  }

  @Test
  void keepsOnlyDealsWhosePeriodDayLiesInTheRange() {
    ReportPeriodRange march = ReportPeriodRange.of(ReportPeriod.month(2026, 3));
    Forecast forecast = Forecast.compute(DEALS, spec().within(march));
    assertThat(forecast.total().count()).isEqualTo(3);
    assertThat(forecast.total().of(ForecastCategory.OMITTED).count()).isEqualTo(1);
    assertThat(forecast.total().closed().count()).isZero();
    Forecast shanghai = Forecast.compute(DEALS,
        spec().within(march).inZone(ZoneId.of("Asia/Shanghai")));
    assertThat(shanghai.total().closed()).isEqualTo(figures(1, "450.00", "450.00"));
    Opportunity undated = deal("O-9").amount("EUR 5.00").build();
    assertThat(Forecast.compute(List.of(undated), spec().within(march)).total().count()).isZero();
    assertThat(Forecast.compute(List.of(undated), spec().by(ForecastDimension.PERIOD)).rows()
        .head().key().period()).isEmpty();
  }

  @Test
  void takesEachDealAsItStoodAtAPastInstant() {
    List<Opportunity> deals = List.of(
        deal("A-1").amount("EUR 800.00").closeOn("2026-02-28")
            .then("2026-02-01T00:00:00Z").stage("propose").amount("EUR 1000.00")
            .then("2026-02-20T00:00:00Z").stage("negotiate").closeOn("2026-03-15").build(),
        deal("A-2").openedAt("2026-03-01T00:00:00Z").amount("EUR 999.00").closeOn("2026-03-30")
            .build(),
        deal("A-3").openedAt("2026-01-10T00:00:00Z").stage("negotiate").amount("EUR 200.00")
            .closeOn("2026-02-15").won("2026-02-05T12:00:00Z").build(),
        deal("A-4").openedAt("2026-01-10T00:00:00Z").stage("negotiate").amount("EUR 500.00")
            .closeOn("2026-02-20").won("2026-02-15T00:00:00Z").build());
    ForecastSpec byPeriod = spec().by(ForecastDimension.PERIOD);
    Forecast then = Forecast.compute(deals, byPeriod.lookingBackTo(at("2026-02-10T00:00:00Z")));
    assertThat(then.rows().map(row -> row.key().toString())).containsExactly("2026-02");
    ForecastRow february = then.rows().head();
    assertThat(february.of(ForecastCategory.BEST_CASE)).isEqualTo(figures(1, "1000.00", "400.00"));
    assertThat(february.of(ForecastCategory.CLOSED)).isEqualTo(figures(1, "200.00", "200.00"));
    assertThat(february.of(ForecastCategory.COMMIT)).isEqualTo(figures(1, "500.00", "350.00"));
    Forecast now = Forecast.compute(deals, byPeriod);
    assertThat(now.rows().map(row -> row.key().toString())).containsExactly("2026-02", "2026-03");
    assertThat(now.rows().get(0).closed()).isEqualTo(figures(2, "700.00", "700.00"));
    assertThat(now.rows().get(1).commit()).isEqualTo(figures(1, "1000.00", "700.00"));
    assertThat(Forecast.compute(deals, byPeriod.lookingBackTo(at("2026-01-01T00:00:00Z")))
        .rows()).isEmpty();
  }

  @Test
  void refusesABadSpec() {
    assertThatThrownBy(() -> spec().by(ForecastDimension.OWNER, ForecastDimension.OWNER))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.code())).containsExactly("forecast.dimension.duplicate"));
    assertThatThrownBy(() -> ForecastSpec.of(Currency.getInstance("XAU"), RATES, day("2026-01-01")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("forecast.currency.no_minor_unit");
    assertThatThrownBy(() -> ReportPeriodRange.of(day("2026-03-31"), day("2026-03-01")))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("report.range.empty");
  }

  @Test
  void anEmptyInputGivesAnEmptyForecastInTheReportCurrency() {
    Forecast forecast = Forecast.compute(List.empty(), spec().by(ForecastDimension.OWNER));
    assertThat(forecast.rows()).isEmpty();
    assertThat(forecast.total().pipeline()).isEqualTo(ForecastFigures.zero(EUR));
    assertThat(forecast.row(ForecastKey.TOTAL)).isEqualTo(Option.none());
  }
}
