package io.rapport.crm.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.access.Actor;
import io.rapport.crm.access.ConfigurablePolicy;
import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.persistence.audit.AuditedCrmStore;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.privacy.ErasureParticipants;
import io.rapport.crm.persistence.privacy.OutboundContact;
import io.rapport.crm.persistence.privacy.PrivacyExport;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/guides/protecting-data.md, run: a host stacks the audit trail and the
 * access policy over its store, an agent registers a customer and sees her phone masked, another
 * team sees nothing, a marketing email without consent is refused, and after erasure the export
 * and the audit trail hold no personal value.
 */
class ProtectingDataExampleTest {

  @Test
  void aHostProtectsCustomerDataWithAccessAuditAndPrivacy() {
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    // tag::protecting[]
    try (CrmStore store = CrmStores.open("memory", Map.of())) {
      Instant now = Instant.parse("2026-05-04T02:00:00Z");      // the host's clock
      JsonCodec codec = JsonCodec.standard();
      AuditedCrmStore audited = AuditedCrmStore.over(store, codec, ActorId.parse("system:boot"),
          Clock.fixed(now, ZoneOffset.UTC));
      Actor wang = Actor.employee(EmployeeId.parse("E-7"), HashSet.of(TeamId.parse("T-1")),
          HashSet.of("agent"));
      Actor chen = Actor.employee(EmployeeId.parse("E-9"), HashSet.of(TeamId.parse("T-2")),
          HashSet.of("agent"));
      Actor lead = Actor.employee(EmployeeId.parse("E-1"), HashSet.of(TeamId.parse("T-1")),
          HashSet.of("manager")).managing(HashSet.of(TeamId.parse("T-1")));
      // per request: record changes as the actor, and let them see what the policy allows
      CustomerRepository asWang = CustomerRepository.in(SecuredCrmStore.standard(
          audited.as(wang.id()), ConfigurablePolicy.standard()).as(wang));

      CustomerId li = CustomerId.parse("C-1");
      Customer customer = Customer.register(li, CustomerDraft.person("李伟")
              .phone("138 0013 8000", false).owner("E-7").team("T-1"),
          CustomerRules.standard("CN"), EventStamp.of(EventId.parse("e-1"), now, wang.id()))
          .get().state();
      asWang.save(customer, Version.NEW).get();                 // allowed: Wang owns it; audited
      out.println("agent sees   " + asWang.find(li).get().value().contactPoints().head().value());
      out.println("manager sees " + CustomerRepository.in(SecuredCrmStore.standard(store,
          ConfigurablePolicy.standard()).as(lead)).find(li).get().value().contactPoints().head()
          .value());
      out.println("other team   " + CustomerRepository.in(SecuredCrmStore.standard(store,
          ConfigurablePolicy.standard()).as(chen)).find(li));

      var email = OutboundContact.record(store, InteractionId.parse("I-1"), li,
          Channel.Email.validated(Channel.Direction.OUTBOUND, "Spring collection").get(),
          ConsentPurpose.MARKETING, now, Option.none(), "Catalogue", HashSet.empty(),
          EventStamp.of(EventId.parse("e-2"), now, wang.id()));
      out.println("marketing email: " + email.getLeft().code());

      audited.auditLog().history(CustomerRepository.TYPE, li, Option.none(), 10).items()
          .forEach(entry -> out.println("audit " + entry.sequence() + " " + entry.command()
              + " by " + entry.actor()));
      PrivacyExport export = PrivacyExport.of(store, codec);
      java.util.function.BooleanSupplier auditHasPhone = () -> audited.auditLog()
          .history(CustomerRepository.TYPE, li, Option.none(), 10).items()
          .exists(entry -> entry.changes().mkString().contains("8613800138000"));
      out.println("export holds the phone: " + export.export(li).get().contains("8613800138000")
          + ", audit: " + auditHasPhone.getAsBoolean());

      ErasureParticipants.everywhere(audited)
          .with(ErasureParticipants.auditLog(audited.auditLog()))
          .erase(li, AttributeSchema.of(), EventStamp.of(EventId.parse("e-3"), now, wang.id()))
          .get();
      out.println("after erasure: " + export.export(li).get().contains("8613800138000")
          + ", audit: " + auditHasPhone.getAsBoolean());
    }
    // end::protecting[]
    assertThat(printed.toString().split("\\R")).containsExactly(
        "agent sees   +86 138 **** 8000",
        "manager sees +8613800138000",
        "other team   None",
        "marketing email: privacy.no_consent",
        "audit 1 save by E-7",
        "export holds the phone: true, audit: true",
        "after erasure: false, audit: false");
  }

  @Test
  void theGuideQuotesExactlyTheTaggedLines() {
    assertThat(Snippets.quoted(Snippets.inRepository("docs/guides/protecting-data.md"),
        "protecting")).containsExactlyElementsOf(
            Snippets.tagged(Snippets.testSource(ProtectingDataExampleTest.class), "protecting"));
  }
}
