package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.PrivacyRecords.T0;
import static io.rapport.crm.testkit.storage.PrivacyRecords.customer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.privacy.ErasureParticipants;
import io.rapport.crm.persistence.privacy.PrivacyExport;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.testkit.storage.PrivacyRecords.Person;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The privacy export of a customer with records in every context, and only theirs. */
class PrivacyExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonCodec CODEC = JsonCodec.standard();
  private static final Person WANG = Person.of("C-wang", 1001);
  private static final Person LI = Person.of("C-li", 2002);
  private static final Person ZHAO = Person.of("C-zhao", 3003);

  /** Fills a store with the records of Wang, Li and Zhao (each with their own ids). */
  static void fill(CrmStore store) {
    for (Person p : List.of(WANG, LI, ZHAO)) {
      String tag = p.id().substring(2);
      CustomerRepository.in(store).save(customer(p), Version.NEW);
      Instant at = T0.plus(Duration.ofDays(1));
      InteractionRepository.in(store).save(PrivacyRecords.call("I-" + tag + "-1", p, at),
          Version.NEW);
      InteractionRepository.in(store).save(PrivacyRecords.call("I-" + tag + "-2", p,
          at.plus(Duration.ofDays(2))), Version.NEW);
      LeadRepository.in(store).save(PrivacyRecords.leadHolding("L-" + tag + "-held", p, T0),
          Version.NEW);
      LeadRepository.in(store).save(PrivacyRecords.leadConverted("L-" + tag + "-conv", p, T0),
          Version.NEW);
      OpportunityRepository.in(store).save(PrivacyRecords.opportunity("O-" + tag, p, at),
          Version.NEW);
      PurchaseRepository.in(store).save(PrivacyRecords.purchase("P-" + tag, p, at), Version.NEW);
      TicketRepository.in(store).save(PrivacyRecords.ticket("T-" + tag, p, at), Version.NEW);
      LoyaltyProgramRepository.in(store).save(LoyaltyRecords.program("LP-" + tag, "Club " + tag,
          T0), Version.NEW);
      LoyaltyAccountRepository.in(store).save(LoyaltyRecords.account("LA-" + tag, "LP-" + tag,
          p.id(), at, Option.none(), at.plus(Duration.ofDays(365)), Option.none(), Option.none()),
          Version.NEW);
      ActivityRepository.in(store).save(PrivacyRecords.activity("A-" + tag, p,
          RecordRef.to(p.customerId()), at), Version.NEW);
      ActivityRepository.in(store).save(PrivacyRecords.activity("A-" + tag + "-held", p,
          RecordRef.to(LeadId.parse("L-" + tag + "-held")), at), Version.NEW);
      ActivityRepository.in(store).save(PrivacyRecords.activity("A-" + tag + "-ticket", p,
          RecordRef.to(TicketId.parse("T-" + tag)), at), Version.NEW);
    }
  }

  private static java.util.List<String> ids(JsonNode array) {
    java.util.List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.path("id").asText()));
    return ids;
  }

  @Test
  void theExportGathersTheCustomersRecordsFromEveryContextAndNoOneElses() throws Exception {
    try (CrmStore store = InMemoryCrmStore.create()) {
      fill(store);

      String exported = PrivacyExport.of(store, CODEC).export(WANG.customerId()).get();

      JsonNode doc = JSON.readTree(exported);
      assertThat(doc.path("format").asText()).isEqualTo("rapport.privacy_export");
      assertThat(doc.path("customerId").asText()).isEqualTo("C-wang");
      assertThat(doc.path("customer").path("id").asText()).isEqualTo("C-wang");
      assertThat(ids(doc.path("interactions"))).containsExactlyInAnyOrder("I-wang-1", "I-wang-2");
      assertThat(ids(doc.path("leads"))).containsExactly("L-wang-conv", "L-wang-held");
      assertThat(ids(doc.path("opportunities"))).containsExactly("O-wang");
      assertThat(ids(doc.path("purchases"))).containsExactly("P-wang");
      assertThat(ids(doc.path("tickets"))).containsExactly("T-wang");
      assertThat(ids(doc.path("loyaltyAccounts"))).containsExactly("LA-wang");
      assertThat(ids(doc.path("activities")))
          .containsExactly("A-wang", "A-wang-held", "A-wang-ticket");
      assertThat(doc.path("mergeJournals").size()).isZero();
      for (String value : WANG.values()) {
        assertThat(exported).contains(value);
      }
      for (String value : LI.values().appendAll(ZHAO.values())) {
        assertThat(exported).doesNotContain(value);
      }
      // the conversation of the ticket is part of it
      assertThat(doc.path("tickets").get(0).toString()).contains("Please call me on " + WANG.phone());
    }
  }

  @Test
  void theExportNamesMergeJournalsAndAnUnknownCustomerIsRefused() throws Exception {
    try (CrmStore store = InMemoryCrmStore.create()) {
      fill(store);
      CrmServices.merges(store).merge(WANG.customerId(), LI.customerId(), Survivorship.standard(),
          PrivacyRecords.stamp(T0.plus(Duration.ofDays(20)))).get();

      JsonNode doc = JSON.readTree(PrivacyExport.of(store, CODEC).export(LI.customerId()).get());

      assertThat(doc.path("mergeJournals").size()).isEqualTo(1);
      assertThat(doc.path("mergeJournals").toString()).contains(LI.name());
      assertThat(PrivacyExport.of(store, CODEC).export(CustomerId.parse("C-none")).getLeft()
          .code()).isEqualTo("privacy.customer_not_found");
    }
  }

  @Test
  void afterErasureTheExportHoldsNoPersonalValue() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      fill(store);
      ErasureParticipants.everywhere(store).erase(WANG.customerId(), AttributeSchema.EMPTY,
          PrivacyRecords.stamp(T0.plus(Duration.ofDays(30)))).get();

      String exported = PrivacyExport.of(store, CODEC).export(WANG.customerId()).get();

      for (String value : WANG.values()) {
        assertThat(exported).doesNotContain(value);
      }
      assertThat(exported).contains("\"T-wang\"").contains("\"P-wang\"");
    }
  }
}
