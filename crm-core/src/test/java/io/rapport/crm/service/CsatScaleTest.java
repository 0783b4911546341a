package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsatScaleTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
      "-1, 5, 2, csat.scale.min_negative",
      "5, 5, 5, csat.scale.max_not_above_min",
      "0, 101, 50, csat.scale.max_too_high",
      "1, 5, 5, csat.scale.low_out_of_range",
      "1, 5, 0, csat.scale.low_out_of_range"})
  void everyBrokenRuleIsReportedWithItsCode(int min, int max, int low, String code) {
    InvalidValueException thrown = catchThrowableOfType(() -> CsatScale.of(min, max, low),
        InvalidValueException.class);

    assertThat(thrown.violations().map(Violation::code)).contains(code);
    assertThat(CsatScale.validated(min, max, low).getError().map(Violation::code))
        .contains(code);
  }

  @Test
  void theEdgesOfTheRulesAreValid() {
    assertThatCode(() -> CsatScale.of(0, 100, 0)).doesNotThrowAnyException();
    assertThatCode(() -> CsatScale.of(0, 10, 9)).doesNotThrowAnyException();
    assertThat(CsatScale.validated(1, 5, 2).get()).isEqualTo(CsatScale.ONE_TO_FIVE);
  }

  @Test
  void tellsWhichScoresLieOnItAndWhichAreUnhappy() {
    CsatScale scale = CsatScale.ONE_TO_FIVE;

    assertThat(scale.contains(0)).isFalse();
    assertThat(scale.contains(1)).isTrue();
    assertThat(scale.contains(5)).isTrue();
    assertThat(scale.contains(6)).isFalse();
    assertThat(scale.isLow(2)).isTrue();
    assertThat(scale.isLow(3)).isFalse();
    assertThat(scale).hasToString("1 to 5");
  }

  @Test
  void aSatisfactionLiesOnItsScaleWithAShortNonBlankComment() {
    assertThat(catchThrowableOfType(() -> new Satisfaction(6, CsatScale.ONE_TO_FIVE,
        Option.some(" "), T0), InvalidValueException.class).violations().map(Violation::code))
        .containsExactly("satisfaction.score.out_of_scale", "satisfaction.comment.blank");
    assertThat(catchThrowableOfType(() -> new Satisfaction(3, CsatScale.ONE_TO_FIVE,
        Option.some("x".repeat(2001)), T0), InvalidValueException.class).violations()
        .map(Violation::code)).containsExactly("satisfaction.comment.too_long");
    assertThat(new Satisfaction(2, CsatScale.ONE_TO_FIVE, Option.none(), T0).isLow()).isTrue();
    assertThat(new Satisfaction(3, CsatScale.ONE_TO_FIVE, Option.some("ok"), T0).isLow())
        .isFalse();
  }
}
