package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactPoint;
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
import io.rapport.crm.kernel.QuoteId;
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
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates the sales package's types for property tests: stage codes and guards, pipelines, line
 * items, opportunities (also inside a given pipeline), purchases and leads. Every value is valid:
 * it keeps exactly the invariants the sales records' constructors check (see
 * docs/guides/sales-storage.md), and is built through the canonical constructors. Texts mix Latin
 * letters, punctuation and Chinese characters; amounts come in currencies with 0 to 4 minor-unit
 * digits; times fall between 2020 and 2030.
 *
 * <p>Use them in your own laws:
 * {@code Theories.qt().forAll(SalesGenerators.opportunities()).check(…)}.
 */
public final class SalesGenerators {

  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");
  private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
  private static final String CODE_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String CODE_REST = CODE_FIRST + "._-";
  private static final String NAME_FIRST = "abcdefghijklmnopqrstuvwxyz";
  private static final String[] STAGE_WORDS = {"prospecting", "qualification", "discovery", "demo",
      "proposal", "negotiation", "contract", "verbal", "closed-won", "closed-lost", "lost.no-show"};
  private static final String[] LOST_CODES = {"price", "competitor", "no-budget", "timing",
      "no-decision", "went_dark", "product.fit"};
  private static final String[] CHANNELS = {"store", "call-center", "web", "wechat", "trade-fair",
      "import"};
  private static final String[] CAMPAIGNS = {"spring-fair", "618", "双十一", "newsletter 2026"};
  private static final String[] ATTRIBUTES = {"wood.preference", "room", "style", "delivery_city",
      "source-detail"};
  private static final String[] DISQUALIFY_REASONS = {"no-budget", "not-reachable", "duplicate",
      "competitor", "spam"};
  private static final ForecastCategory[] OPEN_CATEGORIES = {ForecastCategory.OMITTED,
      ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT};
  private static final Gen<String> NAMES = WorkGenerators.texts(100);
  private static final Gen<String> LONG_NAMES = WorkGenerators.texts(200);
  private static final Gen<String> NOTES = WorkGenerators.texts(500);
  private static final Gen<String> ESSAYS = WorkGenerators.texts(1000);

  private SalesGenerators() {}

  private static <T> Option<T> maybe(RandomnessSource in, int percent, Gen<T> values) {
    return chance(in, percent) ? Option.of(values.generate(in)) : Option.none();
  }

  /** Returns codes of {@code [a-z0-9][a-z0-9._-]{0,63}}, short ones more often than long ones. */
  private static String code(RandomnessSource in, String first) {
    int length = chance(in, 80) ? 1 + pick(in, 12) : 1 + pick(in, 64);
    StringBuilder code = new StringBuilder(length);
    code.append(first.charAt(pick(in, first.length())));
    for (int i = 1; i < length; i++) {
      code.append(CODE_REST.charAt(pick(in, CODE_REST.length())));
    }
    return code.toString();
  }

  private static ActorId actor(RandomnessSource in) {
    return ActorId.parse("employee:E-" + pick(in, 40));
  }

  private static Instant after(RandomnessSource in, Instant at, Duration within) {
    return at.plusSeconds(pickLong(in, within.getSeconds() + 1));
  }

  private static LocalDate date(RandomnessSource in) {
    return FIRST_DAY.plusDays(pick(in, 4000));
  }

  private static Money nonNegative(RandomnessSource in, Currency currency) {
    long units = chance(in, 10) ? 0 : chance(in, 70) ? pickLong(in, 100_000_000L)
        : pickLong(in, 1_000_000_000_000L);
    return Money.ofMinor(units, currency);
  }

  private static Percentage probability(RandomnessSource in) {
    return chance(in, 70) ? Percentage.ofPercent(5L * pick(in, 21))
        : Percentage.ofBasisPoints(pick(in, 10_001));
  }

  /**
   * Returns stage codes: the usual words ({@code qualification}, {@code closed-won}, …) and others
   * of 1 to 64 lower-case letters, digits and {@code . _ -}, starting with a letter or digit.
   */
  public static Gen<StageCode> stageCodes() {
    return in -> StageCode.of(chance(in, 50) ? oneOf(in, STAGE_WORDS) : code(in, CODE_FIRST));
  }

  /**
   * Returns stage guards of every kind; minimum amounts are zero or positive, in a currency with 0
   * to 4 minor-unit digits.
   */
  public static Gen<StageGuard> stageGuards() {
    return in -> guard(in, KernelGenerators.currencies().generate(in));
  }

  private static StageGuard guard(RandomnessSource in, Currency currency) {
    switch (pick(in, 6)) {
      case 0:
        return new StageGuard.AmountRequired();
      case 1:
        return new StageGuard.CloseDateRequired();
      case 2:
        return new StageGuard.QuoteRequired();
      case 3:
        return new StageGuard.LineItemsRequired();
      case 4:
        return new StageGuard.NextStepRequired();
      default:
        return new StageGuard.MinimumAmount(nonNegative(in, currency));
    }
  }

  /**
   * Returns valid pipelines of 3 to 8 stages: 1 to 6 open ones (each with its own probability and
   * a category other than closed), exactly one won stage (100 %, closed) and one or two lost
   * stages (0 %, omitted); transitions only from open stages, to any other stage, each pair at
   * most once, always along the open stages in order and onwards to won and lost, with 0 to 3
   * guards of every kind; 1 to 4 lost reasons with distinct codes; at most one reopen rule per
   * closed kind, into an open stage, sometimes limited in time. Most are active.
   */
  public static Gen<Pipeline> pipelines() {
    return SalesGenerators::pipeline;
  }

  private static Pipeline pipeline(RandomnessSource in) {
    int lost = 1 + pick(in, 2);
    int open = 1 + pick(in, 7 - lost);
    java.util.LinkedHashSet<StageCode> codes = new java.util.LinkedHashSet<>();
    while (codes.size() < open + 1 + lost) {
      codes.add(stageCodes().generate(in));
    }
    List<StageCode> order = List.ofAll(codes);
    List<Stage> stages = List.empty();
    for (int i = 0; i < order.size(); i++) {
      StageCode code = order.get(i);
      String name = NAMES.generate(in);
      if (i < open) {
        stages = stages.append(new Stage(code, name, StageKind.OPEN, probability(in),
            oneOf(in, OPEN_CATEGORIES)));
      } else if (i == open) {
        stages = stages.append(new Stage(code, name, StageKind.WON, Percentage.ONE_HUNDRED,
            ForecastCategory.CLOSED));
      } else {
        stages = stages.append(new Stage(code, name, StageKind.LOST, Percentage.ZERO,
            ForecastCategory.OMITTED));
      }
    }
    Currency currency = KernelGenerators.currencies().generate(in);
    List<StageTransition> transitions = List.empty();
    for (int from = 0; from < open; from++) {
      for (int to = 0; to < stages.size(); to++) {
        boolean path = to == from + 1 || to > open;
        if (to != from && (path || chance(in, 25))) {
          List<StageGuard> guards = List.empty();
          for (int g = pick(in, 4); g > 0; g--) {
            guards = guards.append(guard(in, currency));
          }
          transitions = transitions.append(new StageTransition(order.get(from), order.get(to),
              guards));
        }
      }
    }
    java.util.LinkedHashSet<String> reasonCodes = new java.util.LinkedHashSet<>();
    for (int count = 1 + pick(in, 4); reasonCodes.size() < count; ) {
      reasonCodes.add(chance(in, 70) ? oneOf(in, LOST_CODES) : code(in, CODE_FIRST));
    }
    List<LostReason> lostReasons = List.ofAll(reasonCodes)
        .map(reason -> new LostReason(reason, LONG_NAMES.generate(in)));
    List<ReopenRule> reopenRules = List.empty();
    for (StageKind kind : new StageKind[] {StageKind.WON, StageKind.LOST}) {
      if (chance(in, 50)) {
        reopenRules = reopenRules.append(new ReopenRule(kind,
            chance(in, 60) ? Option.of(Duration.ofHours(1 + pick(in, 24 * 365)))
                : Option.none(),
            order.get(pick(in, open))));
      }
    }
    return new Pipeline(ids(PipelineId.KIND).generate(in), NAMES.generate(in), stages,
        transitions, lostReasons, reopenRules, chance(in, 80),
        instantsBetween(EARLIEST, LATEST).generate(in));
  }

  /**
   * Returns line items in a currency: priced by the piece or by weight (a weight quantity may be
   * in another unit than the price, such as kilograms of a price per jin), never a zero quantity,
   * with or without a discount of up to 100 % and a description.
   *
   * @param currency the currency of the unit price
   * @return the generator
   * @throws NullPointerException if currency is null
   */
  public static Gen<LineItem> lineItems(Currency currency) {
    requireNonNull(currency, "currency");
    return in -> lineItem(in, currency);
  }

  /** Returns line items in any generated currency, as {@link #lineItems(Currency)} makes them. */
  public static Gen<LineItem> lineItems() {
    return in -> lineItem(in, KernelGenerators.currencies().generate(in));
  }

  private static LineItem lineItem(RandomnessSource in, Currency currency) {
    QuantityUnit priced = QuantityUnit.values()[pick(in, QuantityUnit.values().length)];
    UnitPrice price = UnitPrice.of(BigDecimal.valueOf(pickLong(in, 10_000_001L),
        currency.getDefaultFractionDigits() + pick(in, 3)), currency, priced);
    Quantity quantity;
    if (priced.dimension() == QuantityUnit.Dimension.COUNT) {
      quantity = Quantity.of(1 + pick(in, 20), priced);
    } else {
      QuantityUnit weighed = chance(in, 50) ? priced
          : KernelGenerators.weightUnits().generate(in);
      quantity = Quantity.of(BigDecimal.valueOf(1 + pick(in, 100_000), pick(in, 4)), weighed);
    }
    Percentage discount = chance(in, 50) ? Percentage.ZERO : chance(in, 10)
        ? Percentage.ONE_HUNDRED : Percentage.ofBasisPoints(pick(in, 10_001));
    return new LineItem(ProductId.parse("P-" + pick(in, 500)), maybe(in, 40, NOTES), quantity,
        price, discount);
  }

  /**
   * Returns opportunities in generated pipelines, as {@link #opportunitiesIn(Pipeline)} makes
   * them.
   */
  public static Gen<Opportunity> opportunities() {
    return in -> opportunity(in, pipeline(in));
  }

  /**
   * Returns opportunities in a pipeline: open ones in an open stage, won ones in its won stage
   * (with a purchase), lost ones in a lost stage (with one of its lost reasons); with line items
   * or an entered amount or neither; probability and category from the stage or overridden (open
   * deals only); and a history of 1 to 8 entries in time order, starting at creation, through the
   * pipeline's open stages and ending with the current stage, amount, probability, category and
   * expected close date. A closed deal closed at its last history entry.
   *
   * @param pipeline the pipeline
   * @return the generator
   * @throws NullPointerException if pipeline is null
   */
  public static Gen<Opportunity> opportunitiesIn(Pipeline pipeline) {
    requireNonNull(pipeline, "pipeline");
    return in -> opportunity(in, pipeline);
  }

  private static Opportunity opportunity(RandomnessSource in, Pipeline pipeline) {
    Currency currency = KernelGenerators.currencies().generate(in);
    int roll = pick(in, 10);
    OpportunityStatus status = roll < 6 ? OpportunityStatus.OPEN
        : roll < 8 ? OpportunityStatus.WON : OpportunityStatus.LOST;
    StageKind kind = status == OpportunityStatus.OPEN ? StageKind.OPEN
        : status == OpportunityStatus.WON ? StageKind.WON : StageKind.LOST;
    List<Stage> openStages = pipeline.stages().filter(s -> s.kind() == StageKind.OPEN).toList();
    List<Stage> candidates = pipeline.stages().filter(s -> s.kind() == kind).toList();
    Stage stage = candidates.get(pick(in, candidates.size()));
    List<LineItem> lines = chance(in, 50) ? List.empty()
        : List.fill(1 + pick(in, 4), () -> lineItem(in, currency));
    Option<Money> entered = chance(in, 60) ? Option.of(nonNegative(in, currency)) : Option.none();
    Option<Money> amount = lines.isEmpty() ? entered
        : Option.of(Money.sum(currency, lines.map(LineItem::total)));
    Option<LocalDate> expectedClose = chance(in, 80) ? Option.of(date(in)) : Option.none();
    boolean open = status == OpportunityStatus.OPEN;
    boolean probabilityOverridden = open && chance(in, 25);
    Percentage probability = probabilityOverridden ? probability(in) : stage.probability();
    boolean categoryOverridden = open && chance(in, 20);
    ForecastCategory category = categoryOverridden ? oneOf(in, OPEN_CATEGORIES)
        : stage.category();
    Instant createdAt = instantsBetween(EARLIEST, LATEST).generate(in);
    int size = 1 + pick(in, 8);
    List<StageHistoryEntry> history = List.empty();
    Instant at = createdAt;
    for (int i = 0; i < size - 1; i++) {
      Stage passed = openStages.get(pick(in, openStages.size()));
      boolean overridden = chance(in, 20);
      history = history.append(new StageHistoryEntry(at, actor(in), passed.code(),
          chance(in, 60) ? Option.of(nonNegative(in, currency)) : Option.none(),
          overridden ? probability(in) : passed.probability(), overridden,
          passed.category(), false, chance(in, 70) ? Option.of(date(in)) : Option.none()));
      at = after(in, at, Duration.ofDays(30));
    }
    history = history.append(new StageHistoryEntry(at, actor(in), stage.code(), amount,
        probability, probabilityOverridden, category, categoryOverridden, expectedClose));
    Instant updatedAt = after(in, at, Duration.ofDays(10));
    List<String> competitors = List.fill(pick(in, 4), () -> LONG_NAMES.generate(in)).distinct();
    return new Opportunity(ids(OpportunityId.KIND).generate(in), LONG_NAMES.generate(in),
        CustomerId.parse("C-" + pick(in, 1000)), pipeline.id(), stage.code(), status,
        EmployeeId.parse("E-" + pick(in, 40)),
        chance(in, 50) ? Option.of(TeamId.parse("team-" + pick(in, 5))) : Option.none(),
        currency, entered, lines, expectedClose, probability, probabilityOverridden, category,
        categoryOverridden, competitors, maybe(in, 50, NOTES),
        chance(in, 30) ? Option.of(QuoteId.parse("Q-" + pick(in, 1000))) : Option.none(),
        chance(in, 30) ? Option.of(LeadId.parse("L-" + pick(in, 1000))) : Option.none(),
        status == OpportunityStatus.LOST
            ? Option.of(pipeline.lostReasons().get(pick(in, pipeline.lostReasons().size())))
            : Option.none(),
        status == OpportunityStatus.WON ? Option.of(ids(PurchaseId.KIND).generate(in))
            : Option.none(),
        createdAt, actor(in), updatedAt, open ? Option.none() : Option.of(at), history);
  }

  /**
   * Returns payment terms: fully prepaid, net 0 to 90 days, or any prepayment from 0 to 100 % with
   * 0 to 3650 days to pay the rest.
   */
  public static Gen<PaymentTerms> paymentTerms() {
    return SalesGenerators::terms;
  }

  private static PaymentTerms terms(RandomnessSource in) {
    switch (pick(in, 3)) {
      case 0:
        return new PaymentTerms(Percentage.ONE_HUNDRED, 0);
      case 1:
        return new PaymentTerms(Percentage.ZERO, new int[] {0, 15, 30, 60, 90}[pick(in, 5)]);
      default:
        return new PaymentTerms(Percentage.ofBasisPoints(pick(in, 10_001)), pick(in, 3651));
    }
  }

  /**
   * Returns purchases of 1 to 4 lines in one currency with the total of their totals, on any
   * terms; paid in 0 to 3 positive payments of at most the total and refunded in 0 to 2 positive
   * refunds of at most what was paid, all at or after the purchase and in time order; sometimes
   * delivered; last updated at or after every one of these times.
   */
  public static Gen<Purchase> purchases() {
    return SalesGenerators::purchase;
  }

  private static Purchase purchase(RandomnessSource in) {
    Currency currency = KernelGenerators.currencies().generate(in);
    List<LineItem> lines = List.fill(1 + pick(in, 4), () -> lineItem(in, currency));
    Money total = Money.sum(currency, lines.map(LineItem::total));
    Instant purchasedAt = instantsBetween(EARLIEST, LATEST).generate(in);
    Instant last = purchasedAt;
    long paid = chance(in, 70) && total.isPositive()
        ? 1 + pickLong(in, total.toMinorUnits()) : 0;
    List<Payment> payments = List.empty();
    for (long part : parts(in, paid, 1 + pick(in, 3))) {
      last = after(in, last, Duration.ofDays(20));
      payments = payments.append(payment(in, last, Money.ofMinor(part, currency)));
    }
    long refunded = paid > 0 && chance(in, 30) ? 1 + pickLong(in, paid) : 0;
    List<Payment> refunds = List.empty();
    for (long part : parts(in, refunded, 1 + pick(in, 2))) {
      last = after(in, last, Duration.ofDays(20));
      refunds = refunds.append(payment(in, last, Money.ofMinor(part, currency)));
    }
    Option<Instant> deliveredAt = chance(in, 60)
        ? Option.of(after(in, purchasedAt, Duration.ofDays(60))) : Option.none();
    Instant latest = deliveredAt.isDefined() && deliveredAt.get().isAfter(last)
        ? deliveredAt.get() : last;
    return new Purchase(ids(PurchaseId.KIND).generate(in), CustomerId.parse("C-" + pick(in, 1000)),
        chance(in, 40) ? Option.of(OpportunityId.parse("O-" + pick(in, 1000))) : Option.none(),
        chance(in, 70) ? oneOf(in, CHANNELS) : code(in, CODE_FIRST), lines, total, terms(in),
        purchasedAt, actor(in), payments, refunds, deliveredAt,
        after(in, latest, Duration.ofDays(5)));
  }

  private static Payment payment(RandomnessSource in, Instant at, Money amount) {
    return new Payment(at, actor(in), amount,
        chance(in, 50) ? Option.of("ref-" + pick(in, 100_000)) : Option.none());
  }

  /** Splits a positive amount of minor units into up to {@code count} positive parts. */
  private static List<Long> parts(RandomnessSource in, long amount, int count) {
    List<Long> parts = List.empty();
    long remaining = amount;
    int left = (int) Math.min(count, amount);
    for (; left > 1; left--) {
      long part = 1 + pickLong(in, remaining - (left - 1));
      parts = parts.append(part);
      remaining -= part;
    }
    return remaining > 0 ? parts.append(remaining) : parts;
  }

  /** Returns qualifications with each of budget, decision maker, need and timeline often unknown. */
  public static Gen<Qualification> qualifications() {
    return in -> qualification(in, KernelGenerators.currencies().generate(in));
  }

  private static Qualification qualification(RandomnessSource in, Currency currency) {
    return new Qualification(
        chance(in, 50) ? Option.of(nonNegative(in, currency)) : Option.none(),
        chance(in, 50) ? Option.of(chance(in, 50)) : Option.none(),
        maybe(in, 50, ESSAYS),
        chance(in, 50) ? Option.of(date(in)) : Option.none());
  }

  /**
   * Returns leads of every status: with contact points, an acquisition source (often a campaign),
   * a qualification, distinct product interests, attributes, a score of 0 to 100, an owner and a
   * team, each often absent; disqualified ones with a disqualification and converted ones with a
   * conversion, made between creation and the last update.
   */
  public static Gen<Lead> leads() {
    return in -> lead(in, LeadStatus.values()[pick(in, LeadStatus.values().length)]);
  }

  /**
   * Returns leads of one status, as {@link #leads()} makes them.
   *
   * @param status the status
   * @return the generator
   * @throws NullPointerException if status is null
   */
  public static Gen<Lead> leads(LeadStatus status) {
    requireNonNull(status, "status");
    return in -> lead(in, status);
  }

  private static Lead lead(RandomnessSource in, LeadStatus status) {
    Currency currency = KernelGenerators.currencies().generate(in);
    List<ContactPoint> points = CustomerGenerators.contactPoints().generate(in);
    AcquisitionSource source = new AcquisitionSource(oneOf(in, CHANNELS),
        chance(in, 60) ? Option.of(oneOf(in, CAMPAIGNS)) : Option.none(),
        chance(in, 10) ? Option.of("https://example.com/?q=紫檀") : Option.none(),
        chance(in, 10) ? Option.of(CustomerId.parse("C-" + pick(in, 1000))) : Option.none());
    List<ProductId> interests = List.fill(pick(in, 4), () -> ProductId.parse("P-" + pick(in, 50)))
        .distinct();
    SortedMap<String, String> attributes = TreeMap.empty();
    for (int i = pick(in, 4); i > 0; i--) {
      attributes = attributes.put(chance(in, 70) ? oneOf(in, ATTRIBUTES) : code(in, NAME_FIRST),
          ESSAYS.generate(in));
    }
    Instant createdAt = instantsBetween(EARLIEST, LATEST).generate(in);
    Instant updatedAt = after(in, createdAt, Duration.ofDays(60));
    Instant decidedAt = createdAt.plusSeconds(
        pickLong(in, Duration.between(createdAt, updatedAt).getSeconds() + 1));
    return new Lead(ids(LeadId.KIND).generate(in), status, LONG_NAMES.generate(in),
        maybe(in, 40, LONG_NAMES), points, source, chance(in, 20) ? Qualification.UNKNOWN
            : qualification(in, currency), interests,
        chance(in, 50) ? Option.of(nonNegative(in, currency)) : Option.none(), attributes,
        chance(in, 60) ? Option.of(pick(in, 101)) : Option.none(),
        chance(in, 70) ? Option.of(EmployeeId.parse("E-" + pick(in, 40))) : Option.none(),
        chance(in, 50) ? Option.of(TeamId.parse("team-" + pick(in, 5))) : Option.none(),
        status == LeadStatus.DISQUALIFIED ? Option.of(new Disqualification(
            chance(in, 70) ? oneOf(in, DISQUALIFY_REASONS) : code(in, CODE_FIRST),
            maybe(in, 50, ESSAYS), decidedAt, actor(in))) : Option.none(),
        status == LeadStatus.CONVERTED ? Option.of(new Conversion(
            CustomerId.parse("C-" + pick(in, 1000)), chance(in, 30),
            chance(in, 60) ? Option.of(OpportunityId.parse("O-" + pick(in, 1000)))
                : Option.none(), decidedAt, actor(in))) : Option.none(),
        createdAt, actor(in), updatedAt);
  }
}
