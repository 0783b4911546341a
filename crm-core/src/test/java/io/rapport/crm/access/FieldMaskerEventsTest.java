package io.rapport.crm.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.MaskedContact;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadDraft;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Examples of what the standard maskers tell the store decorator about masked values left in a
 * write, and of finding the stored value behind a masked stand-in.
 */
class FieldMaskerEventsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final EventStamp STAMP = EventStamp.of(EventId.parse("ev-1"), T0,
      ActorId.parse("E-7"));
  private static final Set<String> EVERYTHING = HashSet.of("phone", "email", "postal_address",
      "messaging", "tax_id");


  private static ContactValue valueOf(Customer customer, ContactKind kind) {
    return customer.contactPoints().find(point -> point.kind() == kind).get().value();
  }

  @Test
  void aMaskedStandInLeadsBackToTheOnlyStoredValueItWasMadeFrom() {
    Customer stored = AccessFixtures.xiaoming();
    Customer masked = FieldMaskers.CUSTOMER.mask(stored, EVERYTHING);

    assertThat(FieldMaskers.unmasked(valueOf(masked, ContactKind.EMAIL), stored.contactPoints()))
        .contains(valueOf(stored, ContactKind.EMAIL));
    assertThat(FieldMaskers.unmasked(valueOf(masked, ContactKind.MESSAGING),
        stored.contactPoints())).contains(valueOf(stored, ContactKind.MESSAGING));
    assertThat(FieldMaskers.unmasked(valueOf(masked, ContactKind.PHONE), stored.contactPoints()))
        .as("two stored numbers share the hint").isEmpty();
    assertThat(FieldMaskers.unmasked(MaskedContact.of(EmailAddress.parse("other@example.org")),
        stored.contactPoints())).as("no stored value has that hint").isEmpty();
    PhoneNumber real = PhoneNumber.ofE164("+8613900001234");
    assertThat(FieldMaskers.unmasked(real, stored.contactPoints())).contains(real);
  }

  @Test
  void theCustomerMaskerNamesEveryFieldStillHoldingAMaskedValue() {
    Customer stored = AccessFixtures.xiaoming();
    Customer masked = FieldMaskers.CUSTOMER.mask(stored, EVERYTHING);

    assertThat(FieldMaskers.CUSTOMER.maskedIn(masked)).isEqualTo(EVERYTHING);
    assertThat(FieldMaskers.CUSTOMER.maskedIn(FieldMaskers.CUSTOMER.mask(stored,
        HashSet.of("email")))).containsExactly("email");
    assertThat(FieldMaskers.CUSTOMER.maskedIn(stored)).isEmpty();
    assertThat(FieldMaskers.CUSTOMER.maskedIn(
        FieldMaskers.CUSTOMER.restore(masked, stored, EVERYTHING))).isEmpty();
  }

  @Test
  void theLeadMaskerNamesTheKindsOfMaskedContactPoints() {
    Lead lead = Lead.capture(LeadId.parse("L-1"), LeadDraft.of("Li Wei")
        .phone("138 0013 8000").defaultRegion("CN").email("Li.Wei@Example.COM")
        .source("call-center", null, null, null), STAMP).get().state();
    Lead masked = FieldMaskers.LEAD.mask(lead, HashSet.of("phone"));

    assertThat(FieldMaskers.LEAD.maskedIn(masked)).containsExactly("phone");
    assertThat(FieldMaskers.LEAD.maskedIn(lead)).isEmpty();
  }

  @Test
  void theStandardEventsCarryNoMaskableValueSoTheyPassUnchanged() {
    Customer stored = AccessFixtures.xiaoming();
    DomainEvent changed = new CustomerEvent.ContactPointsChanged(STAMP, stored.id(),
        ContactKind.PHONE, CustomerEvent.ContactPointsChanged.Change.VERIFIED);

    assertThat(FieldMaskers.CUSTOMER.restoreEvent(changed, stored, EVERYTHING)).isSameAs(changed);
    assertThat(FieldMaskers.CUSTOMER.maskedInEvent(changed)).isEmpty();
    assertThat(FieldMaskers.PRICE_BOOK.maskedInEvent(changed)).isEmpty();
    assertThat(changed.toString()).doesNotContain("8000", "xiaoming");
  }
}
