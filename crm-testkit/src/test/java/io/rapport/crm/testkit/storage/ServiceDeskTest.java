package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.service.ClosingSweep;
import io.rapport.crm.persistence.service.ServiceDesk;
import io.rapport.crm.persistence.service.ServiceRefusal;
import io.rapport.crm.persistence.service.SlaPolicyRepository;
import io.rapport.crm.persistence.service.SlaSweep;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.service.AlertLevel;
import io.rapport.crm.service.EscalationAction;
import io.rapport.crm.service.NegativeSignal;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaPolicies;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketDraft;
import io.rapport.crm.service.TicketEvent;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The service desk over a store: SLA reviewed on every change and by the monitoring sweep,
 * escalations applied, follow-ups opened, tickets following customer merges.
 */
class ServiceDeskTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final BusinessCalendar AROUND_THE_CLOCK =
      BusinessCalendar.twentyFourSeven(SHANGHAI);
  private static final TeamId ESCALATION = TeamId.parse("T-escalation");
  private static final CustomerId LI = CustomerId.parse("C-li");
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private static EventStamp at(Duration after) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.addAndGet(10)), T0.plus(after),
        ActorId.parse("employee:E-1"));
  }

  private static Supplier<EventStamp> stamps() {
    return () -> at(Duration.ZERO);
  }

  private static CrmStore store() {
    CrmStore store = InMemoryCrmStore.create();
    CustomerRepository customers = CustomerRepository.in(store);
    customers.save(customer(LI, "李伟"), Version.NEW);
    customers.save(customer(CustomerId.parse("C-li-2"), "李伟 (duplicate)"), Version.NEW);
    SlaPolicies.standard(ESCALATION).forEach(
        policy -> SlaPolicyRepository.in(store).save(policy, Version.NEW));
    return store;
  }

  private static Customer customer(CustomerId id, String name) {
    return Customer.register(id, CustomerDraft.person(name), CustomerRules.standard("CN"),
        at(Duration.ZERO)).get().state();
  }

  private static TicketDraft drawerBroken() {
    return TicketDraft.of("抽屉坏了", "The drawer of the rosewood cabinet is stuck", LI,
        Channel.Kind.CALL);
  }

  private static Ticket open(ServiceDesk desk, String id) {
    return desk.open(TicketId.parse(id), drawerBroken(), at(Duration.ZERO)).get().value();
  }

  private static SlaDue due(Ticket ticket, SlaTargetKind kind) {
    return ticket.sla().get().running().find(d -> d.target() == kind).get();
  }

  @Test
  void anOpenedTicketCarriesTheDueTimesOfTheMatchingPolicy() {
    ServiceDesk desk = ServiceDesk.of(store(), AROUND_THE_CLOCK);

    Ticket ticket = open(desk, "K-1");

    assertThat(ticket.sla().get().policy()).isEqualTo(SlaPolicies.STANDARD);
    assertThat(due(ticket, SlaTargetKind.FIRST_RESPONSE).dueAt()).isEqualTo(T0.plus(
        Duration.ofHours(8)));
    assertThat(due(ticket, SlaTargetKind.FIRST_RESPONSE).warnAt()).isEqualTo(T0.plus(
        Duration.ofHours(6)));
    assertThat(due(ticket, SlaTargetKind.RESOLUTION).dueAt()).isEqualTo(T0.plus(
        Duration.ofHours(40)));
  }

  @Test
  void theSweepRaisesEachWarningAndBreachOnceAndAppliesTheEscalations() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    int before = store.pendingEvents().size();

    SlaSweep early = desk.reviewDue(T0.plus(Duration.ofHours(5)), stamps());
    SlaSweep warning = desk.reviewDue(T0.plus(Duration.ofHours(6)), stamps());
    SlaSweep again = desk.reviewDue(T0.plus(Duration.ofHours(6)), stamps());

    assertThat(early.reviewed()).isZero();
    assertThat(warning.alerts()).isEqualTo(1);
    assertThat(again.alerts()).isZero();
    List<TicketEvent.SlaEscalated> escalations = store.pendingEvents().drop(before)
        .map(e -> e.event()).filter(e -> e instanceof TicketEvent.SlaEscalated)
        .map(e -> (TicketEvent.SlaEscalated) e).toList();
    assertThat(escalations).hasSize(1);
    assertThat(escalations.head().actions()).containsExactly(
        new EscalationAction.NotifyRole(SlaPolicies.SERVICE_LEAD));

    SlaSweep breach = desk.reviewDue(T0.plus(Duration.ofHours(8)).plusSeconds(1), stamps());

    Ticket breached = TicketRepository.in(store).find(TicketId.parse("K-1")).get().value();
    assertThat(breach.alerts()).isEqualTo(1);
    assertThat(breached.priority()).as("raised on breach").isEqualTo(Priority.HIGH);
    assertThat(breached.team()).as("handed to the escalation team").contains(ESCALATION);
    assertThat(breached.sla().get().marks()).extracting(m -> m.level())
        .contains(AlertLevel.WARNING, AlertLevel.BREACH);
    assertThat(desk.reviewDue(T0.plus(Duration.ofHours(8)).plusSeconds(1), stamps()).alerts())
        .as("the breach is not raised twice, even under the high-priority policy it now has")
        .isZero();
  }

  @Test
  void aReplyMeetsTheFirstResponseAndPendingPausesTheClocks() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    TicketId id = TicketId.parse("K-1");

    Ticket replied = desk.update(id, at(Duration.ofHours(1)),
        (t, s) -> t.reply("我们明天上门检查", s)).get().value();
    Ticket waiting = desk.update(id, at(Duration.ofHours(2)),
        (t, s) -> t.waitOnCustomer(s)).get().value();

    assertThat(replied.sla().get().running().map(SlaDue::target))
        .containsExactly(SlaTargetKind.RESOLUTION);
    assertThat(waiting.sla().get().running()).as("paused clocks have no due time").isEmpty();
    assertThat(TicketRepository.in(store).slaDueBefore(T0.plus(Duration.ofDays(30)),
        Option.none(), 10).items()).isEmpty();

    ServiceDesk.Outcome answered = desk.customerWrote(id, "下午两点可以", TicketId.parse("K-2"),
        at(Duration.ofHours(5))).get();

    assertThat(answered.followUp()).isEmpty();
    assertThat(answered.ticket().value().status()).isEqualTo(TicketStatus.OPEN);
    assertThat(due(answered.ticket().value(), SlaTargetKind.NEXT_RESPONSE).dueAt())
        .as("a next-response cycle starts with the customer's answer")
        .isEqualTo(T0.plus(Duration.ofHours(13)));
    assertThat(due(answered.ticket().value(), SlaTargetKind.RESOLUTION).dueAt())
        .as("resolution resumes with the 3 paused hours added")
        .isEqualTo(T0.plus(Duration.ofHours(43)));
  }

  @Test
  void aRefusedOpeningWritesNothingAndReportsEveryProblem() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);

    Either<Rejection, Versioned<Ticket>> unknown = desk.open(TicketId.parse("K-1"),
        TicketDraft.of("x", "", CustomerId.parse("C-nobody"), Channel.Kind.EMAIL),
        at(Duration.ZERO));
    Either<Rejection, Versioned<Ticket>> invalid = desk.open(TicketId.parse("K-2"),
        TicketDraft.of(" ", "x".repeat(10_001), LI, Channel.Kind.EMAIL), at(Duration.ZERO));

    assertThat(unknown.getLeft().code()).isEqualTo("service.customer_not_found");
    assertThat(invalid.getLeft().code()).isEqualTo("service.ticket_invalid");
    assertThat(((ServiceRefusal) invalid.getLeft()).violations()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(TicketRepository.in(store).list(Option.none(), 10).items()).isEmpty();
    assertThat(store.pendingEvents().filter(e -> e.event() instanceof TicketEvent)).isEmpty();
  }

  @Test
  void writingOnAClosedTicketOpensAFollowUpNamingIt() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    TicketId id = TicketId.parse("K-1");
    desk.update(id, at(Duration.ofHours(1)), (t, s) -> t.resolve(s));
    desk.update(id, at(Duration.ofHours(2)), (t, s) -> t.close(s));

    ServiceDesk.Outcome outcome = desk.customerWrote(id, "又卡住了", TicketId.parse("K-2"),
        at(Duration.ofDays(20))).get();

    Ticket followUp = outcome.followUp().get().value();
    assertThat(followUp.parent()).contains(id);
    assertThat(followUp.description()).isEqualTo("又卡住了");
    assertThat(followUp.customer()).isEqualTo(LI);
    assertThat(outcome.ticket().value().status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void aLowScoreReopensWithinTheWindowAndOpensAFollowUpAfterClosing() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    open(desk, "K-2");
    TicketId resolved = TicketId.parse("K-1");
    TicketId closed = TicketId.parse("K-2");
    desk.update(resolved, at(Duration.ofHours(1)), (t, s) -> t.resolve(s));
    desk.update(closed, at(Duration.ofHours(1)), (t, s) -> t.resolve(s));
    desk.update(closed, at(Duration.ofHours(2)), (t, s) -> t.close(s));

    ServiceDesk.Outcome reopened = desk.rate(resolved, 1, Option.some("还是坏的"),
        TicketId.parse("K-3"), at(Duration.ofHours(3))).get();
    ServiceDesk.Outcome followedUp = desk.rate(closed, 2, Option.none(), TicketId.parse("K-4"),
        at(Duration.ofHours(3))).get();
    ServiceDesk.Outcome content = desk.rate(closed, 5, Option.none(), TicketId.parse("K-5"),
        at(Duration.ofHours(4))).get();

    assertThat(reopened.ticket().value().status()).isEqualTo(TicketStatus.OPEN);
    assertThat(reopened.followUp()).isEmpty();
    assertThat(followedUp.followUp().get().value().cause().get().toString()).contains("K-2");
    assertThat(content.followUp()).isEmpty();
    assertThat(TicketRepository.in(store).find(TicketId.parse("K-5"))).isEmpty();
  }

  @Test
  void aNegativeSignalOpensOneFollowUpHoweverOftenItIsSeen() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    NegativeSignal detractor = new NegativeSignal.DetractorAnswer(SurveyId.parse("nps-q1"), LI, 1,
        Option.some("客服态度差，要找媒体曝光"), T0);
    NegativeSignal promoterLike = new NegativeSignal.BadReview(InteractionId.parse("I-1"), LI, 4,
        5, "fine", Channel.Kind.SOCIAL, T0);

    Ticket first = desk.followUp(detractor, TicketId.parse("K-1"), at(Duration.ZERO)).get().get()
        .value();
    Option<Versioned<Ticket>> second =
        desk.followUp(detractor, TicketId.parse("K-2"), at(Duration.ofMinutes(1))).get();

    assertThat(first.priority()).isEqualTo(Priority.URGENT);
    assertThat(first.sla().get().policy()).isEqualTo(SlaPolicies.URGENT);
    assertThat(second.get().value().id()).isEqualTo(first.id());
    assertThat(TicketRepository.in(store).find(TicketId.parse("K-2"))).isEmpty();
    assertThat(desk.followUp(promoterLike, TicketId.parse("K-3"), at(Duration.ZERO)).get())
        .isEmpty();
  }

  @Test
  void mergeSplitAndRelateStoreBothTickets() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    open(desk, "K-2");
    TicketId one = TicketId.parse("K-1");
    TicketId two = TicketId.parse("K-2");

    ServiceDesk.Pair related = desk.relate(one, two, at(Duration.ofMinutes(1))).get();
    ServiceDesk.Pair merged = desk.merge(one, two, at(Duration.ofMinutes(2))).get();

    assertThat(related.first().value().related()).contains(two);
    assertThat(related.second().value().related()).contains(one);
    assertThat(merged.first().value().status()).isEqualTo(TicketStatus.MERGED);
    assertThat(merged.first().value().sla().get().running()).as("merged: no clock runs")
        .isEmpty();
    assertThat(merged.second().value().mergedFrom()).containsExactly(one);
    assertThat(desk.merge(one, two, at(Duration.ofMinutes(3))).getLeft().code())
        .isEqualTo("ticket.merged");
  }

  @Test
  void onlyAStoredLiveArticleCanBeLinked() {
    ServiceDesk desk = ServiceDesk.of(store(), AROUND_THE_CLOCK);
    open(desk, "K-1");

    assertThat(desk.linkArticle(TicketId.parse("K-1"), ArticleId.parse("A-1"),
        at(Duration.ofMinutes(1))).getLeft().code()).isEqualTo("service.article_not_found");
    assertThat(desk.update(TicketId.parse("K-9"), at(Duration.ZERO), (t, s) -> t.resolve(s))
        .getLeft().code()).isEqualTo("service.ticket_not_found");
  }

  @Test
  void reviewingAllAfterAPolicyChangeRecomputesTheDueTimes() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    SlaPolicyRepository policies = SlaPolicyRepository.in(store);
    Versioned<SlaPolicy> standard = policies.find(SlaPolicies.STANDARD).get();
    SlaPolicy faster = SlaPolicy.builder(SlaPolicies.STANDARD, "Standard, faster").rank(2)
        .target(SlaTargetKind.FIRST_RESPONSE, Duration.ofHours(2), true)
        .target(SlaTargetKind.RESOLUTION, Duration.ofHours(24), true).build().get();
    policies.save(faster, standard.version());

    SlaSweep sweep = desk.reviewAll(T0.plus(Duration.ofMinutes(30)), stamps());

    Ticket ticket = TicketRepository.in(store).find(TicketId.parse("K-1")).get().value();
    assertThat(sweep.reviewed()).isEqualTo(1);
    assertThat(due(ticket, SlaTargetKind.FIRST_RESPONSE).dueAt())
        .isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(due(ticket, SlaTargetKind.RESOLUTION).dueAt())
        .isEqualTo(T0.plus(Duration.ofHours(24)));
  }

  @Test
  void ticketsFollowCustomerMergesAndShowOnTheTimeline() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    CustomerId duplicate = CustomerId.parse("C-li-2");
    desk.open(TicketId.parse("K-1"), TicketDraft.of("Delivery late", "", duplicate,
        Channel.Kind.CHAT), at(Duration.ZERO));

    CrmServices.merges(store).merge(LI, duplicate, Survivorship.standard(),
        at(Duration.ofHours(1))).get();

    assertThat(TicketRepository.in(store).find(TicketId.parse("K-1")).get().value().customer())
        .isEqualTo(LI);
    assertThat(CrmServices.timeline(store).page(LI, Option.none(), 50).entries()
        .map(TimelineEntry::kind)).contains("ticket.opened");
  }

  @Test
  void aTicketOfNoMatchingPolicyHasNoSla() {
    CrmStore store = InMemoryCrmStore.create();
    CustomerRepository.in(store).save(customer(LI, "李伟"), Version.NEW);
    SlaPolicyRepository.in(store).save(SlaPolicy.builder(SlaPolicyId.parse("vip"), "VIP only")
        .segments("vip").target(SlaTargetKind.RESOLUTION, Duration.ofHours(4), false).build()
        .get(), Version.NEW);
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);

    assertThat(open(desk, "K-1").sla()).isEmpty();
  }

  @Test
  void resolvedTicketsAreClosedOnceTheClosingDelayHasPassed() {
    CrmStore store = store();
    ServiceDesk desk = ServiceDesk.of(store, AROUND_THE_CLOCK);
    open(desk, "K-1");
    open(desk, "K-2");
    open(desk, "K-3");
    desk.update(TicketId.parse("K-1"), at(Duration.ofHours(1)), (t, s) -> t.resolve(s));
    desk.update(TicketId.parse("K-2"), at(Duration.ofDays(2)), (t, s) -> t.resolve(s));
    desk.update(TicketId.parse("K-3"), at(Duration.ofHours(1)), (t, s) -> t.resolve(s));
    desk.update(TicketId.parse("K-3"), at(Duration.ofHours(2)),
        (t, s) -> t.reopen(desk.rules(), s));
    Instant asOf = T0.plus(Duration.ofHours(1)).plus(desk.rules().closeAfter());

    ClosingSweep sweep = desk.closeResolved(asOf, stamps());

    assertThat(sweep.closed()).containsExactly(TicketId.parse("K-1"));
    assertThat(sweep.skipped()).isEmpty();
    Ticket closed = TicketRepository.in(store).find(TicketId.parse("K-1")).get().value();
    assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(closed.closedAt()).contains(asOf);
    assertThat(desk.closeResolved(asOf, stamps()).closed()).as("nothing twice").isEmpty();
  }
}
