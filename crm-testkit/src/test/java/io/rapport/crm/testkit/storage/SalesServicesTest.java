package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Confidence;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.sales.LeadConversionRequest;
import io.rapport.crm.persistence.sales.LeadConversionResult;
import io.rapport.crm.persistence.sales.LeadConversions;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PipelineRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.sales.SalesServices;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadDraft;
import io.rapport.crm.sales.LeadStatus;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityDraft;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipelines;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseDraft;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sales services over a store: lead conversion, merges moving deals and purchases, timeline. */
class SalesServicesTest {

  private static final CustomerRules RULES = CustomerRules.standard("CN");
  private static final PipelineId RETAIL = PipelineId.parse("P-retail");
  private static final EmployeeId OWNER = EmployeeId.parse("E-7");
  private static final AtomicInteger EVENTS = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

  private static EventStamp at(int hour) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()),
        T0.plusSeconds(3600L * hour), ActorId.parse("employee:E-7"));
  }

  private static CrmStore storeWithLeadAndPipeline(LeadDraft draft) {
    CrmStore store = InMemoryCrmStore.create();
    PipelineRepository.in(store).save(Pipelines.retailStore(RETAIL, at(0)).state(), Version.NEW);
    LeadRepository.in(store).save(Lead.capture(LeadId.parse("L-1"), draft, at(0)).get().state(),
        Version.NEW);
    return store;
  }

  private static LeadDraft liWei() {
    return LeadDraft.of("Li Wei").defaultRegion("CN")
        .organizationName("Huanghuali Trading")
        .email("li.wei@example.com")
        .phone("138 0013 8000")
        .source("call-center", "autumn-fair", null, null)
        .owner(OWNER.value());
  }

  private static LeadConversionRequest withDiningSet(LeadConversionRequest request) {
    return request.withOpportunity(OpportunityId.parse("O-1"), RETAIL, customer ->
        OpportunityDraft.of("Dining set", customer, OWNER, "CNY")
            .amount(Money.of("86000.00", java.util.Currency.getInstance("CNY"))));
  }

  @Test
  void convertsALeadIntoANewCustomerAndAnOpportunityInOneTransaction() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      int before = store.pendingEvents().size();

      LeadConversionResult result = LeadConversions.of(store, RULES).convert(LeadId.parse("L-1"),
          withDiningSet(LeadConversionRequest.newOrMatching(CustomerId.parse("C-9"))), at(1))
          .get();

      assertThat(result.existingCustomer()).isFalse();
      assertThat(result.match()).isEmpty();
      Customer customer = CustomerRepository.in(store).find(CustomerId.parse("C-9")).get().value();
      assertThat(customer.organizationName()).isEqualTo(Option.of("Huanghuali Trading"));
      assertThat(customer.contactPoints()).hasSize(2);
      Opportunity deal = OpportunityRepository.in(store).find(OpportunityId.parse("O-1")).get()
          .value();
      assertThat(deal.customer()).isEqualTo(customer.id());
      assertThat(deal.lead()).isEqualTo(Option.of(LeadId.parse("L-1")));
      Lead lead = LeadRepository.in(store).find(LeadId.parse("L-1")).get().value();
      assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
      assertThat(lead.conversion().get().customer()).isEqualTo(customer.id());
      assertThat(lead.conversion().get().opportunity()).isEqualTo(Option.of(deal.id()));
      assertThat(store.pendingEvents().drop(before).map(e -> e.event().getClass().getSimpleName()))
          .containsExactlyInAnyOrder("Registered", "OpportunityOpened", "LeadConverted");
    }
  }

  @Test
  void linksALeadToTheCustomerItDuplicatesAndFillsOnlyEmptyFields() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      Customer existing = Customer.register(CustomerId.parse("C-1"), CustomerDraft.person("李伟")
          .phone("+86 138 0013 8000", true), RULES, at(0)).get().state();
      CustomerRepository.in(store).save(existing, Version.NEW);

      LeadConversionResult result = LeadConversions.of(store, RULES).convert(LeadId.parse("L-1"),
          LeadConversionRequest.newOrMatching(CustomerId.parse("C-9")), at(1)).get();

      assertThat(result.existingCustomer()).isTrue();
      assertThat(result.match().get().candidate()).isEqualTo(existing.id());
      assertThat(result.match().get().confidence().isAtLeast(Confidence.LIKELY)).isTrue();
      assertThat(CustomerRepository.in(store).find(CustomerId.parse("C-9"))).isEmpty();
      Customer linked = CustomerRepository.in(store).find(existing.id()).get().value();
      assertThat(linked.name()).isEqualTo(existing.name());
      assertThat(linked.organizationName()).isEqualTo(Option.of("Huanghuali Trading"));
      assertThat(linked.contactPoints().map(p -> p.value().matchKey())).containsExactly(
          "phone:+8613800138000", "email:li.wei@example.com");
      assertThat(linked.contactPoints().head().verified()).isTrue();
      assertThat(LeadRepository.in(store).find(LeadId.parse("L-1")).get().value().conversion()
          .get().existingCustomer()).isTrue();
    }
  }

  @Test
  void aThresholdAboveTheMatchRegistersANewCustomerAndListsTheCandidate() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      Customer existing = Customer.register(CustomerId.parse("C-1"), CustomerDraft.person("Zhang")
          .phone("+86 138 0013 8000", false), RULES, at(0)).get().state();
      CustomerRepository.in(store).save(existing, Version.NEW);

      LeadConversionResult result = LeadConversions.of(store, RULES)
          .matching(io.rapport.crm.customer.DuplicateMatcher.standard(), Confidence.CERTAIN)
          .convert(LeadId.parse("L-1"),
              LeadConversionRequest.newOrMatching(CustomerId.parse("C-9")), at(1)).get();

      assertThat(result.existingCustomer()).isFalse();
      assertThat(result.customer().id()).isEqualTo(CustomerId.parse("C-9"));
      assertThat(result.candidates().map(m -> m.candidate())).containsExactly(existing.id());
    }
  }

  @Test
  void aRefusedConversionWritesNothing() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      int before = store.pendingEvents().size();
      LeadConversions conversions = LeadConversions.of(store, RULES);

      Either<Rejection, LeadConversionResult> badDeal = conversions.convert(LeadId.parse("L-1"),
          LeadConversionRequest.newOrMatching(CustomerId.parse("C-9")).withOpportunity(
              OpportunityId.parse("O-1"), RETAIL,
              customer -> OpportunityDraft.of(" ", customer, OWNER, "XXX")), at(1));
      Either<Rejection, LeadConversionResult> noPipeline = conversions.convert(
          LeadId.parse("L-1"), LeadConversionRequest.newOrMatching(CustomerId.parse("C-9"))
              .withOpportunity(OpportunityId.parse("O-1"), PipelineId.parse("P-none"),
                  customer -> OpportunityDraft.of("Deal", customer, OWNER, "CNY")), at(1));
      Either<Rejection, LeadConversionResult> noCustomer = conversions.convert(
          LeadId.parse("L-1"), LeadConversionRequest.into(CustomerId.parse("C-404")), at(1));
      Either<Rejection, LeadConversionResult> noLead = conversions.convert(LeadId.parse("L-404"),
          LeadConversionRequest.newOrMatching(CustomerId.parse("C-9")), at(1));

      assertThat(badDeal.getLeft().code()).isEqualTo("conversion.opportunity_invalid");
      assertThat(((io.rapport.crm.persistence.sales.ConversionRefusal) badDeal.getLeft())
          .violations().map(v -> v.field())).contains("name", "currency");
      assertThat(noPipeline.getLeft().code()).isEqualTo("conversion.pipeline_not_found");
      assertThat(noCustomer.getLeft().code()).isEqualTo("conversion.customer_not_found");
      assertThat(noLead.getLeft().code()).isEqualTo("conversion.lead_not_found");
      assertThat(CustomerRepository.in(store).find(CustomerId.parse("C-9"))).isEmpty();
      assertThat(OpportunityRepository.in(store).find(OpportunityId.parse("O-1"))).isEmpty();
      assertThat(LeadRepository.in(store).find(LeadId.parse("L-1")).get().value().status())
          .isEqualTo(LeadStatus.NEW);
      assertThat(store.pendingEvents()).hasSize(before);
    }
  }

  @Test
  void aConvertedOrDisqualifiedLeadIsNotConvertedAgain() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      LeadConversions conversions = LeadConversions.of(store, RULES);
      conversions.convert(LeadId.parse("L-1"),
          LeadConversionRequest.newOrMatching(CustomerId.parse("C-9")), at(1)).get();

      Either<Rejection, LeadConversionResult> again = conversions.convert(LeadId.parse("L-1"),
          LeadConversionRequest.newOrMatching(CustomerId.parse("C-10")), at(2));

      assertThat(again.getLeft().code()).isEqualTo("lead.converted");
      assertThat(CustomerRepository.in(store).find(CustomerId.parse("C-10"))).isEmpty();
    }
  }

  @Test
  void mergesMoveDealsAndPurchasesToTheSurvivorAndUndoMovesThemBack() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      CustomerRepository customers = CustomerRepository.in(store);
      customers.save(Customer.register(CustomerId.parse("C-1"), CustomerDraft.person("Li Wei")
          .email("li.wei@example.com", true), RULES, at(0)).get().state(), Version.NEW);
      customers.save(Customer.register(CustomerId.parse("C-2"), CustomerDraft.person("Li Wei")
          .email("liwei@example.org", true), RULES, at(0)).get().state(), Version.NEW);
      Opportunity deal = Opportunity.open(OpportunityId.parse("O-5"), OpportunityDraft.of(
          "Tea table", CustomerId.parse("C-2"), OWNER, "CNY"),
          PipelineRepository.in(store).find(RETAIL).get().value(), at(1)).get().state();
      OpportunityRepository.in(store).save(deal, Version.NEW);
      Purchase purchase = Purchase.record(PurchaseId.parse("PU-5"), PurchaseDraft.forCustomer("C-2")
          .channel("store").line("P-stool", "2", "pc", "3800.00", "CNY")
          .terms(PaymentTerms.PREPAID).purchasedAt(T0), at(1)).get().state();
      PurchaseRepository.in(store).save(purchase, Version.NEW);

      MergeJournal journal = SalesServices.merges(store).merge(CustomerId.parse("C-1"),
          CustomerId.parse("C-2"), Survivorship.standard(), at(2)).get();

      assertThat(OpportunityRepository.in(store).find(deal.id()).get().value().customer())
          .isEqualTo(CustomerId.parse("C-1"));
      assertThat(PurchaseRepository.in(store).find(purchase.id()).get().value().customer())
          .isEqualTo(CustomerId.parse("C-1"));
      assertThat(journal.repointed().map(Object::toString))
          .contains("opportunityId/O-5", "purchaseId/PU-5");

      SalesServices.merges(store).undo(journal.id(), at(3)).get();

      assertThat(OpportunityRepository.in(store).find(deal.id()).get().value().customer())
          .isEqualTo(CustomerId.parse("C-2"));
      assertThat(PurchaseRepository.in(store).find(purchase.id()).get().value().customer())
          .isEqualTo(CustomerId.parse("C-2"));
    }
  }

  @Test
  void theTimelineShowsDealsAndPurchasesNewestFirstAcrossPages() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      CustomerId customer = CustomerId.parse("C-1");
      io.rapport.crm.sales.Pipeline retail = PipelineRepository.in(store).find(RETAIL).get()
          .value();
      for (int n = 0; n < 4; n++) {
        Opportunity deal = Opportunity.open(OpportunityId.parse("O-" + n), OpportunityDraft.of(
            "Deal " + n, customer, OWNER, "CNY"), retail, at(10 * n)).get().state();
        if (n % 2 == 0) {
          deal = deal.lose("price", retail, at(10 * n + 1)).get().state();
        }
        OpportunityRepository.in(store).save(deal, Version.NEW);
      }
      for (int n = 0; n < 7; n++) {
        PurchaseRepository.in(store).save(Purchase.record(PurchaseId.parse("PU-" + n),
            PurchaseDraft.forCustomer("C-1").channel("store")
                .line("P-stool", "1", "pc", "3800.00", "CNY").terms(PaymentTerms.PREPAID)
                .purchasedAt(T0.plusSeconds(3600L * 5 * n)), at(40)).get().state(), Version.NEW);
      }

      io.vavr.collection.List<TimelineEntry> seen = io.vavr.collection.List.empty();
      Option<io.rapport.crm.customer.TimelineCursor> after = Option.none();
      do {
        io.rapport.crm.customer.TimelinePage page =
            SalesServices.timeline(store).page(customer, after, 3);
        seen = seen.appendAll(page.entries());
        after = page.next();
      } while (after.isDefined());

      assertThat(seen.toJavaList()).isSortedAccordingTo(TimelineEntry.ORDER)
          .doesNotHaveDuplicates();
      assertThat(seen.map(TimelineEntry::kind).groupBy(k -> k).mapValues(io.vavr.collection.List::size)
          .toJavaMap()).containsEntry("opportunity.opened", 4).containsEntry("opportunity.lost", 2)
          .containsEntry("purchase", 7);
      assertThat(seen.find(e -> e.kind().equals("purchase")).get().title())
          .isEqualTo("Purchase of CNY 3800.00, 1 item, store, unpaid");
    }
  }

  @Test
  void winningAStoredDealStoresItsPurchaseTogetherOrNothing() {
    try (CrmStore store = storeWithLeadAndPipeline(liWei())) {
      io.rapport.crm.sales.Pipeline retail = PipelineRepository.in(store).find(RETAIL).get()
          .value();
      io.rapport.crm.sales.LineItem table = new io.rapport.crm.sales.LineItem(
          io.rapport.crm.kernel.ProductId.parse("P-table"), Option.none(),
          io.rapport.crm.kernel.Quantity.of("12.5", io.rapport.crm.kernel.QuantityUnit.JIN),
          io.rapport.crm.kernel.UnitPrice.of(Money.of("1280.00",
              java.util.Currency.getInstance("CNY")), io.rapport.crm.kernel.QuantityUnit.JIN),
          io.rapport.crm.kernel.Percentage.ZERO);
      Opportunity deal = Opportunity.open(OpportunityId.parse("O-7"), OpportunityDraft.of(
          "Tea table", CustomerId.parse("C-1"), OWNER, "CNY").lineItem(table)
          .expectedClose(java.time.LocalDate.parse("2026-04-01"))
          .quote(io.rapport.crm.kernel.QuoteId.parse("Q-7")).stage("negotiation"), retail,
          at(1)).get().state();
      OpportunityRepository.in(store).save(deal, Version.NEW);
      int before = store.pendingEvents().size();

      Either<Rejection, io.rapport.crm.sales.DealClosing.Won> badChannel = SalesServices.win(store,
          deal.id(), PurchaseId.parse("PU-7"), PaymentTerms.PREPAID, "Front Desk", at(2));
      io.rapport.crm.sales.DealClosing.Won won = SalesServices.win(store, deal.id(),
          PurchaseId.parse("PU-7"), PaymentTerms.PREPAID, "store", at(3)).get();

      assertThat(badChannel.getLeft().code()).isEqualTo("purchase.channel.malformed");
      assertThat(OpportunityRepository.in(store).find(deal.id()).get().value().status())
          .isEqualTo(io.rapport.crm.sales.OpportunityStatus.WON);
      Purchase stored = PurchaseRepository.in(store).find(PurchaseId.parse("PU-7")).get().value();
      assertThat(stored).isEqualTo(won.purchase().state());
      assertThat(stored.total()).isEqualTo(Money.of("16000.00",
          java.util.Currency.getInstance("CNY")));
      assertThat(store.pendingEvents().drop(before).map(e -> e.event().getClass().getSimpleName()))
          .containsExactly("OpportunityWon", "PurchaseRecorded");
      assertThat(SalesServices.win(store, OpportunityId.parse("O-404"), PurchaseId.parse("PU-8"),
          PaymentTerms.PREPAID, "store", at(4)).getLeft().code())
          .isEqualTo("sales.opportunity_not_found");
    }
  }
}
