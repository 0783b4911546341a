package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.CNY;
import static io.rapport.crm.sales.ForecastFixtures.EUR;
import static io.rapport.crm.sales.ForecastFixtures.JPY;
import static io.rapport.crm.sales.ForecastFixtures.USD;
import static io.rapport.crm.sales.ForecastFixtures.day;
import static io.rapport.crm.sales.ForecastFixtures.qt;
import static io.rapport.crm.sales.ForecastFixtures.randomDeals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.ExchangeRate;
import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.Money;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ForecastProperties {

  static final ExchangeRates RATES = ExchangeRates.of(List.of(
      ExchangeRate.of(EUR, CNY, new BigDecimal("7.8125"), day("2026-01-01")),
      ExchangeRate.of(EUR, USD, new BigDecimal("1.0837"), day("2026-01-01"))));

  static final ForecastSpec SPEC = ForecastSpec.of(EUR, RATES, day("2026-06-30"));

  @Test
  void theGrandTotalIsTheSumOfThePerOwnerRows() {
    qt().forAll(longs().all()).check(seed -> {
      List<Opportunity> deals = randomDeals(seed, EUR, CNY, USD, JPY);
      Forecast byOwner = Forecast.compute(deals, SPEC.by(ForecastDimension.OWNER));
      Forecast total = Forecast.compute(deals, SPEC);
      return total.total().equals(byOwner.total())
          && total.unconverted().equals(byOwner.unconverted())
          && addsUp(byOwner.rows(), byOwner.total());
    });
  }

  @Test
  void inTheReportCurrencyOnlyTheAmountsAddUpExactly() {
    qt().forAll(longs().all()).check(seed -> {
      Forecast byOwner = Forecast.compute(randomDeals(seed, EUR),
          SPEC.by(ForecastDimension.OWNER, ForecastDimension.PERIOD));
      for (ForecastCategory category : ForecastCategory.values()) {
        if (!sum(byOwner.rows(), row -> row.of(category).amount())
            .equals(byOwner.total().of(category).amount())) {
          return false;
        }
      }
      return byOwner.unconverted().isEmpty();
    });
  }

  @Test
  void weightedNeverExceedsUnweighted() {
    qt().forAll(longs().all()).check(seed -> {
      Forecast forecast = Forecast.compute(randomDeals(seed, EUR, CNY, USD),
          SPEC.by(ForecastDimension.CATEGORY, ForecastDimension.TEAM, ForecastDimension.PERIOD));
      return forecast.rows().append(forecast.total()).forAll(row ->
          row.byCategory().values().appendAll(List.of(row.closed(), row.commit(), row.bestCase(),
              row.pipeline())).forAll(f -> !f.weighted().isGreaterThan(f.amount())
              && !f.weighted().isNegative()));
    });
  }

  @Test
  void aForecastAsOfAnInstantAfterEveryChangeIsTheForecastOfNow() {
    qt().forAll(longs().all()).check(seed -> {
      List<Opportunity> deals = randomDeals(seed, EUR, CNY, JPY);
      Instant afterAll = deals.map(Opportunity::updatedAt).max().get().plusSeconds(1);
      ForecastSpec spec = SPEC.by(ForecastDimension.OWNER, ForecastDimension.PERIOD);
      Forecast now = Forecast.compute(deals, spec);
      Forecast then = Forecast.compute(deals, spec.lookingBackTo(afterAll));
      return now.rows().equals(then.rows()) && now.total().equals(then.total())
          && now.unconverted().equals(then.unconverted());
    });
  }

  @Test
  void theFixturesMakeNonTrivialForecasts() {
    Forecast forecast = Forecast.compute(randomDeals(ForecastFixtures.SEED, EUR, CNY, USD, JPY)
        .appendAll(randomDeals(ForecastFixtures.SEED + 1, EUR, CNY, USD, JPY)), SPEC);
    assertThat(forecast.total().count()).isGreaterThan(20);
    assertThat(forecast.total().withoutAmount()).isPositive();
    assertThat(forecast.unconverted()).isNotEmpty();
    assertThat(forecast.total().closed().count()).isPositive();
  }

  /**
   * Counts add up exactly; each amount is rounded once from its exact sum, so the rows' rounded
   * amounts may differ from the rounded total by at most half a minor unit per row.
   */
  private static boolean addsUp(Seq<ForecastRow> rows, ForecastRow total) {
    Seq<Function<ForecastRow, ForecastFigures>> figures = List.<Function<ForecastRow, ForecastFigures>>of(
        ForecastRow::closed, ForecastRow::commit, ForecastRow::bestCase, ForecastRow::pipeline)
        .appendAll(List.of(ForecastCategory.values()).map(c -> row -> row.of(c)));
    Money tolerance = Money.ofMinor(rows.size() / 2 + 1, EUR);
    return figures.forAll(pick -> rows.map(row -> pick.apply(row).count()).sum().intValue()
            == pick.apply(total).count()
        && within(sum(rows, row -> pick.apply(row).amount()), pick.apply(total).amount(), tolerance)
        && within(sum(rows, row -> pick.apply(row).weighted()), pick.apply(total).weighted(), tolerance))
        && rows.map(ForecastRow::withoutAmount).sum().intValue() == total.withoutAmount();
  }

  private static Money sum(Seq<ForecastRow> rows, Function<ForecastRow, Money> amount) {
    return Money.sum(EUR, rows.map(amount));
  }

  private static boolean within(Money a, Money b, Money tolerance) {
    return !a.minus(b).abs().isGreaterThan(tolerance);
  }
}
