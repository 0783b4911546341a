package io.rapport.crm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class ViolationTest {

  @Test
  void nestsUnderAParentField() {
    Violation v = Money.validated("1.001", "EUR").getError().head().under("lines[2].price");
    assertThat(v.field()).isEqualTo("lines[2].price.amount");
    assertThat(v.code()).isEqualTo("money.amount.too_many_decimals");
    assertThat(v.toString()).startsWith("lines[2].price.amount: ").endsWith("[money.amount.too_many_decimals]");
  }

  @Test
  void refusesBlankCodesAndFields() {
    assertThatThrownBy(() -> Violation.of(" ", "f", "m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Violation.of("c", "", "m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Violation.of("c", "f", null)).hasMessage("message");
  }

  @Test
  void anInvalidValueExceptionCarriesEveryViolation() {
    InvalidValueException e = new InvalidValueException(List.of(Violation.of("a.b", "x", "first"),
        Violation.of("c.d", "y", "second")));
    assertThat(e.violations()).hasSize(2);
    assertThat(e).hasMessage("x: first [a.b]; y: second [c.d]");
    assertThatThrownBy(() -> new InvalidValueException(List.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
