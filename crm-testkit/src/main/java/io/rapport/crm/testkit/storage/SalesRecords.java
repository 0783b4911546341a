package io.rapport.crm.testkit.storage;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.sales.Conversion;
import io.rapport.crm.sales.Disqualification;
import io.rapport.crm.sales.ForecastCategory;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.LostReason;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.Payment;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.Qualification;
import io.rapport.crm.sales.ReopenRule;
import io.rapport.crm.sales.Stage;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.sales.StageGuard;
import io.rapport.crm.sales.StageHistoryEntry;
import io.rapport.crm.sales.StageKind;
import io.rapport.crm.sales.StageTransition;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;

/**
 * Builds the sales records the storage contracts save, through the canonical constructors only
 * (the contracts test storage, not the sales commands), keeping every record invariant: each change
 * sets the update time and, for opportunities, appends the history entry that ends with the
 * current values.
 */
final class SalesRecords {

  static final Currency CNY = Currency.getInstance("CNY");
  static final ActorId TCK = ActorId.parse("tck");
  static final StageCode QUALIFICATION = StageCode.of("qualification");
  static final StageCode PROPOSAL = StageCode.of("proposal");
  static final StageCode NEGOTIATION = StageCode.of("negotiation");
  static final StageCode WON = StageCode.of("closed-won");
  static final StageCode LOST = StageCode.of("closed-lost");
  static final LostReason PRICE = new LostReason("price", "Too expensive");
  static final List<Stage> STAGES = List.of(
      new Stage(QUALIFICATION, "Qualification", StageKind.OPEN, Percentage.ofPercent(10),
          ForecastCategory.PIPELINE),
      new Stage(PROPOSAL, "Proposal", StageKind.OPEN, Percentage.ofPercent(50),
          ForecastCategory.BEST_CASE),
      new Stage(NEGOTIATION, "Negotiation 议价", StageKind.OPEN, Percentage.ofPercent(80),
          ForecastCategory.COMMIT),
      new Stage(WON, "Won", StageKind.WON, Percentage.ONE_HUNDRED, ForecastCategory.CLOSED),
      new Stage(LOST, "Lost", StageKind.LOST, Percentage.ZERO, ForecastCategory.OMITTED));

  private SalesRecords() {}

  // ---- pipelines

  /** Returns the standard pipeline, with guards of every kind, two lost reasons, reopen rules. */
  static Pipeline pipeline(String id, String name, boolean active, Instant updatedAt) {
    List<StageTransition> transitions = List.of(
        new StageTransition(QUALIFICATION, PROPOSAL, List.of(new StageGuard.AmountRequired(),
            new StageGuard.CloseDateRequired())),
        new StageTransition(PROPOSAL, NEGOTIATION, List.of(new StageGuard.QuoteRequired(),
            new StageGuard.LineItemsRequired(), new StageGuard.NextStepRequired())),
        new StageTransition(NEGOTIATION, WON,
            List.of(new StageGuard.MinimumAmount(Money.of("1000.00", CNY)))),
        new StageTransition(QUALIFICATION, LOST, List.empty()),
        new StageTransition(PROPOSAL, LOST, List.empty()),
        new StageTransition(NEGOTIATION, LOST, List.empty()));
    return new Pipeline(PipelineId.parse(id), name, STAGES, transitions,
        List.of(PRICE, new LostReason("competitor", "Went with a competitor")),
        List.of(new ReopenRule(StageKind.LOST, Option.of(Duration.ofDays(90)), QUALIFICATION),
            new ReopenRule(StageKind.WON, Option.none(), NEGOTIATION)),
        active, updatedAt);
  }

  /** Returns a pipeline switched on or off at an instant. */
  static Pipeline activated(Pipeline p, boolean active, Instant at) {
    return new Pipeline(p.id(), p.name(), p.stages(), p.transitions(), p.lostReasons(),
        p.reopenRules(), active, at);
  }

  // ---- opportunities

  /** Returns an open opportunity just created in a stage, with an entered amount. */
  static Opportunity opportunity(String id, String customer, String owner, Option<String> team,
      StageCode stage, Option<LocalDate> expectedClose, Instant createdAt) {
    Stage s = stage(stage);
    Option<Money> amount = Option.of(Money.of("10000.00", CNY));
    return new Opportunity(OpportunityId.parse(id), "Rosewood dining set " + id,
        CustomerId.parse(customer), PipelineId.parse("PL-standard"), stage,
        OpportunityStatus.OPEN, EmployeeId.parse(owner), team.map(TeamId::parse), CNY, amount,
        List.empty(), expectedClose, s.probability(), false, s.category(), false, List.empty(),
        Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), createdAt, TCK,
        createdAt, Option.none(), List.of(new StageHistoryEntry(createdAt, TCK, stage, amount,
            s.probability(), false, s.category(), false, expectedClose)));
  }

  /** Returns the opportunity moved to another open stage at an instant. */
  static Opportunity movedTo(Opportunity o, StageCode stage, Instant at) {
    return changed(o, stage, OpportunityStatus.OPEN, o.owner(), o.team(), o.expectedClose(),
        Option.none(), Option.none(), Option.none(), at);
  }

  /** Returns the opportunity with another expected close date from an instant. */
  static Opportunity rescheduled(Opportunity o, Option<LocalDate> expectedClose, Instant at) {
    return changed(o, o.stage(), o.status(), o.owner(), o.team(), expectedClose, o.lostReason(),
        o.purchase(), o.closedAt(), at);
  }

  /** Returns the opportunity handed to another owner and team at an instant. */
  static Opportunity reassigned(Opportunity o, String owner, Option<String> team, Instant at) {
    return new Opportunity(o.id(), o.name(), o.customer(), o.pipeline(), o.stage(), o.status(),
        EmployeeId.parse(owner), team.map(TeamId::parse), o.currency(), o.enteredAmount(),
        o.lineItems(), o.expectedClose(), o.probability(), o.probabilityOverridden(),
        o.category(), o.categoryOverridden(), o.competitors(), o.nextStep(), o.quote(), o.lead(),
        o.lostReason(), o.purchase(), o.createdAt(), o.createdBy(), at, o.closedAt(),
        o.history());
  }

  /** Returns the opportunity won at an instant. */
  static Opportunity won(Opportunity o, Instant at) {
    return changed(o, WON, OpportunityStatus.WON, o.owner(), o.team(), o.expectedClose(),
        Option.none(), Option.of(PurchaseId.parse("PU-" + o.id().value())), Option.of(at), at);
  }

  /** Returns the opportunity lost at an instant. */
  static Opportunity lost(Opportunity o, Instant at) {
    return changed(o, LOST, OpportunityStatus.LOST, o.owner(), o.team(), o.expectedClose(),
        Option.of(PRICE), Option.none(), Option.of(at), at);
  }

  /** Returns the closed opportunity reopened into qualification at an instant. */
  static Opportunity reopened(Opportunity o, Instant at) {
    return movedTo(o, QUALIFICATION, at);
  }

  private static Opportunity changed(Opportunity o, StageCode stage, OpportunityStatus status,
      EmployeeId owner, Option<TeamId> team, Option<LocalDate> expectedClose,
      Option<LostReason> lostReason, Option<PurchaseId> purchase, Option<Instant> closedAt,
      Instant at) {
    Stage s = stage(stage);
    StageHistoryEntry entry = new StageHistoryEntry(at, TCK, stage, o.amount(), s.probability(),
        false, s.category(), false, expectedClose);
    return new Opportunity(o.id(), o.name(), o.customer(), o.pipeline(), stage, status, owner,
        team, o.currency(), o.enteredAmount(), o.lineItems(), expectedClose, s.probability(),
        false, s.category(), false, o.competitors(), o.nextStep(), o.quote(), o.lead(),
        lostReason, purchase, o.createdAt(), o.createdBy(), at, closedAt,
        o.history().append(entry));
  }

  private static Stage stage(StageCode code) {
    return STAGES.find(s -> s.code().equals(code)).get();
  }

  // ---- leads

  /** Returns a new lead with an email address, captured at an instant, maybe from a campaign. */
  static Lead lead(String id, Option<String> owner, Option<String> team, String email,
      Option<String> campaign, Instant createdAt) {
    return new Lead(LeadId.parse(id), LeadStatus.NEW, "Lead " + id, Option.of("红木坊 " + id),
        List.of(new ContactPoint(EmailAddress.parse(email), Option.none(), true, false,
            Option.none(), Option.none())),
        new AcquisitionSource("trade-fair", campaign, Option.none(), Option.none()),
        Qualification.UNKNOWN, List.of(ProductId.parse("P-tea-table")), Option.none(),
        TreeMap.of("room", "study"), Option.of(40), owner.map(EmployeeId::parse),
        team.map(TeamId::parse), Option.none(), Option.none(), createdAt, TCK, createdAt);
  }

  /** Returns the lead moved to a status at an instant, disqualified or converted as needed. */
  static Lead withStatus(Lead l, LeadStatus status, Instant at) {
    Option<Disqualification> disqualification = status == LeadStatus.DISQUALIFIED
        ? Option.of(new Disqualification("no-budget", Option.none(), at, TCK)) : Option.none();
    Option<Conversion> conversion = status == LeadStatus.CONVERTED
        ? Option.of(new Conversion(CustomerId.parse("C-" + l.id().value()), false,
            Option.none(), at, TCK)) : Option.none();
    return new Lead(l.id(), status, l.name(), l.organizationName(), l.contactPoints(), l.source(),
        l.qualification(), l.interests(), l.estimatedValue(), l.attributes(), l.score(),
        l.owner(), l.team(), disqualification, conversion, l.createdAt(), l.createdBy(), at);
  }

  /** Returns the lead handed to another owner at an instant, with a new score. */
  static Lead reassigned(Lead l, Option<String> owner, int score, Instant at) {
    return new Lead(l.id(), l.status(), l.name(), l.organizationName(), l.contactPoints(),
        l.source(), l.qualification(), l.interests(), l.estimatedValue(), l.attributes(),
        Option.of(score), owner.map(EmployeeId::parse), l.team(), l.disqualification(),
        l.conversion(), l.createdAt(), l.createdBy(), at);
  }

  /** Returns the lead with other contact points from an instant. */
  static Lead withContactPoints(Lead l, List<ContactPoint> points, Instant at) {
    return new Lead(l.id(), l.status(), l.name(), l.organizationName(), points, l.source(),
        l.qualification(), l.interests(), l.estimatedValue(), l.attributes(), l.score(),
        l.owner(), l.team(), l.disqualification(), l.conversion(), l.createdAt(), l.createdBy(),
        at);
  }

  // ---- purchases

  /** Returns a prepaid purchase of two pieces at CNY 1280.00, paid in full when bought. */
  static Purchase purchase(String id, String customer, Option<String> opportunity,
      Instant purchasedAt) {
    LineItem line = new LineItem(ProductId.parse("P-stool"), Option.of("紫檀 stool"),
        Quantity.of(2, QuantityUnit.PIECE), UnitPrice.of(Money.of("1280.00", CNY),
            QuantityUnit.PIECE), Percentage.ZERO);
    Money total = line.total();
    return new Purchase(PurchaseId.parse(id), CustomerId.parse(customer),
        opportunity.map(OpportunityId::parse), "store", List.of(line), total,
        new PaymentTerms(Percentage.ONE_HUNDRED, 0), purchasedAt, TCK,
        List.of(new Payment(purchasedAt, TCK, total, Option.of("till-" + id))), List.empty(),
        Option.none(), purchasedAt);
  }

  /** Returns the purchase delivered at an instant. */
  static Purchase delivered(Purchase p, Instant at) {
    return new Purchase(p.id(), p.customer(), p.opportunity(), p.channel(), p.lines(), p.total(),
        p.terms(), p.purchasedAt(), p.recordedBy(), p.payments(), p.refunds(), Option.of(at), at);
  }

  /** Returns the purchase with one more refund at an instant. */
  static Purchase refunded(Purchase p, Money amount, Instant at) {
    return new Purchase(p.id(), p.customer(), p.opportunity(), p.channel(), p.lines(), p.total(),
        p.terms(), p.purchasedAt(), p.recordedBy(), p.payments(),
        p.refunds().append(new Payment(at, TCK, amount, Option.none())), p.deliveredAt(), at);
  }

  // ---- reading

  /**
   * Reads every page of a query, each page at most {@code limit} long, and returns the ids in
   * order; fails if a page is too long or the pages never end.
   */
  static <T> List<String> idsOfAllPages(
      Function<Option<IndexCursor>, Page<Versioned<T>, IndexCursor>> query, int limit,
      Function<T, String> id) {
    List<String> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    int pages = 0;
    do {
      Page<Versioned<T>, IndexCursor> page = query.apply(after);
      if (page.items().size() > limit || ++pages > 10_000) {
        throw new AssertionError("A page was longer than " + limit + " or the pages never ended");
      }
      ids = ids.appendAll(page.items().map(v -> id.apply(v.value())));
      after = page.next();
    } while (after.isDefined());
    return ids;
  }
}
