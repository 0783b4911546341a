package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.deal;
import static io.rapport.crm.sales.ForecastFixtures.retailPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Percentage;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class FunnelTest {

  static Option<Percentage> percent(String value) {
    return Option.some(Percentage.parse(value));
  }

  @Test
  void countsTheDealsThatReachedEachStageOrALaterOne() {
    List<Opportunity> deals = List.of(
        deal("F-1").build(),
        deal("F-2").then("2026-01-10T00:00:00Z").stage("propose").build(),
        deal("F-3").stage("propose").then("2026-01-10T00:00:00Z").stage("negotiate")
            .won("2026-01-20T00:00:00Z").build(),
        deal("F-4").lost("2026-01-10T00:00:00Z").build(),
        deal("F-5").then("2026-01-10T00:00:00Z").stage("propose")
            .then("2026-01-11T00:00:00Z").stage("negotiate").lost("2026-01-12T00:00:00Z").build(),
        deal("F-6").pipeline("P-other").build(),
        deal("F-7").then("2026-01-10T00:00:00Z").stage("negotiate").build());
    Funnel funnel = Funnel.of(retailPipeline(), deals);
    assertThat(funnel.deals()).isEqualTo(6);
    assertThat(funnel.ignored()).isEqualTo(1);
    assertThat(funnel.won()).isEqualTo(1);
    assertThat(funnel.lost()).isEqualTo(2);
    assertThat(funnel.steps().map(step -> step.stage().value()))
        .containsExactly("qualify", "propose", "negotiate");
    assertThat(funnel.steps().map(Funnel.Step::reached)).containsExactly(6, 4, 3);
    assertThat(funnel.steps().map(Funnel.Step::current)).containsExactly(1, 1, 1);
    assertThat(funnel.steps().map(Funnel.Step::toNext))
        .containsExactly(percent("66.67%"), percent("75%"), percent("33.33%"));
    assertThat(funnel.steps().map(Funnel.Step::toWon))
        .containsExactly(percent("16.67%"), percent("25%"), percent("33.33%"));
    assertThat(funnel.steps().head().name()).isEqualTo("Qualify");
  }

  @Test
  void leavesRatesEmptyWhenNothingReachedAStage() {
    Funnel funnel = Funnel.of(retailPipeline(), List.of(deal("F-1").build()));
    assertThat(funnel.steps().map(Funnel.Step::reached)).containsExactly(1, 0, 0);
    assertThat(funnel.steps().map(Funnel.Step::toNext))
        .containsExactly(percent("0%"), Option.none(), Option.none());
    assertThat(Funnel.of(retailPipeline(), List.empty()).steps().map(Funnel.Step::toWon))
        .containsOnly(Option.none());
  }
}
