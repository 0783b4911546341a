package io.rapport.crm.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.IdGenerator;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartLine;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.CustomerContext;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RuleSet;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedding example of docs/getting-started.md, run: a host opens the in-memory store,
 * registers a customer with a phone number, records a store visit, quotes a cart against a price
 * book and prints the result.
 */
class EmbeddingExampleTest {

  static final Currency CNY = Currency.getInstance("CNY");

  @Test
  void aHostRegistersACustomerRecordsAVisitAndQuotesACart() {
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    // tag::embedding[]
    try (CrmStore store = CrmStores.open("memory", Map.of())) {
      IdGenerator ids = IdGenerator.sequential("demo-");   // in production: fromUuids(...)
      Instant now = Instant.parse("2026-05-04T02:00:00Z"); // the host's clock, never Rapport's
      ActorId clerk = ActorId.parse("employee:E-7");
      CustomerId li = ids.next(CustomerId.KIND);
      var customer = Customer.register(li,
          CustomerDraft.person("李伟").phone("138 0013 8000", false), CustomerRules.standard("CN"),
          EventStamp.of(ids.next(EventId.KIND), now, clerk)).get();
      var visit = Interaction.record(ids.next(InteractionId.KIND), li,
          Channel.StoreVisit.validated("Beijing flagship"), now.minusSeconds(1800), Option.none(),
          "Sat in the zitan armchair, asked for a quote", HashSet.empty(),
          EventStamp.of(ids.next(EventId.KIND), now, clerk)).get();
      store.inTransaction(tx -> {                          // both or neither, events to the outbox
        tx.publish(customer.events().appendAll(visit.events()));
        return CustomerRepository.in(tx).save(customer.state(), Version.NEW)
            .flatMap(v -> InteractionRepository.in(tx).save(visit.state(), Version.NEW));
      }).get();

      ProductId armchair = ProductId.parse("zitan-armchair");
      UnitPrice perJin = UnitPrice.of(Money.of("1280.00", CNY), QuantityUnit.JIN);
      PriceBook book = PriceBook.define(PriceBookId.parse("retail"), "Retail", CNY, List.of(
          new PriceEntry("armchair", new PriceTarget.ForProduct(armchair), perJin, Option.none(),
              List.empty(), HashSet.empty(), HashSet.empty(), Option.none(), Option.none(),
              Option.none())), now).get();
      Cart cart = new Cart(CNY,
          List.of(CartLine.of("L1", armchair, Quantity.of("38.6", QuantityUnit.JIN))),
          CustomerContext.inTier(li, "member", Percentage.ZERO), "store", now, HashSet.empty());
      Quote quote = QuoteEngine.quote(PriceList.of(List.of(book)),
          RuleSet.noDiscounts("No discounts", CNY, RoundingPolicy.STANDARD, now), cart,
          CouponUsage.NONE).get();

      Customer saved = CustomerRepository.in(store).find(li).get().value();
      out.printf("%s %s, %s: quoted %s%n", li, saved.name().displayName(),
          saved.contactPoints().head().value(), quote.total());
      CrmServices.timeline(store).page(li, Option.none(), 20).entries()
          .forEach(entry -> out.printf("  %s %s%n", entry.at(), entry.title()));
      out.printf("%d events in the outbox%n", store.pendingEvents().size());
    }
    // end::embedding[]
    assertThat(printed.toString().split("\\R")).containsExactly(
        "demo-1 李伟, +8613800138000: quoted CNY 49408.00",
        "  2026-05-04T01:30:00Z Store visit: Beijing flagship",
        "2 events in the outbox");
  }

  @Test
  void aSevenDigitPhoneInTheExampleWouldBeRefusedWithEveryProblem() {
    var refused = Customer.register(CustomerId.parse("C-1"),
        CustomerDraft.person(" ").phone("138 0013", false), CustomerRules.standard("CN"),
        EventStamp.of(EventId.parse("e-1"), Instant.parse("2026-05-04T02:00:00Z"),
            ActorId.parse("employee:E-7")));
    assertThat(refused.getError().map(v -> v.code()))
        .contains("name.display.blank", "phone.invalid");
  }

  @Test
  void gettingStartedQuotesExactlyTheTaggedLines() {
    assertThat(Snippets.quoted(Snippets.inRepository("docs/getting-started.md"), "embedding"))
        .containsExactlyElementsOf(
            Snippets.tagged(Snippets.testSource(EmbeddingExampleTest.class), "embedding"));
  }
}
