package io.rapport.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadFillTest {

  private static final CustomerRules RULES = CustomerRules.standard("CN");

  private static EventStamp at(int minute) {
    return EventStamp.of(EventId.parse("ev-" + minute),
        Instant.parse("2026-03-01T09:00:00Z").plusSeconds(60L * minute), ActorId.parse("E-1"));
  }

  private static Lead lead() {
    return Lead.capture(LeadId.parse("L-1"), LeadDraft.of("Li Wei")
        .organizationName("Huanghuali Trading")
        .email("li.wei@example.com")
        .defaultRegion("CN")
        .phone("138 0013 8000")
        .source("call-center", "autumn-fair", null, null)
        .owner("E-7")
        .team("T-1"), at(0)).get().state();
  }

  @Test
  void fillsOnlyWhatTheCustomerLacksAndKeepsTheirPrimaryContacts() {
    Customer existing = Customer.register(CustomerId.parse("C-1"),
        CustomerDraft.person("李伟").email("wei@example.org", true), RULES, at(1)).get().state();

    Transition<Customer> filled = LeadFill.fill(existing, lead(), at(5)).get();
    Customer customer = filled.state();

    assertThat(customer.name()).isEqualTo(existing.name());
    assertThat(customer.organizationName()).isEqualTo(Option.of("Huanghuali Trading"));
    assertThat(customer.source().get().campaign()).isEqualTo(Option.of("autumn-fair"));
    assertThat(customer.owner()).isEqualTo(Option.of(EmployeeId.parse("E-7")));
    assertThat(customer.contactPoints().map(p -> p.value().matchKey())).containsExactly(
        "email:wei@example.org", "email:li.wei@example.com", "phone:+8613800138000");
    assertThat(customer.preferred(ContactKind.EMAIL, at(5).at()).map(ContactPoint::value))
        .isEqualTo(Option.of(existing.contactPoints().head().value()));
    assertThat(customer.preferred(ContactKind.PHONE, at(5).at()).isDefined()).isTrue();
    assertThat(filled.events()).hasSize(5);
    assertThat(filled.events().map(e -> ((CustomerEvent) e).stamp().eventId().value()))
        .containsExactly("ev-5.1", "ev-5.2", "ev-5.3", "ev-5.4", "ev-5.5");
  }

  @Test
  void changesNothingWhenTheCustomerHasEverything() {
    Customer complete = Customer.register(CustomerId.parse("C-2"), lead().toCustomerDraft()
        .organizationName("Other Co"), RULES, at(1)).get().state();

    Transition<Customer> filled = LeadFill.fill(complete, lead(), at(5)).get();

    assertThat(filled.state()).isSameAs(complete);
    assertThat(filled.events()).isEmpty();
  }

  @Test
  void refusesAnErasedCustomer() {
    Customer existing = Customer.register(CustomerId.parse("C-3"),
        CustomerDraft.person("Li"), RULES, at(1)).get().state();
    Customer erased = existing.erase(RULES.schema(), at(2)).state();

    assertThat(LeadFill.fill(erased, lead(), at(5)).getLeft().code()).isEqualTo("customer.erased");
  }
}
