package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.access.Actor;
import io.rapport.crm.access.ConfigurablePolicy;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/**
 * The standard wiring (`SecuredCrmStore.standard` with `ConfigurablePolicy.standard()`): an agent
 * of the customer's team reads the customer with every contact value visibly masked, an agent of
 * another team does not see it at all, and an admin sees the real values.
 */
class StandardSecuredStoreTest {

  private static final PrivacyRecords.Person LI = PrivacyRecords.Person.of("C-0001", 4711);

  @Test
  void agentsSeeTheirTeamsCustomersMaskedAndNoOneElses() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      Customer c = PrivacyRecords.customer(LI);
      Customer owned = new Customer(c.id(), c.kind(), c.name(), c.parent(), c.organizationName(),
          c.taxId(), c.contactPoints(), c.lifecycle(), Option.some(EmployeeId.parse("E-1")),
          Option.some(TeamId.parse("T-1")), c.tags(), c.attributes(), c.source(), c.consent(),
          c.createdAt(), c.updatedAt(), c.erasedAt(), c.mergedInto());
      CustomerRepository.in(store).save(owned, Version.NEW).get();
      SecuredCrmStore secured = SecuredCrmStore.standard(store, ConfigurablePolicy.standard());

      Actor teammate = Actor.employee(EmployeeId.parse("E-2"), HashSet.of(TeamId.parse("T-1")),
          HashSet.of("agent"));
      Customer seen = CustomerRepository.in(secured.as(teammate)).find(c.id()).get().value();
      assertThat(seen.contactPoints()).isNotEmpty();
      assertThat(seen.contactPoints().map(ContactPoint::value))
          .allSatisfy(value -> assertThat(value.isMasked()).isTrue());
      assertThat(seen.toString()).doesNotContain(LI.email(), LI.phone(), LI.street());

      Actor stranger = Actor.employee(EmployeeId.parse("E-3"), HashSet.of(TeamId.parse("T-2")),
          HashSet.of("agent"));
      assertThat(CustomerRepository.in(secured.as(stranger)).find(c.id())).isEmpty();

      Actor admin = Actor.employee(EmployeeId.parse("E-9"), HashSet.empty(), HashSet.of("admin"));
      Customer real = CustomerRepository.in(secured.as(admin)).find(c.id()).get().value();
      assertThat(real.contactPoints().map(ContactPoint::value))
          .noneSatisfy(value -> assertThat(value.isMasked()).isTrue());
    }
  }
}
