package io.rapport.crm.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void acceptsLowerCaseCodesWithDotsUnderscoresAndDashes() {
    assertThat(Role.of("sales.manager_2-east").code()).isEqualTo("sales.manager_2-east");
    assertThat(Role.parse(Role.SALES_REP.toString())).isEqualTo(Role.SALES_REP);
    assertThat(Role.of("x".repeat(Role.MAX_LENGTH)).code()).hasSize(Role.MAX_LENGTH);
    assertThat(Role.AGENT.compareTo(Role.ADMIN)).isPositive();
  }

  @Test
  void reportsWhatIsWrongWithACode() {
    assertThat(Role.validated("Agent", "roles[0]").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("role.malformed", "roles[0]"));
    assertThat(Role.validated("", "role").getError()).extracting(Violation::code)
        .containsExactly("role.blank");
    assertThat(Role.validated(null, "role").getError()).extracting(Violation::code)
        .containsExactly("role.missing");
    assertThat(Role.validated("x".repeat(Role.MAX_LENGTH + 1), "role").getError())
        .extracting(Violation::code).containsExactly("role.too_long");
    assertThatThrownBy(() -> Role.of("sales rep")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("role.malformed");
  }
}
