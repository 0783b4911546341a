package io.rapport.crm.kernel;

import static io.rapport.crm.kernel.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TypedIdTest {

  static final List<IdKind<?>> KINDS = List.of(ActorId.KIND, EventId.KIND, CustomerId.KIND,
      InteractionId.KIND, EmployeeId.KIND, TeamId.KIND, ActivityId.KIND, LeadId.KIND,
      PipelineId.KIND, OpportunityId.KIND, ProductId.KIND, TicketId.KIND, SlaPolicyId.KIND,
      ArticleId.KIND, LoyaltyProgramId.KIND, LoyaltyAccountId.KIND, PriceBookId.KIND,
      PricingRuleId.KIND, PurchaseId.KIND, QuoteId.KIND, SurveyId.KIND);

  static final Gen<String> VALID_VALUES = strings()
      .betweenCodePoints('-', 'z').ofLengthBetween(1, 64)
      .map(s -> s.replaceAll("[^A-Za-z0-9._:-]", "_"));

  @Test
  void parseOfToStringIsIdentityForEveryKind() {
    qt().forAll(arbitrary().pick(KINDS), VALID_VALUES).check((kind, value) -> {
      TypedId id = kind.parse(value);
      return id.toString().equals(value) && kind.parse(id.toString()).equals(id)
          && kind.validated(value).get().equals(id);
    });
  }

  @Test
  void idsOfDifferentKindsAreNeverEqual() {
    assertThat((Object) CustomerId.parse("42")).isNotEqualTo(TicketId.parse("42"));
    assertThat(CustomerId.parse("C-1001")).isEqualTo(new CustomerId("C-1001"));
    String uuid = new UUID(1, 2).toString();
    assertThat(TicketId.parse(uuid).value()).isEqualTo(uuid);
  }

  @Test
  void everyKindHasItsOwnFieldName() {
    assertThat(KINDS).extracting(IdKind::name).doesNotHaveDuplicates().allMatch(n -> n.endsWith("Id"));
  }

  @Test
  void rejectsMalformedIdsNamingTheKind() {
    InvalidValueException error = catchThrowableOfType(InvalidValueException.class,
        () -> CustomerId.parse("C 1001"));
    assertThat(error.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("id.malformed", "customerId"));
    assertThat(TicketId.KIND.validated("").getError()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("id.blank", "ticketId"));
    assertThat(TicketId.KIND.validated("x".repeat(65)).getError()).extracting(Violation::code)
        .containsExactly("id.too_long");
    assertThat(TicketId.KIND.validated(null).getError()).extracting(Violation::code)
        .containsExactly("id.missing");
    for (String bad : new String[] {"a/b", "ä", "a\nb", "1,2", "客户"}) {
      assertThat(LeadId.KIND.validated(bad).isInvalid()).as(bad).isTrue();
    }
    assertThatThrownBy(() -> CustomerId.parse(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("customerId");
  }

  @Test
  void sequentialGeneratorNeverRepeatsAndIsDeterministic() {
    IdGenerator ids = IdGenerator.sequential("demo-");
    assertThat(ids.next(CustomerId.KIND)).isEqualTo(CustomerId.parse("demo-1"));
    assertThat(ids.next(TicketId.KIND)).isEqualTo(TicketId.parse("demo-2"));
    assertThat(IdGenerator.sequential("demo-").next(CustomerId.KIND)).isEqualTo(CustomerId.parse("demo-1"));
    assertThatThrownBy(() -> IdGenerator.sequential("bad prefix")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void uuidGeneratorUsesTheHostsSource() {
    IdGenerator ids = IdGenerator.fromUuids(() -> new UUID(0, 7));
    assertThat(ids.next(EventId.KIND).value()).isEqualTo("00000000-0000-0000-0000-000000000007");
  }

  @Test
  void refusesAnInvalidGeneratedValue() {
    IdGenerator broken = kind -> "not an id";
    assertThatThrownBy(() -> broken.next(CustomerId.KIND)).isInstanceOf(InvalidValueException.class);
  }
}
