package io.rapport.crm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordRefTest {

  @Test
  void pointsAtAnyKindOfRecordAndParsesWhatItPrints() {
    RecordRef ref = RecordRef.to(TicketId.parse("T-17"));

    assertThat(ref.toString()).isEqualTo("ticketId/T-17");
    assertThat(RecordRef.parse("ticketId/T-17")).isEqualTo(ref);
    assertThat(ref.as(TicketId.KIND).get()).isEqualTo(TicketId.parse("T-17"));
    assertThat(ref.as(OpportunityId.KIND).isEmpty()).isTrue();
  }

  @Test
  void knowsEveryKernelIdKindByName() {
    assertThat(IdKind.all().map(IdKind::name)).contains("customerId", "ticketId", "surveyId");
    assertThat(IdKind.all()).hasSize(21);
    assertThat(IdKind.kindOf(CustomerId.parse("C-1"))).isSameAs(CustomerId.KIND);
  }

  @Test
  void reportsAnUnknownKindAndABadValueAtOnceAsViolations() {
    assertThat(RecordRef.validated("planetId", "P-1").getError().map(Violation::code))
        .containsExactly("ref.kind.unknown");
    assertThat(RecordRef.validated("ticketId", "bad value").getError().map(Violation::code))
        .containsExactly("id.malformed");
    assertThatThrownBy(() -> RecordRef.parse("T-17"))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("kind/value");
  }
}
