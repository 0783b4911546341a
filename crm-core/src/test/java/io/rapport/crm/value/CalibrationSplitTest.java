package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CalibrationSplitTest {

  private final CalibrationSplit cdnow = CalibrationSplit.of(PeriodUnit.WEEKS,
      CdnowData.CALIBRATION_END, CdnowData.HOLDOUT_END);

  @Test
  void splitsTheCdnowSampleIntoThirtyNineWeeksOfCalibrationAndOfHoldout() {
    HoldoutTable split = cdnow.apply(CdnowData.sampleLog());

    assertThat(split.size()).isEqualTo(2357);
    assertThat(split.calibration().size()).isEqualTo(2357);
    assertThat(split.holdoutLength()).isEqualTo(39.0);
    int one = row(split, "1");
    assertThat(split.calibration().row(one))
        .as("README: x = 2, t_x = 213/7, T = 272/7")
        .isEqualTo(new CustomerSummary("1", 2, 213 / 7.0, 272 / 7.0, 22.345, 74.02));
    assertThat(split.holdoutPurchases(one)).as("one purchase on 1997-12-12").isEqualTo(1);
    assertThat(split.holdoutSpend(one)).isCloseTo(26.48, within(1e-9));
  }

  @Test
  void countsHoldoutPurchasesUnderTheSameDayRule() {
    HoldoutTable split = cdnow.apply(CdnowData.sampleLog());

    int customer = row(split, "149");
    assertThat(split.calibration().frequency(customer)).isZero();
    assertThat(split.holdoutPurchases(customer))
        .as("12-09, 01-30, 02-20, two rows on 04-19 merged, 04-28").isEqualTo(5);
    assertThat(split.holdoutSpend(customer)).isCloseTo(140.13, within(1e-9));
    assertThat(split.totalHoldoutPurchases()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void leavesOutCustomersWhoseFirstPurchaseFallsInTheHoldout() {
    TransactionLog log = TransactionLog.builder(CdnowData.USD, ZoneOffset.UTC)
        .add("new", LocalDate.of(1997, 10, 5), 100, 1)
        .add("old", LocalDate.of(1997, 9, 1), 100, 1)
        .add("old", LocalDate.of(1998, 7, 1), 100, 1)
        .build();

    HoldoutTable split = cdnow.apply(log);

    assertThat(split.size()).isEqualTo(1);
    assertThat(split.calibration().customer(0)).isEqualTo("old");
    assertThat(split.holdoutPurchases(0)).as("1998-07-01 is after the holdout").isZero();
  }

  @Test
  void refusesAHoldoutThatDoesNotFollowTheCalibration() {
    InvalidValueException refused = catchThrowableOfType(() -> CalibrationSplit.of(
        PeriodUnit.DAYS, CdnowData.CALIBRATION_END, CdnowData.CALIBRATION_END),
        InvalidValueException.class);

    assertThat(refused.violations().map(Violation::code))
        .containsExactly("value.split.holdout_not_after_calibration");
  }

  private static int row(HoldoutTable split, String customer) {
    for (int i = 0; i < split.size(); i++) {
      if (split.calibration().customer(i).equals(customer)) {
        return i;
      }
    }
    throw new AssertionError("no row for " + customer);
  }
}
