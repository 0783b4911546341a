package io.rapport.crm.testkit.storage;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.sales.Conversion;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.Payment;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.Qualification;
import io.rapport.crm.service.CommentAuthor;
import io.rapport.crm.service.CommentVisibility;
import io.rapport.crm.service.CsatScale;
import io.rapport.crm.service.Satisfaction;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityDraft;
import io.rapport.crm.work.ActivityType;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a customer's records across contexts, each carrying that customer's personal values, for
 * the {@link ErasureContract} and the testkit's own privacy tests.
 */
final class PrivacyRecords {

  static final CustomerRules RULES = CustomerRules.standard("CN");
  static final ActorId HOST = ActorId.parse("host");
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private PrivacyRecords() {}

  /**
   * The personal values of one person, each unique to the number it was made from (fixed width,
   * so no value of one person is part of another's).
   */
  record Person(String id, String name, String email, String phone, String street, String city,
      String taxId, String mention) {

    static Person of(String id, int n) {
      String code = letters(n);
      return new Person(id, "Ilsa " + code + "ova", code.toLowerCase() + ".mail@example.org",
          "+86138" + String.format("%08d", n), code + " Rosewood Lane 7", "Xin" + code + "town",
          "91310000MA" + String.format("%08d", n), "mention-" + code + "-x");
    }

    CustomerId customerId() {
      return CustomerId.parse(id);
    }

    /** Returns every personal value, as stored documents would spell it. */
    List<String> values() {
      return List.of(name, email, phone, street, city, taxId, mention);
    }
  }

  static String letters(int n) {
    StringBuilder code = new StringBuilder();
    int rest = n;
    for (int i = 0; i < 6; i++) {
      code.append((char) ('A' + rest % 26));
      rest /= 26;
    }
    return code.reverse().toString();
  }

  static EventStamp stamp(Instant at) {
    return EventStamp.of(EventId.parse("E-" + EVENTS.incrementAndGet()), at, HOST);
  }

  static Customer customer(Person p) {
    return Customer.register(p.customerId(), CustomerDraft.person(p.name()).email(p.email(), true)
        .phone(p.phone(), false).address(List.of(p.street()), p.city(), "Guangdong", "510000", "CN")
        .taxId(p.taxId()), RULES, stamp(T0)).get().state();
  }

  static Interaction call(String id, Person p, Instant at) {
    return recordedCall(id, p, at).state();
  }

  /** Records a call through its command: the event carries the summary naming the person. */
  static Transition<Interaction> recordedCall(String id, Person p, Instant at) {
    return Interaction.record(InteractionId.parse(id), p.customerId(),
        Channel.Call.validated(Channel.Direction.OUTBOUND, Duration.ofMinutes(6),
            Channel.CallOutcome.ANSWERED, Option.none(), Option.of(PhoneNumber.ofE164(p.phone()))),
        at, Option.of(EmployeeId.parse("E-1")),
        "Called " + p.name() + " about delivery to " + p.street() + ", " + p.mention(),
        HashSet.empty(), stamp(at.plusSeconds(60))).get();
  }

  /**
   * Returns a call the person asked for, about a record of theirs: its subject, description,
   * note and hand-off note name the person.
   */
  static Activity activity(String id, Person p, RecordRef about, Instant at) {
    Activity scheduled = Activity.schedule(ActivityId.parse(id),
        ActivityDraft.of(ActivityType.CALL, "Call " + p.name() + " back", EmployeeId.parse("E-1"))
            .withDue(at.plus(Duration.ofDays(1)))
            .withDescription("On " + p.phone() + " about " + p.mention())
            .withRelated(about), stamp(at)).get().state();
    Activity noted = scheduled.addNote("Lives at " + p.street() + ", " + p.city(),
        stamp(at.plusSeconds(60))).get().state();
    return noted.reassign(EmployeeId.parse("E-2"), "Ask " + p.email() + " for the tax id "
        + p.taxId(), stamp(at.plusSeconds(120))).get().state();
  }

  /**
   * Registers the person and moves them on in the lifecycle with a reason naming them: the
   * customer and both events ({@code customer.registered}, {@code customer.stage_changed}).
   */
  static Transition<Customer> movedCustomer(Person p) {
    Transition<Customer> registered = Customer.register(p.customerId(),
        CustomerDraft.person(p.name()).email(p.email(), true).phone(p.phone(), false)
            .address(List.of(p.street()), p.city(), "Guangdong", "510000", "CN")
            .taxId(p.taxId()), RULES, stamp(T0)).get();
    Transition<Customer> moved = registered.state().moveTo(LifecycleStage.PROSPECT,
        "Met " + p.name() + " at the fair", RULES.lifecyclePolicy(), stamp(T0.plusSeconds(30)))
        .get();
    return new Transition<>(moved.state(), registered.events().appendAll(moved.events()));
  }

  /**
   * Returns {@link #activity} with every event of its commands, then cancelled with a reason
   * naming the person: its scheduling, note, hand-off and cancellation all name them.
   */
  static Transition<Activity> activityHistory(String id, Person p, RecordRef about, Instant at) {
    Transition<Activity> scheduled = Activity.schedule(ActivityId.parse(id),
        ActivityDraft.of(ActivityType.CALL, "Call " + p.name() + " back", EmployeeId.parse("E-1"))
            .withDue(at.plus(Duration.ofDays(1)))
            .withDescription("On " + p.phone() + " about " + p.mention())
            .withRelated(about), stamp(at)).get();
    Transition<Activity> noted = scheduled.state().addNote("Lives at " + p.street() + ", "
        + p.city(), stamp(at.plusSeconds(60))).get();
    Transition<Activity> handed = noted.state().reassign(EmployeeId.parse("E-2"), "Ask "
        + p.email() + " for the tax id " + p.taxId(), stamp(at.plusSeconds(120))).get();
    Transition<Activity> cancelled = handed.state().cancel(p.name() + " moved to " + p.city(),
        stamp(at.plusSeconds(180))).get();
    return new Transition<>(cancelled.state(), scheduled.events().appendAll(noted.events())
        .appendAll(handed.events()).appendAll(cancelled.events()));
  }

  /**
   * Returns the adjustment of a new account of the person in a program, whose reason names the
   * person: the account and the {@code PointsAdjusted} event.
   */
  static Transition<LoyaltyAccount> adjustedAccount(String id, LoyaltyProgram program, Person p,
      Instant at) {
    LoyaltyAccount account = LoyaltyRecords.account(id, program.id().value(), p.id(), at,
        Option.none(), at.plus(Duration.ofDays(365)), Option.none(), Option.none());
    return account.adjust(program, LoyaltyRecords.POINTS, 50,
        "Goodwill for " + p.name() + ", " + p.phone(), stamp(at.plus(Duration.ofHours(1)))).get();
  }

  /** A lead holding the person's email, not converted. */
  static Lead leadHolding(String id, Person p, Instant at) {
    return new Lead(LeadId.parse(id), LeadStatus.NEW, p.name(), Option.none(),
        List.of(new ContactPoint(EmailAddress.parse(p.email()), Option.none(), true, false,
            Option.none(), Option.none())),
        new AcquisitionSource("trade-fair", Option.of("spring-fair"), Option.none(), Option.none()),
        Qualification.UNKNOWN.withNeed(Option.of("A desk for " + p.mention())),
        List.of(ProductId.parse("P-desk")), Option.none(), TreeMap.of("note", p.mention()),
        Option.of(40), Option.none(), Option.none(), Option.none(), Option.none(), at,
        SalesRecords.TCK, at);
  }

  /** A lead converted into the person's customer, sharing no contact value with it. */
  static Lead leadConverted(String id, Person p, Instant at) {
    return new Lead(LeadId.parse(id), LeadStatus.CONVERTED, p.name() + " at the fair",
        Option.of(p.mention() + " Trading"), List.empty(),
        new AcquisitionSource("call-center", Option.none(), Option.none(), Option.none()),
        Qualification.UNKNOWN, List.empty(), Option.none(), TreeMap.empty(), Option.none(),
        Option.none(), Option.none(), Option.none(),
        Option.of(new Conversion(p.customerId(), false, Option.none(), at, SalesRecords.TCK)),
        at, SalesRecords.TCK, at);
  }

  /** A ticket whose subject, description, conversation and CSAT comment name the person. */
  static Ticket ticket(String id, Person p, Instant at) {
    Ticket t = ServiceRecords.ticket(id, p.id(), Option.of("team-care"), Option.none(),
        Priority.NORMAL, at, Option.none(), Option.none(), Option.none(), List.empty());
    List<TicketComment> comments = List.of(
        new TicketComment(1, CommentAuthor.CUSTOMER, CommentVisibility.PUBLIC,
            ActorId.parse("customer:" + p.id()), at, "Please call me on " + p.phone(),
            Option.none()),
        new TicketComment(2, CommentAuthor.AGENT, CommentVisibility.PUBLIC, SalesRecords.TCK,
            at, "We will visit you at " + p.street() + ", " + p.city(), Option.none()));
    return new Ticket(t.id(), "Cracked leg at " + p.name() + "'s home", "Tax id " + p.taxId(),
        t.customer(), t.origin(), t.category(), t.priority(), t.status(), t.assignee(), t.team(),
        t.tags(), comments, t.firstResponseAt(), t.parent(), t.related(), t.mergedInto(),
        t.mergedFrom(), t.splitFrom(), t.solvedBy(),
        Option.of(new Satisfaction(4, CsatScale.ONE_TO_FIVE, Option.of("Thanks, " + p.mention()),
            at)), t.cause(), t.sla(), t.createdAt(), t.createdBy(), t.updatedAt(), t.resolvedAt(),
        t.closedAt(), t.history());
  }

  /** An open opportunity whose name and next step name the person. */
  static Opportunity opportunity(String id, Person p, Instant at) {
    Opportunity o = SalesRecords.opportunity(id, p.id(), "E-1", Option.none(),
        SalesRecords.PROPOSAL, Option.none(), at);
    return new Opportunity(o.id(), "Dining set for " + p.name(), o.customer(), o.pipeline(),
        o.stage(), o.status(), o.owner(), o.team(), o.currency(), o.enteredAmount(),
        o.lineItems(), o.expectedClose(), o.probability(), o.probabilityOverridden(),
        o.category(), o.categoryOverridden(), o.competitors(),
        Option.of("Visit " + p.street() + " with " + p.mention()), o.quote(), o.lead(),
        o.lostReason(), o.purchase(), o.createdAt(), o.createdBy(), o.updatedAt(), o.closedAt(),
        o.history());
  }

  /** A purchase whose line and payment name the person. */
  static Purchase purchase(String id, Person p, Instant at) {
    Purchase base = SalesRecords.purchase(id, p.id(), Option.none(), at);
    LineItem line = base.lines().head().withDescription("Engraved for " + p.name());
    Payment paid = base.payments().head();
    return new Purchase(base.id(), base.customer(), base.opportunity(), base.channel(),
        List.of(line), base.total(), base.terms(), base.purchasedAt(), base.recordedBy(),
        List.of(new Payment(paid.at(), paid.by(), paid.amount(), Option.of("paid by " + p.email()))),
        base.refunds(), base.deliveredAt(), base.updatedAt());
  }
}
