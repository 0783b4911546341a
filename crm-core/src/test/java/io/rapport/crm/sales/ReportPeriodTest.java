package io.rapport.crm.sales;

import static io.rapport.crm.sales.ForecastFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void namesTheMonthQuarterAndYearOfADay() {
    assertThat(ReportPeriod.of(ReportPeriod.Grain.MONTH, day("2026-11-30")).toString())
        .isEqualTo("2026-11");
    assertThat(ReportPeriod.of(ReportPeriod.Grain.MONTH, day("2026-02-01")).toString())
        .isEqualTo("2026-02");
    assertThat(ReportPeriod.of(ReportPeriod.Grain.QUARTER, day("2026-10-01")).toString())
        .isEqualTo("2026-Q4");
    assertThat(ReportPeriod.of(ReportPeriod.Grain.QUARTER, day("2026-03-31")))
        .isEqualTo(ReportPeriod.quarter(2026, 1));
    assertThat(ReportPeriod.of(ReportPeriod.Grain.YEAR, day("2026-07-04")).toString())
        .isEqualTo("2026");
  }

  @Test
  void knowsItsDays() {
    ReportPeriod q1 = ReportPeriod.quarter(2026, 1);
    assertThat(q1.start()).isEqualTo(day("2026-01-01"));
    assertThat(q1.last()).isEqualTo(day("2026-03-31"));
    assertThat(q1.end()).isEqualTo(day("2026-04-01"));
    assertThat(q1.contains(day("2026-03-31"))).isTrue();
    assertThat(q1.contains(day("2026-04-01"))).isFalse();
    assertThat(ReportPeriod.month(2028, 2).last()).isEqualTo(day("2028-02-29"));
    assertThat(ReportPeriod.month(2026, 12).next()).isEqualTo(ReportPeriod.month(2027, 1));
    assertThat(ReportPeriod.year(2026).next()).isEqualTo(ReportPeriod.year(2027));
    assertThat(ReportPeriodRange.of(ReportPeriod.quarter(2026, 1), ReportPeriod.month(2026, 5)))
        .isEqualTo(ReportPeriodRange.of(day("2026-01-01"), day("2026-05-31")));
    assertThat(ReportPeriodRange.of(ReportPeriod.year(2026)).days()).isEqualTo(365);
  }

  @Test
  void parsesWhatItPrints() {
    for (String text : List.of("2026-11", "2026-01", "2026-Q4", "2026", "0001-Q1")) {
      assertThat(ReportPeriod.parse(text).toString()).isEqualTo(text);
    }
    assertThat(ReportPeriod.validated("2026-13", "close").getError().map(Violation::code))
        .containsExactly("report.period.number_out_of_range");
    assertThat(ReportPeriod.validated("2026-Q5", "close").getError().map(Violation::field))
        .containsExactly("close");
    assertThat(ReportPeriod.validated("26-Q1", "close").getError().map(Violation::code))
        .containsExactly("report.period.malformed");
    assertThat(ReportPeriod.validated(null, "close").isInvalid()).isTrue();
    assertThatThrownBy(() -> ReportPeriod.parse("2026-Q"))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("report.period.malformed");
    assertThatThrownBy(() -> new ReportPeriod(ReportPeriod.Grain.YEAR, 0, 2))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(Violation::code)).containsExactly(
            "report.period.year_out_of_range", "report.period.number_out_of_range"));
  }

  @Test
  void ordersByFirstDayThenTheLongerPeriodFirst() {
    assertThat(List.of("2026-02", "2026-Q1", "2025-12", "2026", "2026-01").map(ReportPeriod::parse)
        .sorted().map(ReportPeriod::toString))
        .containsExactly("2025-12", "2026", "2026-Q1", "2026-01", "2026-02");
  }

  @Test
  void aRangeEndsOnOrAfterItsFirstDay() {
    assertThat(ReportPeriodRange.of(day("2026-03-01"), day("2026-03-01")).days()).isEqualTo(1);
    assertThat(ReportPeriodRange.validated(day("2026-03-02"), day("2026-03-01")).getError()
        .map(Violation::code)).containsExactly("report.range.empty");
    assertThat(ReportPeriodRange.validated(null, null).getError().map(Violation::field))
        .containsExactly("first", "last");
    ReportPeriodRange march = ReportPeriodRange.of(ReportPeriod.month(2026, 3));
    assertThat(march.contains(day("2026-03-01"))).isTrue();
    assertThat(march.contains(day("2026-03-31"))).isTrue();
    assertThat(march.contains(day("2026-04-01"))).isFalse();
    assertThat(march.toString()).isEqualTo("2026-03-01..2026-03-31");
  }
}
