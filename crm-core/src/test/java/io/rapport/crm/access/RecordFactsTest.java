package io.rapport.crm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** The facts a policy reads, made with a known id or read lazily from the aggregate. */
class RecordFactsTest {

  private static final Option<EmployeeId> LI = Option.some(EmployeeId.parse("E-li"));
  private static final Option<TeamId> SHANGHAI = Option.some(TeamId.parse("shanghai-store"));

  @Test
  void factsOfAnAggregateAnswerItsIdAndEqualTheFactsMadeWithTheId() {
    Customer xiaoming = AccessFixtures.xiaoming();
    RecordFacts lazy = RecordFacts.of("customer", xiaoming, LI, SHANGHAI);
    RecordFacts known = new RecordFacts("customer", xiaoming.id().value(), LI, SHANGHAI);

    assertThat(lazy.id()).isEqualTo(xiaoming.id().value());
    assertThat(lazy).isEqualTo(known).hasSameHashCodeAs(known);
    assertThat(known).isEqualTo(lazy);
    assertThat(lazy).hasToString(known.toString())
        .hasToString("RecordFacts[type=customer, id=" + xiaoming.id().value()
            + ", owner=Some(E-li), team=Some(shanghai-store)]");
    assertThat(lazy).isNotEqualTo(new RecordFacts("customer", "C-other", LI, SHANGHAI))
        .isNotEqualTo(new RecordFacts("ticket", xiaoming.id().value(), LI, SHANGHAI))
        .isNotEqualTo(new RecordFacts("customer", xiaoming.id().value(), Option.none(), SHANGHAI))
        .isNotEqualTo(new RecordFacts("customer", xiaoming.id().value(), LI, Option.none()));
  }

  @Test
  void aShareOnARecordReachesItThroughLazilyReadFacts() {
    Customer xiaoming = AccessFixtures.xiaoming();
    ConfigurablePolicy policy = ConfigurablePolicy.builder()
        .share("customer", xiaoming.id().value(), ConfigurablePolicy.ShareWith.EMPLOYEE, "E-wang",
            Permission.READ)
        .buildOrThrow();
    Actor wang = Actor.employee(EmployeeId.parse("E-wang"), HashSet.empty(), HashSet.empty());
    RecordFacts lazy = RecordFacts.of("customer", xiaoming, LI, SHANGHAI);

    assertThat(policy.prepare(wang, Permission.READ, "customer").test(lazy)).isTrue();
    assertThat(policy.decide(wang, Permission.READ, lazy).code()).isEqualTo("access.share");
    assertThat(policy.prepare(wang, Permission.WRITE, "customer").test(lazy)).isFalse();
  }

  @Test
  void missingComponentsAreRefusedByName() {
    Customer xiaoming = AccessFixtures.xiaoming();
    assertThatThrownBy(() -> RecordFacts.of("customer", null, LI, SHANGHAI))
        .isInstanceOf(NullPointerException.class).hasMessage("aggregate");
    assertThatThrownBy(() -> RecordFacts.of(null, xiaoming, LI, SHANGHAI))
        .isInstanceOf(NullPointerException.class).hasMessage("type");
    assertThatThrownBy(() -> RecordFacts.of("customer", xiaoming, null, SHANGHAI))
        .isInstanceOf(NullPointerException.class).hasMessage("owner");
    assertThatThrownBy(() -> new RecordFacts("customer", null, LI, SHANGHAI))
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> new RecordFacts("customer", "C-1", LI, null))
        .isInstanceOf(NullPointerException.class).hasMessage("team");
  }
}
