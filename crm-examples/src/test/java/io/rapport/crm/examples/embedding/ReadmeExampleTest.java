package io.rapport.crm.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 20-line embedding example of the README, compiled and run; the README quotes it exactly. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleRuns() {
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    // tag::readme[]
    try (CrmStore store = CrmStores.open("memory", Map.of())) {   // or "jdbc" with a url
      Instant now = Instant.parse("2026-05-04T02:00:00Z");        // time comes from the host
      EventStamp stamp = EventStamp.of(EventId.parse("e-1"), now, ActorId.parse("E-7"));
      var registered = Customer.register(CustomerId.parse("C-1"),
          CustomerDraft.person("李伟").phone("138 0013 8000", false),
          CustomerRules.standard("CN"), stamp);                   // every problem, or a customer
      var customer = registered.get();
      store.inTransaction(tx -> {                                 // state and events, all or nothing
        tx.publish(customer.events());
        return CustomerRepository.in(tx).save(customer.state(), Version.NEW);
      }).get();
      var found = CustomerRepository.in(store)
          .byContactPoint(PhoneNumber.parse("+86 138-0013-8000", "CN"));
      Customer li = found.head().value();
      out.println(li.name().displayName() + " " + li.id() + ", may we call about offers? "
          + li.mayContact(ConsentChannel.PHONE_CALL, ConsentPurpose.MARKETING, now).allowed());
      out.println(store.pendingEvents().size() + " event(s) waiting for listeners");
    }
    // end::readme[]
    String text = printed.toString();
    assertThat(text).startsWith("李伟 C-1, may we call about offers? false");
    assertThat(text).contains("1 event(s) waiting for listeners");
  }

  @Test
  void theReadmeQuotesExactlyTheTaggedLines() {
    assertThat(Snippets.quoted(Snippets.inRepository("README.md"), "readme"))
        .containsExactlyElementsOf(
            Snippets.tagged(Snippets.testSource(ReadmeExampleTest.class), "readme"));
  }
}
