package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.audit.AuditLog;
import io.rapport.crm.persistence.audit.AuditedCrmStore;
import io.rapport.crm.persistence.customer.CustomerErasure;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.privacy.ErasureParticipants;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Erasure also scrubs the audit trail: a customer audited across contexts (customer, call,
 * ticket, opportunity, purchase, each saved through the audited store) leaves none of their
 * personal values in any audit entry once erased with the audit participant, including the
 * entries the erasure's own redactions wrote; without it, the values are there.
 */
class AuditedErasureTest {

  private static final JsonCodec CODEC = JsonCodec.standard();
  private static final PrivacyRecords.Person LI = PrivacyRecords.Person.of("C-0001", 4711);

  @Test
  void erasureWithTheAuditParticipantLeavesNoPersonalValueInTheAuditLog() {
    String entries = auditAfterErasure(audited -> ErasureParticipants.everywhere(audited)
        .with(ErasureParticipants.auditLog(audited.auditLog())));
    assertThat(entries).contains("[scrubbed]");
    for (String value : LI.values()) {
      assertThat(entries).as("audit entries after erasure").doesNotContain(value);
    }
  }

  @Test
  void withoutItTheAuditLogStillHoldsThem() {
    String entries = auditAfterErasure(ErasureParticipants::everywhere);
    assertThat(entries).contains(LI.name(), LI.email());
  }

  private static String auditAfterErasure(Function<AuditedCrmStore, CustomerErasure> erasure) {
    try (CrmStore store = InMemoryCrmStore.create()) {
      AuditedCrmStore audited = AuditedCrmStore.over(store, CODEC, PrivacyRecords.HOST,
          Clock.fixed(PrivacyRecords.T0, ZoneOffset.UTC));
      Customer customer = PrivacyRecords.customer(LI);
      CustomerRepository.in(audited).save(customer, Version.NEW).get();
      InteractionRepository.in(audited).save(
          PrivacyRecords.call("I-1", LI, PrivacyRecords.T0.plusSeconds(60)), Version.NEW).get();
      TicketRepository.in(audited).save(
          PrivacyRecords.ticket("T-1", LI, PrivacyRecords.T0.plusSeconds(120)), Version.NEW).get();
      OpportunityRepository.in(audited).save(
          PrivacyRecords.opportunity("O-1", LI, PrivacyRecords.T0.plusSeconds(180)), Version.NEW)
          .get();
      PurchaseRepository.in(audited).save(
          PrivacyRecords.purchase("P-1", LI, PrivacyRecords.T0.plusSeconds(240)), Version.NEW)
          .get();

      erasure.apply(audited).erase(LI.customerId(), AttributeSchema.EMPTY,
          PrivacyRecords.stamp(PrivacyRecords.T0.plus(Duration.ofDays(30)))).get();

      try (var all = store.streamAll(AuditLog.TYPE)) {
        return all.map(entry -> CODEC.encodeDocument(entry.value()))
            .collect(Collectors.joining("\n"));
      }
    }
  }
}
