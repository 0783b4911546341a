package io.rapport.crm.examples.cli;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Confidence;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.DuplicateMatcher;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.loyalty.DowngradePolicy;
import io.rapport.crm.loyalty.LoyaltyPrograms;
import io.rapport.crm.loyalty.ProgramDraft;
import io.rapport.crm.loyalty.PurchaseEarningPolicy;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.loyalty.TierBenefits;
import io.rapport.crm.loyalty.TierLadder;
import io.rapport.crm.loyalty.TierThreshold;
import io.rapport.crm.loyalty.TierWindow;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyDesk;
import io.rapport.crm.persistence.pricing.PriceBookRepository;
import io.rapport.crm.persistence.sales.LeadConversionRequest;
import io.rapport.crm.persistence.sales.LeadConversions;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PipelineRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.sales.SalesServices;
import io.rapport.crm.persistence.service.ServiceDesk;
import io.rapport.crm.persistence.service.SlaPolicyRepository;
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
import io.rapport.crm.sales.DealClosing;
import io.rapport.crm.sales.LeadDraft;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityDraft;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Pipelines;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.service.NegativeSignal;
import io.rapport.crm.service.SlaPolicies;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketDraft;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.value.SurveyAnswer;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Function;

/**
 * Plays two years of a rosewood furniture brand on a store, on a simulated clock: calls and store
 * visits bring leads that become customers and deals; deals move through the retail pipeline with
 * quotes priced per jin and no discounts; won deals become purchases paid 100 % in advance that
 * earn loyalty points and tiers; some purchases bring service tickets under SLA, rated for CSAT;
 * a closing NPS survey asks every buyer. Every draw comes from one seeded {@link Random}, and
 * every time from the agenda, so a seed gives the same story on any store.
 */
final class DemoStory {

  static final Currency CNY = DemoCommand.CNY;
  static final ZoneId ZONE = DemoCommand.SHANGHAI;
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);
  static final Instant START = FIRST_DAY.atStartOfDay(ZONE).toInstant();
  static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
  static final PipelineId RETAIL = PipelineId.parse("P-retail");
  static final LoyaltyProgramId CLUB = LoyaltyProgramId.parse("LP-rosewood-club");
  static final PriceBookId BOOK = PriceBookId.parse("PB-rosewood");
  static final TeamId ESCALATION = TeamId.parse("T-service-leads");
  static final SurveyId SURVEY = SurveyId.parse("S-nps-2026");
  static final String STORE = "store";
  static final String CALL_CENTER = "call-center";

  /** A piece of the catalogue, sold by weight within its usual range. */
  record Product(ProductId id, String name, double minJin, double maxJin) {}

  static final List<Product> CATALOGUE = List.of(
      new Product(ProductId.parse("P-stool"), "Square stool", 12, 18),
      new Product(ProductId.parse("P-armchair"), "Official's hat armchair", 30, 45),
      new Product(ProductId.parse("P-tea-table"), "Tea table", 45, 70),
      new Product(ProductId.parse("P-cabinet"), "Compound cabinet", 90, 140),
      new Product(ProductId.parse("P-desk"), "Painting table", 140, 180),
      new Product(ProductId.parse("P-dining-set"), "Dining set", 180, 260),
      new Product(ProductId.parse("P-bed"), "Canopy bed", 280, 380));

  private static final String[] SURNAMES = {"Li", "Wang", "Zhang", "Liu", "Chen", "Yang",
      "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo",
      "Gao"};
  private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang",
      "Jun", "Yang", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Hua", "Ping", "Gang", "Hui",
      "Ling", "Bo", "Dan", "Hong", "Kai", "Xin", "Yu", "Rui", "Hao"};
  private static final String[] STORES = {"Beijing Guomao", "Shanghai Xintiandi",
      "Guangzhou Tianhe"};
  private static final String[] ISSUES = {"Drawer sticks in humid weather",
      "Scratch found on delivery", "Wax finish needs renewing", "Joint loosened",
      "Delivery date to reschedule"};
  private static final String[] LOST_REASONS = {"price", "competitor", "no_budget",
      "no_response"};
  private static final EmployeeId[] SELLERS = {EmployeeId.parse("E-store-1"),
      EmployeeId.parse("E-store-2"), EmployeeId.parse("E-store-3"), EmployeeId.parse("E-call-1"),
      EmployeeId.parse("E-call-2")};

  /** What the story did, counted as it went. */
  static final class Counts {
    int leads;
    int storeVisits;
    int interactions;
    int deals;
    int won;
    int lost;
    int purchases;
    int tickets;
    int followUps;
    int invited;
  }

  private final CrmStore store;
  private final Random random;
  private final int customers;
  private final UnitPrice perJin;
  private final BusinessCalendar calendar;
  private final PriorityQueue<Step> agenda = new PriorityQueue<>();
  private final Counts counts = new Counts();
  private final java.util.List<SurveyAnswer> answers = new ArrayList<>();
  private final PurchaseEarningPolicy earning =
      PurchaseEarningPolicy.of(PurchaseEarningPolicy.EarnOn.PAID,
          product -> HashSet.of("furniture"));
  private long sequence;
  private long eventNumber;
  private int purchaseNumber;
  private int ticketNumber;
  private int dealNumber;
  private int interactionNumber;
  private Instant now = START;
  private LocalDate surveyDay = LAST_DAY;
  private Pipeline pipeline;
  private PriceList prices;
  private RuleSet rules;
  private LoyaltyDesk loyalty;
  private ServiceDesk service;
  private LeadConversions conversions;

  DemoStory(CrmStore store, long seed, int customers, UnitPrice perJin, BusinessCalendar calendar) {
    this.store = store;
    this.random = new Random(seed);
    this.customers = customers;
    this.perJin = perJin;
    this.calendar = calendar;
  }

  /** A customer's hidden behaviour: how often they buy, how likely they stop, how big they buy. */
  private static final class Buyer {
    final CustomerId id;
    final String channel;
    final double ratePerDay;
    final double dropout;
    final double budgetJin;
    final double mood;
    boolean member;

    Buyer(CustomerId id, String channel, double ratePerDay, double dropout, double budgetJin,
        double mood) {
      this.id = id;
      this.channel = channel;
      this.ratePerDay = ratePerDay;
      this.dropout = dropout;
      this.budgetJin = budgetJin;
      this.mood = mood;
    }
  }

  /** Something that happens at a time on the agenda. */
  private static final class Step implements Comparable<Step> {
    final Instant at;
    final long order;
    final Runnable action;

    Step(Instant at, long order, Runnable action) {
      this.at = at;
      this.order = order;
      this.action = action;
    }

    @Override
    public int compareTo(Step other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  /** Plays the whole story and returns what it counted. */
  Counts play() {
    setUp();
    for (int n = 1; n <= customers; n++) {
      int number = n;
      Instant first = during(START.plus(Duration.ofDays(random.nextInt(730))));
      schedule(first, () -> acquire(number));
    }
    schedule(LAST_DAY.minusDays(20).atTime(10, 0).atZone(ZONE).toInstant(), this::survey);
    while (!agenda.isEmpty()) {
      Step step = agenda.poll();
      if (!step.at.isBefore(END)) {
        continue;
      }
      now = step.at;
      step.action.run();
    }
    now = END;
    loyalty.evaluateTiersDue(END, () -> stamp(END));
    return counts;
  }

  /** Returns the day the NPS survey was sent. */
  LocalDate surveyDay() {
    return surveyDay;
  }

  /** Returns the survey answers given. */
  java.util.List<SurveyAnswer> answers() {
    return answers;
  }

  private void setUp() {
    EventStamp setup = stamp(START);
    Transition<Pipeline> configured = Pipelines.retailStore(RETAIL, setup);
    pipeline = configured.state();
    create(PipelineRepository.TYPE, configured);
    List<PriceEntry> entries = CATALOGUE.map(product -> new PriceEntry(
        product.id().value().substring(2), new PriceTarget.ForProduct(product.id()), perJin,
        Option.none(), List.empty(), HashSet.empty(), HashSet.empty(), Option.none(),
        Option.none(), Option.none()));
    PriceBook book = io.rapport.crm.kernel.InvalidValueException.valueOrThrow(
        PriceBook.define(BOOK, "Rosewood by the jin", CNY, entries, START));
    ok(PriceBookRepository.in(store).save(book, Version.NEW), "price book");
    prices = PriceList.of(List.of(book));
    rules = RuleSet.noDiscounts("No discounts (不折不扣)", CNY, RoundingPolicy.STANDARD, START);
    SlaPolicies.standard(ESCALATION).forEach(policy ->
        ok(SlaPolicyRepository.in(store).save(policy, Version.NEW), "SLA policy"));
    loyalty = LoyaltyDesk.of(store);
    ok(loyalty.defineProgram(CLUB, clubDraft(), START), "loyalty program");
    service = ServiceDesk.of(store, calendar);
    conversions = LeadConversions.of(store, CustomerRules.standard("CN"))
        .matching(DuplicateMatcher.standard(), Confidence.CERTAIN);
  }

  /** The standard program with a ladder for furniture spend and benefits that are no discounts. */
  private static ProgramDraft clubDraft() {
    ProgramDraft standard = LoyaltyPrograms.standard(CLUB, "Rosewood Club", ZONE, CNY, START)
        .draft();
    TierLadder ladder = new TierLadder(List.of(
        new Tier("member", "Member", List.empty(), benefits("1")),
        new Tier("silver", "Silver", List.of(
            new TierThreshold.QualifyingPoints(LoyaltyPrograms.TIER_CREDITS, 100_000)),
            benefits("1.25", "free-delivery")),
        new Tier("gold", "Gold", List.of(
            new TierThreshold.QualifyingPoints(LoyaltyPrograms.TIER_CREDITS, 300_000)),
            benefits("1.5", "free-delivery", "priority-booking")),
        new Tier("platinum", "Platinum", List.of(
            new TierThreshold.QualifyingPoints(LoyaltyPrograms.TIER_CREDITS, 600_000)),
            benefits("2", "free-delivery", "priority-booking", "personal-advisor"))),
        new TierWindow.CalendarYear(), Period.ofMonths(1), DowngradePolicy.ONE_LEVEL);
    return new ProgramDraft(standard.name(), standard.zone(), standard.spendCurrency(),
        standard.currencies(), standard.earnRules(), ladder, standard.referral(),
        standard.redemptionOrder(), standard.negativeBalance(), standard.pendingDays());
  }

  private static TierBenefits benefits(String multiplier, String... perks) {
    return new TierBenefits(Percentage.ZERO, new BigDecimal(multiplier), Option.none(),
        HashSet.of(perks));
  }

  // ---- the customer's journey ----

  private void acquire(int number) {
    String channel = random.nextDouble() < 0.6 ? STORE : CALL_CENTER;
    String name = SURNAMES[random.nextInt(SURNAMES.length)] + " "
        + GIVEN[random.nextInt(GIVEN.length)];
    String key = String.format(java.util.Locale.ROOT, "%05d", number);
    CustomerId customer = CustomerId.parse("C-" + key);
    Buyer buyer = new Buyer(customer, channel, exponential() / 100.0,
        Math.pow(random.nextDouble(), 2), 20 + 45 * (exponential() + exponential()),
        random.nextDouble());
    LeadId lead = LeadId.parse("L-" + key);
    EmployeeId seller = seller(channel);
    LeadDraft draft = LeadDraft.of(name).defaultRegion("CN")
        .phone("139" + String.format(java.util.Locale.ROOT, "%08d", 10_000_000 + number * 37))
        .email(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + key
            + "@example.cn")
        .source(channel, channel.equals(STORE) ? "showroom" : "hotline", null, null)
        .owner(seller.value());
    Transition<Lead> captured =
        io.rapport.crm.kernel.InvalidValueException.valueOrThrow(Lead.capture(lead, draft,
            stamp(now)));
    create(LeadRepository.TYPE, captured);
    counts.leads++;
    if (channel.equals(STORE)) {
      counts.storeVisits++;
    }
    OpportunityId deal = nextDeal();
    Product product = choose(buyer);
    Quantity weight = weigh(product, buyer);
    Quote quote = quote(customer, product, weight, channel);
    QuoteId quoteId = QuoteId.parse("Q-" + deal.value().substring(2));
    int days = 10 + random.nextInt(80);
    LocalDate close = now.plus(Duration.ofDays(days)).atZone(ZONE).toLocalDate();
    ok(conversions.convert(lead, LeadConversionRequest.newOrMatching(customer).withOpportunity(
        deal, RETAIL, who -> OpportunityDraft.of(product.name() + " for " + name, who, seller,
            "CNY").lineItem(LineItem.of(product.id(), weight, perJin)).expectedClose(close)
            .quote(quoteId)), stamp(now)), "conversion");
    counts.deals++;
    record(customer, channel, "First contact: " + product.name() + ", quoted "
        + quote.total() + " for " + weight, List.of(RecordRef.to(lead), RecordRef.to(deal)));
    pursue(buyer, deal, days, true);
  }

  /** Moves a deal through the pipeline over some days, then wins or loses it. */
  private void pursue(Buyer buyer, OpportunityId deal, int days, boolean firstDeal) {
    advance(buyer, deal, days, firstDeal, List.of("consultation", "proposal", "negotiation"));
  }

  private void advance(Buyer buyer, OpportunityId deal, int days, boolean firstDeal,
      List<String> stages) {
    Duration gap = Duration.ofHours(days * 6L);
    if (stages.nonEmpty()) {
      schedule(now.plus(gap), () -> {
        move(deal, stages.head());
        advance(buyer, deal, days, firstDeal, stages.tail());
      });
      return;
    }
    schedule(now.plus(gap), () -> {
      if (!firstDeal || random.nextDouble() < 0.62) {
        win(buyer, deal);
      } else {
        String reason = LOST_REASONS[random.nextInt(LOST_REASONS.length)];
        change(OpportunityRepository.TYPE, deal, d -> d.lose(reason, pipeline, stamp(now)));
        counts.lost++;
      }
    });
  }

  private void move(OpportunityId deal, String stage) {
    change(OpportunityRepository.TYPE, deal, d -> d.moveTo(StageCode.of(stage), pipeline,
        stamp(now)));
  }

  private void win(Buyer buyer, OpportunityId deal) {
    PurchaseId purchase = PurchaseId.parse(String.format(java.util.Locale.ROOT, "PU-%06d",
        ++purchaseNumber));
    DealClosing.Won won = ok(SalesServices.win(store, deal, purchase, PaymentTerms.PREPAID,
        buyer.channel, stamp(now)), "win");
    counts.won++;
    counts.purchases++;
    Transition<Purchase> paid = change(PurchaseRepository.TYPE, purchase,
        p -> p.recordPayment(p.balanceDue(), Option.some("TT-" + purchase.value()), stamp(now)));
    if (!buyer.member) {
      ok(loyalty.enroll(LoyaltyAccountId.parse("A-" + buyer.id.value().substring(2)), CLUB,
          buyer.id, Option.none(), stamp(now)), "enrolment");
      buyer.member = true;
    }
    ok(loyalty.onPurchase(CLUB, (PurchaseEvent) paid.events().last(), earning, stamp(now)),
        "points");
    if (random.nextDouble() < 0.3) {
      schedule(during(now.plus(Duration.ofDays(7 + random.nextInt(60)))),
          () -> complain(buyer));
    }
    if (random.nextDouble() >= buyer.dropout) {
      double waitDays = exponential() / buyer.ratePerDay;
      if (waitDays < 800) {
        schedule(during(now.plus(Duration.ofDays((long) Math.ceil(waitDays)))),
            () -> returnVisit(buyer));
      }
    }
  }

  /** The buyer comes back for another piece: a short deal that ends in a purchase. */
  private void returnVisit(Buyer buyer) {
    OpportunityId deal = nextDeal();
    Product product = choose(buyer);
    Quantity weight = weigh(product, buyer);
    Quote quote = quote(buyer.id, product, weight, buyer.channel);
    int days = 2 + random.nextInt(12);
    LocalDate close = now.plus(Duration.ofDays(days)).atZone(ZONE).toLocalDate();
    Transition<Opportunity> opened = io.rapport.crm.kernel.InvalidValueException.valueOrThrow(
        Opportunity.open(deal, OpportunityDraft.of(product.name() + " (return visit)", buyer.id,
            seller(buyer.channel), "CNY").lineItem(LineItem.of(product.id(), weight, perJin))
            .expectedClose(close).quote(QuoteId.parse("Q-" + deal.value().substring(2))),
            pipeline, stamp(now)));
    create(OpportunityRepository.TYPE, opened);
    counts.deals++;
    record(buyer.id, buyer.channel, "Came back for a " + product.name() + ", quoted "
        + quote.total(), List.of(RecordRef.to(deal)));
    pursue(buyer, deal, days, false);
  }

  /** A ticket under SLA: a reply, a resolution, a CSAT rating. */
  private void complain(Buyer buyer) {
    TicketId id = nextTicket();
    Channel.Kind origin = buyer.channel.equals(STORE) ? Channel.Kind.STORE_VISIT
        : Channel.Kind.CALL;
    String issue = ISSUES[random.nextInt(ISSUES.length)];
    ok(service.open(id, TicketDraft.of(issue, issue + " (purchase of " + buyer.id + ")",
        buyer.id, origin), stamp(now)), "ticket");
    counts.tickets++;
    handle(buyer, id);
  }

  /** The desk replies, then resolves; a buyer's own ticket is rated the next day. */
  private void handle(Buyer buyer, TicketId id) {
    double slow = random.nextDouble();
    double hard = random.nextDouble();
    Duration reply = Duration.ofMinutes(15 + (long) (Math.pow(slow, 4) * 600));
    Duration resolve = reply.plus(Duration.ofMinutes(120 + (long) (Math.pow(hard, 2) * 2600)));
    schedule(calendar.addWorkingTime(now, reply), () -> ok(service.update(id, stamp(now),
        (t, s) -> t.reply("We are on it: an artisan will call you.", s)), "reply"));
    schedule(calendar.addWorkingTime(now, resolve), () -> {
      ok(service.update(id, stamp(now), (t, s) -> t.resolve(s)), "resolution");
      if (buyer != null) {
        schedule(now.plus(Duration.ofHours(20)), () -> rate(buyer, id));
      }
    });
  }

  private void rate(Buyer buyer, TicketId id) {
    Ticket ticket = io.rapport.crm.persistence.service.TicketRepository.in(store).find(id).get()
        .value();
    boolean late = ticket.sla().isDefined() && !ticket.sla().get().marks().isEmpty();
    double draw = random.nextDouble() * (late ? 0.7 : 1.0) + buyer.mood * 0.15;
    int score = draw > 0.55 ? 5 : draw > 0.3 ? 4 : draw > 0.15 ? 3 : draw > 0.06 ? 2 : 1;
    ServiceDesk.Outcome outcome = ok(service.rate(id, score, Option.none(), nextTicket(),
        stamp(now)), "rating");
    if (outcome.followUp().isDefined()) {
      counts.followUps++;
      handle(null, outcome.followUp().get().value().id());
    }
    if (outcome.ticket().value().status() == TicketStatus.OPEN) {
      schedule(calendar.addWorkingTime(now, Duration.ofHours(6)), () -> ok(service.update(id,
          stamp(now), (t, s) -> t.resolve(s)), "second resolution"));
    }
  }

  /** The closing NPS survey: every customer is asked; about 60 % answer. */
  private void survey() {
    surveyDay = now.atZone(ZONE).toLocalDate();
    for (Versioned<io.rapport.crm.customer.Customer> customer : streamCustomers()) {
      counts.invited++;
      if (random.nextDouble() >= 0.6) {
        continue;
      }
      double draw = random.nextDouble();
      int score = draw < 0.45 ? 9 + random.nextInt(2) : draw < 0.78 ? 7 + random.nextInt(2)
          : random.nextInt(7);
      CustomerId who = customer.value().id();
      schedule(now.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))), () -> answer(who,
          score));
    }
  }

  private void answer(CustomerId customer, int score) {
    answers.add(SurveyAnswer.of(score, now));
    if (score <= 3) {
      Option<Versioned<Ticket>> followUp = ok(service.followUp(
          new NegativeSignal.DetractorAnswer(SURVEY, customer, score,
              Option.some("Not happy with the after-sales service"), now),
          nextTicket(), stamp(now)), "follow-up");
      if (followUp.isDefined()) {
        counts.followUps++;
        handle(null, followUp.get().value().id());
      }
    }
  }

  private java.util.List<Versioned<io.rapport.crm.customer.Customer>> streamCustomers() {
    try (var all = store.streamAll(io.rapport.crm.persistence.customer.CustomerRepository.TYPE)) {
      return all.collect(java.util.stream.Collectors.toList());
    }
  }

  // ---- helpers ----

  private Quote quote(CustomerId customer, Product product, Quantity weight, String channel) {
    Cart cart = new Cart(CNY, List.of(CartLine.of("1", product.id(), weight)),
        CustomerContext.ANONYMOUS, channel, now, HashSet.empty());
    return ok(QuoteEngine.quote(prices, rules, cart, CouponUsage.NONE), "quote for " + customer);
  }

  private Product choose(Buyer buyer) {
    double target = buyer.budgetJin * gamma6();
    Product best = CATALOGUE.head();
    for (Product product : CATALOGUE) {
      if (product.minJin() <= target) {
        best = product;
      }
    }
    return best;
  }

  private Quantity weigh(Product product, Buyer buyer) {
    double jin = product.minJin() + random.nextDouble() * (product.maxJin() - product.minJin());
    return Quantity.of(BigDecimal.valueOf(jin).setScale(1, RoundingMode.HALF_UP),
        QuantityUnit.JIN);
  }

  private double gamma6() {
    double sum = 0;
    for (int k = 0; k < 6; k++) {
      sum += exponential();
    }
    return sum / 6;
  }

  private double exponential() {
    return -Math.log(1 - random.nextDouble());
  }

  private EmployeeId seller(String channel) {
    return channel.equals(STORE) ? SELLERS[random.nextInt(3)] : SELLERS[3 + random.nextInt(2)];
  }

  private void record(CustomerId customer, String channel, String summary,
      List<RecordRef> links) {
    InteractionId id = InteractionId.parse(String.format(java.util.Locale.ROOT, "I-%06d",
        ++interactionNumber));
    var how = channel.equals(STORE)
        ? Channel.StoreVisit.validated(STORES[random.nextInt(STORES.length)])
        : Channel.Call.validated(Channel.Direction.INBOUND,
            Duration.ofMinutes(3 + random.nextInt(15)), Channel.CallOutcome.ANSWERED,
            Option.none(), Option.none());
    create(InteractionRepository.TYPE, io.rapport.crm.kernel.InvalidValueException.valueOrThrow(
        Interaction.record(id, customer, how, now, Option.none(), summary,
            HashSet.ofAll(links), stamp(now))));
    counts.interactions++;
  }

  /** Moves a time into the opening hours: the same day between 10:00 and 19:00, else the next. */
  private Instant during(Instant at) {
    java.time.ZonedDateTime local = at.atZone(ZONE);
    LocalTime time = LocalTime.of(10, 0).plusMinutes(random.nextInt(540));
    return local.toLocalDate().atTime(time).atZone(ZONE).toInstant();
  }

  private OpportunityId nextDeal() {
    return OpportunityId.parse(String.format(java.util.Locale.ROOT, "O-%06d", ++dealNumber));
  }

  private TicketId nextTicket() {
    return TicketId.parse(String.format(java.util.Locale.ROOT, "K-%06d", ++ticketNumber));
  }

  private void schedule(Instant at, Runnable action) {
    agenda.add(new Step(at.isBefore(now) ? now : at, sequence++, action));
  }

  private EventStamp stamp(Instant at) {
    return EventStamp.of(EventId.parse(String.format(java.util.Locale.ROOT, "ev-%08d",
        eventNumber += 10)), at, ActorId.parse("system:demo"));
  }

  private <I extends TypedId, A extends Aggregate<I>> void create(AggregateType<I, A> type,
      Transition<A> transition) {
    ok(store.inTransaction(tx -> {
      var saved = tx.repository(type).save(transition.state(), Version.NEW);
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      tx.publish(transition.events());
      return Either.right(transition.state());
    }), "new " + type);
  }

  private <I extends TypedId, A extends Aggregate<I>> Transition<A> change(
      AggregateType<I, A> type, I id,
      Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    return ok(store.inTransaction(tx -> {
      var repository = tx.repository(type);
      Option<Versioned<A>> found = repository.find(id);
      if (found.isEmpty()) {
        throw new IllegalStateException("The demo story lost " + id);
      }
      Either<? extends Rejection, Transition<A>> done = command.apply(found.get().value());
      if (done.isLeft()) {
        return Either.left(done.getLeft());
      }
      var saved = repository.save(done.get().state(), found.get().version());
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      tx.publish(done.get().events());
      return Either.right(done.get());
    }), "change of " + id);
  }

  /** Returns the value, or stops the story: a refusal here is a bug in the story, not input. */
  static <T> T ok(Either<? extends Rejection, T> result, String what) {
    if (result.isLeft()) {
      throw new IllegalStateException("The demo story failed at " + what + ": "
          + result.getLeft().code() + " " + result.getLeft().message());
    }
    return result.get();
  }
}
