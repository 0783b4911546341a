package io.rapport.crm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.MaskedContact;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadDraft;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Examples of masking customers and leads, and of the facts read from aggregates. */
class FieldMaskersTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final EventStamp STAMP = EventStamp.of(EventId.parse("ev-1"), T0,
      ActorId.parse("E-7"));
  private static final Set<String> CONTACTS = HashSet.of("phone", "email", "postal_address",
      "messaging");


  @Test
  void aMaskedCustomerShowsRecognisableHintsInPlaceOfItsContactsAndTaxId() {
    Customer masked = FieldMaskers.CUSTOMER.mask(AccessFixtures.xiaoming(), CONTACTS.add("tax_id"));
    assertThat(masked.contactPoints().map(p -> p.value().toString())).containsExactly(
        "X***@e***.com", "+86 138 **** 8000", "+86 138 **** 8000", "***, 北京, CN",
        "WECHAT:x***");
    assertThat(masked.contactPoints().map(p -> p.value().isMasked())).containsOnly(true);
    assertThat(masked.contactPoints().map(ContactPoint::kind)).containsExactly(ContactKind.EMAIL,
        ContactKind.PHONE, ContactKind.PHONE, ContactKind.POSTAL, ContactKind.MESSAGING);
    assertThat(masked.contactPoints().map(ContactPoint::primary))
        .isEqualTo(AccessFixtures.xiaoming().contactPoints().map(ContactPoint::primary));
    assertThat(masked.taxId()).contains("***A01");
    assertThat(masked.contactPoints().get(1).value().matchKey())
        .isEqualTo("masked:phone:+86 138 **** 8000")
        .isNotEqualTo(PhoneNumber.ofE164("+8613800138000").matchKey());
  }

  @Test
  void aMaskedHintIsNeverAcceptedAsARealValue() {
    assertThatThrownBy(() -> PhoneNumber.ofE164("+86 138 **** 8000"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PhoneNumber.restore("+86 138 **** 8000"))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new EmailAddress("X***@e***.com"))
        .isInstanceOf(InvalidValueException.class);
    assertThat(EmailAddress.validated("X***@e***.com", "email").isInvalid()).isTrue();
    assertThatThrownBy(() -> new MaskedContact(ContactKind.PHONE, "+86 138 0013 8000"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("contact.masked.malformed");
  }

  @Test
  void restoringKeepsTheReadersOtherChangesButNotTheirChangesToMaskedFields() {
    Customer stored = AccessFixtures.xiaoming();
    Customer masked = FieldMaskers.CUSTOMER.mask(stored, HashSet.of("phone"));
    Customer changed = masked.tag(List.of("rosewood"), List.empty(), STAMP).get().state()
        .removeContactPoint(masked.contactPoints().get(1).value(), STAMP).get().state()
        .addContactPoint(ContactPoint.of(PhoneNumber.ofE164("+8613900139000")), STAMP).get().state();
    Customer restored = FieldMaskers.CUSTOMER.restore(changed, stored, HashSet.of("phone"));
    assertThat(restored.tags()).contains("rosewood", "vip");
    assertThat(restored.contactPoints().filter(p -> p.kind() == ContactKind.PHONE))
        .isEqualTo(stored.contactPoints().filter(p -> p.kind() == ContactKind.PHONE));
    assertThat(restored.contactPoints().exists(p -> p.value().isMasked())).isFalse();
  }

  @Test
  void aLeadsContactPointsAreMaskedAndRestoredLikeACustomers() {
    Lead stored = Lead.capture(LeadId.parse("L-1"), LeadDraft.of("Li Wei")
        .phone("138 0013 8000").defaultRegion("CN").email("Li.Wei@Example.COM")
        .source("call-center", null, null, null).owner("E-li"), STAMP).get().state();
    Lead masked = FieldMaskers.LEAD.mask(stored, CONTACTS);
    assertThat(masked.contactPoints().map(p -> p.value().isMasked())).containsOnly(true);
    assertThat(FieldMaskers.LEAD.restore(masked, stored, CONTACTS)).isEqualTo(stored);
    var converted = Customer.register(CustomerId.parse("C-9"), masked.toCustomerDraft(),
        CustomerRules.standard("CN"), STAMP);
    assertThat(converted.getError().map(v -> v.code())).contains("phone.malformed",
        "email.malformed");
    assertThat(FieldMaskers.forType("lead")).contains(FieldMaskers.LEAD);
    assertThat(FieldMaskers.forType("ticket")).isEmpty();
    assertThat(FieldMaskers.types()).containsExactly("customer", "lead", "price_book");
  }

  @Test
  void theStandardFactsNameEachRecordsOwnerAndTeam() {
    Customer customer = AccessFixtures.xiaoming();
    AccessFacts<Customer> facts = StandardAccessFacts.factsOf("customer", Customer.class).get();
    assertThat(facts.of(customer)).isEqualTo(new RecordFacts("customer", "C-1",
        Option.some(EmployeeId.parse("E-7")), Option.some(TeamId.parse("beijing-store"))));
    assertThat(StandardAccessFacts.factsOf("no_such_type")).isEmpty();
    assertThat(StandardAccessFacts.types()).containsExactlyInAnyOrder("customer", "lead",
        "opportunity", "ticket", "activity", "interaction", "employee", "team", "purchase",
        "loyalty_account", "price_book", "pipeline", "sla_policy", "article", "loyalty_program",
        "customer_merge");
  }

  @Test
  void aRecordWithoutOwnerIsReachableOnlyByAnAllGrantOrAShare() {
    AccessFacts<Customer> unowned = StandardAccessFacts.unowned("customer", Customer.class);
    RecordFacts facts = unowned.of(AccessFixtures.xiaoming());
    assertThat(facts.owner()).isEmpty();
    assertThat(facts.team()).isEmpty();
    Actor agent = Actor.employee(EmployeeId.parse("E-7"), HashSet.of(TeamId.parse("beijing-store")),
        HashSet.of("agent"));
    assertThat(ConfigurablePolicy.standard().decide(agent, Permission.READ, facts).allowed())
        .isFalse();
  }
}
