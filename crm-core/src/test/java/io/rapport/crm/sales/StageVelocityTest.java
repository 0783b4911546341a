package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.at;
import static io.rapport.crm.sales.ForecastFixtures.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StageVelocityTest {

  static final List<Opportunity> DEALS = List.of(
      deal("V-1").openedAt("2026-01-01T00:00:00Z")
          .then("2026-01-05T00:00:00Z").amount("EUR 10.00")
          .then("2026-01-11T00:00:00Z").stage("propose")
          .then("2026-01-31T00:00:00Z").stage("negotiate").build(),
      deal("V-2").openedAt("2026-01-01T00:00:00Z")
          .then("2026-01-21T00:00:00Z").stage("propose")
          .won("2026-02-10T00:00:00Z").build(),
      deal("V-3").openedAt("2026-02-01T00:00:00Z")
          .then("2026-03-10T00:00:00Z").stage("propose").build(),
      deal("V-4").openedAt("2026-03-05T00:00:00Z").build(),
      deal("V-5").openedAt("2026-01-01T00:00:00Z")
          .then("2026-01-02T00:00:00Z").stage("propose")
          .then("2026-01-04T00:00:00Z").stage("qualify")
          .lost("2026-01-14T00:00:00Z").build());

  static DwellStatistics stats(int count, int totalDays, Duration mean, Duration median) {
    return new DwellStatistics(count, Duration.ofDays(totalDays), Option.some(mean),
        Option.some(median));
  }

  @Test
  void measuresFinishedAndOngoingStaysPerStage() {
    StageVelocity velocity = StageVelocity.of(DEALS, at("2026-03-01T00:00:00Z"));
    assertThat(velocity.stages().map(dwell -> dwell.stage().value()))
        .containsExactly("negotiate", "propose", "qualify");
    DwellTime qualify = velocity.of(StageCode.of("qualify")).get();
    // 10 days (V-1, the amount change does not end the stay), 20 (V-2), 1 and 10 (V-5, twice)
    assertThat(qualify.completed()).isEqualTo(stats(4, 41, Duration.ofHours(246), Duration.ofDays(10)));
    // V-3 moved on only after the instant: still there, for 28 days
    assertThat(qualify.ongoing()).isEqualTo(stats(1, 28, Duration.ofDays(28), Duration.ofDays(28)));
    DwellTime propose = velocity.of(StageCode.of("propose")).get();
    assertThat(propose.completed()).isEqualTo(stats(3, 42, Duration.ofDays(14), Duration.ofDays(20)));
    assertThat(propose.ongoing()).isEqualTo(DwellStatistics.NONE);
    DwellTime negotiate = velocity.of(StageCode.of("negotiate")).get();
    assertThat(negotiate.completed()).isEqualTo(DwellStatistics.NONE);
    assertThat(negotiate.ongoing()).isEqualTo(stats(1, 29, Duration.ofDays(29), Duration.ofDays(29)));
    assertThat(velocity.of(StageCode.of("won"))).as("a closed deal's last stay is not counted").isEmpty();
  }

  @Test
  void readsOnlyTheHistoryUpToTheInstant() {
    StageVelocity early = StageVelocity.of(DEALS, at("2026-01-03T00:00:00Z"));
    assertThat(early.of(StageCode.of("qualify")).get().completed().count()).isEqualTo(1);
    assertThat(early.of(StageCode.of("qualify")).get().ongoing().count()).isEqualTo(2);
    assertThat(early.of(StageCode.of("propose")).get().ongoing().count()).isEqualTo(1);
    assertThat(StageVelocity.of(DEALS, at("2025-12-31T00:00:00Z")).stages()).isEmpty();
  }

  @Test
  void sumsUpStays() {
    assertThat(DwellStatistics.of(List.of(Duration.ofHours(3), Duration.ofHours(1),
        Duration.ofHours(8)))).isEqualTo(new DwellStatistics(3, Duration.ofHours(12),
        Option.some(Duration.ofHours(4)), Option.some(Duration.ofHours(3))));
    assertThat(DwellStatistics.of(List.empty())).isEqualTo(DwellStatistics.NONE);
    assertThatThrownBy(() -> new DwellStatistics(0, Duration.ZERO, Option.some(Duration.ZERO),
        Option.none())).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("dwell.inconsistent");
  }
}
