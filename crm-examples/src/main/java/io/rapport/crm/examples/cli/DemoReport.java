package io.rapport.crm.examples.cli;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.ExchangeRates;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.loyalty.Tier;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.SlaPolicyRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.value.PurchaseTransactions;
import io.rapport.crm.sales.Forecast;
import io.rapport.crm.sales.ForecastCategory;
import io.rapport.crm.sales.ForecastFigures;
import io.rapport.crm.sales.ForecastSpec;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.service.SlaMonitor;
import io.rapport.crm.service.SlaPhase;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.SlaTargetState;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.value.BgNbd;
import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.ClvTable;
import io.rapport.crm.value.Csat;
import io.rapport.crm.value.FitFailure;
import io.rapport.crm.value.FitResult;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModelClv;
import io.rapport.crm.value.Nps;
import io.rapport.crm.value.PeriodUnit;
import io.rapport.crm.value.RfmScores;
import io.rapport.crm.value.RfmSegments;
import io.rapport.crm.value.ScoreInterval;
import io.rapport.crm.value.SummaryPolicy;
import io.rapport.crm.value.SummaryTable;
import io.rapport.crm.value.SurveyAnswer;
import io.rapport.crm.value.SurveyAnswers;
import io.rapport.crm.value.SurveyScale;
import io.rapport.crm.value.TransactionLog;
import io.rapport.crm.value.TransactionSummaries;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the closing report of the demo story from what the store holds: the story in numbers,
 * the pipeline forecast, the loyalty tiers, SLA attainment and CSAT, NPS, RFM segments and the
 * customers with the highest predicted lifetime value.
 */
final class DemoReport {

  /** The CLV horizon: 12 months of 52/12 weeks, discounted 1 % a month, 35 % margin. */
  static final int HORIZON_MONTHS = 12;
  static final double WEEKS_PER_MONTH = 52.0 / 12;
  static final double MONTHLY_DISCOUNT = 0.01;
  static final double MARGIN = 0.35;

  private final CrmStore store;
  private final PrintWriter out;
  private final BusinessCalendar calendar;

  DemoReport(CrmStore store, PrintWriter out, BusinessCalendar calendar) {
    this.store = store;
    this.out = out;
    this.calendar = calendar;
  }

  void print(DemoStory.Counts counts, java.util.List<SurveyAnswer> answers,
      java.time.LocalDate surveyDay, int section) {
    java.util.List<Purchase> purchases = all(PurchaseRepository.TYPE);
    java.util.List<Opportunity> deals = all(OpportunityRepository.TYPE);
    Money revenue = Money.sum(DemoStory.CNY, purchases.stream().map(Purchase::total)
        .collect(Collectors.toList()));
    long open = deals.stream().filter(d -> d.status() == OpportunityStatus.OPEN).count();
    long buyers = purchases.stream().map(Purchase::customer).distinct().count();

    heading(section, "Two years, " + DemoStory.FIRST_DAY + " to " + DemoStory.LAST_DAY);
    Table story = new Table("what", "count");
    story.row("leads from calls and store visits", counts.leads);
    story.row("  from store visits", counts.storeVisits);
    story.row("  from the call center", counts.leads - counts.storeVisits);
    story.row("customers", count(CustomerRepository.TYPE));
    story.row("interactions recorded", counts.interactions);
    story.row("opportunities", deals.size());
    story.row("  won", deals.stream().filter(d -> d.status() == OpportunityStatus.WON).count());
    story.row("  lost", deals.stream().filter(d -> d.status() == OpportunityStatus.LOST).count());
    story.row("  still open", open);
    story.row("purchases, 100 % prepaid", purchases.size());
    story.row("buyers", buyers);
    story.row("service tickets", count(TicketRepository.TYPE));
    story.row("  follow-ups (low CSAT, NPS detractors)", counts.followUps);
    story.print(out);
    out.printf(Locale.ROOT, "   revenue %s, all at list price per jin, no discounts%n", revenue);
    out.println();

    heading(section + 1, "Pipeline forecast (retail store pipeline, as of " + DemoStory.LAST_DAY
        + ")");
    Forecast forecast = Forecast.compute(deals, ForecastSpec.of(DemoStory.CNY,
        ExchangeRates.empty(), DemoStory.LAST_DAY).inZone(DemoStory.ZONE));
    Table pipeline = new Table("category", "deals", "amount", "weighted");
    ForecastCategory[] order = {ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
        ForecastCategory.COMMIT, ForecastCategory.CLOSED, ForecastCategory.OMITTED};
    Money openAmount = Money.zero(DemoStory.CNY);
    Money openWeighted = Money.zero(DemoStory.CNY);
    for (ForecastCategory category : order) {
      ForecastFigures figures = forecast.total().of(category);
      pipeline.row(category.name().toLowerCase(Locale.ROOT).replace('_', ' '), figures.count(),
          figures.amount(), figures.weighted());
      if (category != ForecastCategory.CLOSED && category != ForecastCategory.OMITTED) {
        openAmount = openAmount.plus(figures.amount());
        openWeighted = openWeighted.plus(figures.weighted());
      }
    }
    pipeline.print(out);
    out.printf(Locale.ROOT, "   open pipeline: %d deals, %s, weighted forecast %s%n", open,
        openAmount, openWeighted);
    out.println();

    heading(section + 2, "Loyalty tiers (Rosewood Club, points on every prepaid purchase)");
    LoyaltyProgram program = LoyaltyProgramRepository.in(store).find(DemoStory.CLUB).get()
        .value();
    java.util.List<LoyaltyAccount> accounts = all(LoyaltyAccountRepository.TYPE);
    Table tiers = new Table("tier", "members", "share");
    for (Tier tier : program.ladder().tiers()) {
      long members = accounts.stream().filter(a -> a.tier().tier().equals(tier.code())).count();
      tiers.row(tier.name(), members, percent(members, accounts.size()));
    }
    tiers.row("all members", accounts.size(), percent(accounts.size(), accounts.size()));
    tiers.print(out);
    out.println();

    heading(section + 3, "Service under SLA (business calendar, Shanghai desk)");
    java.util.List<Ticket> tickets = all(TicketRepository.TYPE);
    Table sla = new Table("target", "met", "missed", "running", "attainment");
    for (SlaTargetKind target : new SlaTargetKind[] {SlaTargetKind.FIRST_RESPONSE,
        SlaTargetKind.RESOLUTION}) {
      int[] tally = new int[3];
      for (Ticket ticket : tickets) {
        if (ticket.sla().isEmpty()) {
          continue;
        }
        SlaPolicy policy = SlaPolicyRepository.in(store).find(ticket.sla().get().policy()).get()
            .value();
        for (SlaTargetState state : SlaMonitor.review(ticket, policy, calendar, DemoStory.END)
            .state().targets()) {
          if (state.target() != target || state.cycle() != 0) {
            continue;
          }
          SlaPhase phase = state.phase();
          tally[phase == SlaPhase.MET ? 0 : phase == SlaPhase.MET_LATE
              || phase == SlaPhase.BREACHED ? 1 : phase == SlaPhase.CANCELLED ? 2 : 2]++;
        }
      }
      sla.row(target.name().toLowerCase(Locale.ROOT).replace('_', ' '), tally[0], tally[1],
          tally[2], percent(tally[0], tally[0] + tally[1]));
    }
    sla.print(out);
    java.util.List<SurveyAnswer> ratings = new ArrayList<>();
    for (Ticket ticket : tickets) {
      ticket.satisfaction().forEach(s -> ratings.add(SurveyAnswer.of(s.score(), s.at())));
    }
    if (!ratings.isEmpty()) {
      Csat csat = Csat.of(SurveyAnswers.of(ratings), SurveyScale.ONE_TO_FIVE);
      double mean = ratings.stream().mapToInt(a -> a.score().get()).average().orElse(0);
      out.printf(Locale.ROOT, "   CSAT: %d ratings, %s satisfied (4 or 5 of 5), mean %s%n",
          csat.base(), percent(csat.satisfied(), csat.base()), Inputs.fixed(mean, 2));
    }
    out.println();

    heading(section + 4, "NPS survey (sent to every customer on " + surveyDay
        + "; a detractor at 3 or less gets a follow-up ticket)");
    if (answers.isEmpty()) {
      out.println("   nobody answered");
    } else {
      Nps nps = Nps.of(SurveyAnswers.of(answers));
      ScoreInterval interval = nps.interval(0.95);
      Table table = new Table("answer", "count", "share");
      table.row("promoters (9-10)", nps.promoters(), percent(nps.promoters(), nps.base()));
      table.row("passives (7-8)", nps.passives(), percent(nps.passives(), nps.base()));
      table.row("detractors (0-6)", nps.detractors(), percent(nps.detractors(), nps.base()));
      table.row("answers", nps.base(), percent(nps.base(), nps.base()));
      table.print(out);
      out.printf(Locale.ROOT,
          "   NPS %s, 95%% interval [%s, %s] (%d of %d customers answered)%n",
          Inputs.fixed(nps.score(), 1), Inputs.fixed(interval.low(), 1),
          Inputs.fixed(interval.high(), 1), nps.base(), counts.invited);
    }
    out.println();

    TransactionLog log = PurchaseTransactions.read(store, DemoStory.CNY, DemoStory.ZONE).log();
    heading(section + 5, "RFM segments (" + log.size() + " purchases of " + buyers
        + " buyers, as of " + DemoStory.LAST_DAY + ")");
    if (buyers == 0) {
      out.println("   no purchases");
      out.println();
      return;
    }
    SummaryTable days = TransactionSummaries.summarise(log, SummaryPolicy.of(PeriodUnit.DAYS,
        DemoStory.LAST_DAY));
    RfmScores scores = RfmScores.of(days);
    Table rfm = new Table("segment", "customers", "share");
    RfmSegments.standard().counts(scores).forEach(entry -> rfm.row(entry._1, entry._2,
        percent(entry._2, days.size())));
    rfm.print(out);
    out.println();

    heading(section + 6, "Customer lifetime value, next " + HORIZON_MONTHS
        + " months (BG/NBD + Gamma-Gamma)");
    SummaryTable weeks = TransactionSummaries.summarise(log, SummaryPolicy.of(PeriodUnit.WEEKS,
        DemoStory.LAST_DAY));
    Either<FitFailure, FitResult<BgNbd>> counting = BgNbd.fit(weeks);
    if (counting.isLeft()) {
      failed("BG/NBD", counting.getLeft());
      return;
    }
    Either<FitFailure, FitResult<GammaGamma>> spending = GammaGamma.fit(weeks);
    if (spending.isLeft()) {
      failed("Gamma-Gamma", spending.getLeft());
      return;
    }
    BgNbd model = counting.get().model();
    GammaGamma spend = spending.get().model();
    out.printf(Locale.ROOT, "   BG/NBD r=%s alpha=%s a=%s b=%s; Gamma-Gamma p=%s q=%s v=%s%n",
        Inputs.fixed(model.r(), 3), Inputs.fixed(model.alpha(), 3), Inputs.fixed(model.a(), 3),
        Inputs.fixed(model.b(), 3), Inputs.fixed(spend.p(), 3), Inputs.fixed(spend.q(), 3),
        Inputs.fixed(spend.v(), 1));
    ClvOptions options = io.rapport.crm.kernel.InvalidValueException.valueOrThrow(
        ClvOptions.validated(HORIZON_MONTHS, WEEKS_PER_MONTH, MONTHLY_DISCOUNT, MARGIN));
    ClvTable clv;
    try {
      clv = ModelClv.compute(weeks, model, spend, options);
    } catch (io.rapport.crm.kernel.InvalidValueException notComputable) {
      out.printf(Locale.ROOT, "   the CLV could not be computed: %s%n",
          notComputable.violations().mkString("; "));
      return;
    }
    java.util.List<Integer> rows = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < weeks.size(); i++) {
      rows.add(i);
      total += clv.clv(i);
    }
    rows.sort(Comparator.<Integer>comparingDouble(i -> -clv.clv(i))
        .thenComparing(i -> weeks.customer(i)));
    Table top = new Table("rank", "customer", "name", "purchases", "spend", "P(alive)",
        "next 12 m", "CLV");
    for (int rank = 0; rank < Math.min(10, rows.size()); rank++) {
      int i = rows.get(rank);
      CustomerId id = CustomerId.parse(weeks.customer(i));
      String name = CustomerRepository.in(store).find(id).map(c -> c.value().name().toString())
          .getOrElse("?");
      top.row(rank + 1, id.value(), name, weeks.frequency(i) + 1,
          Inputs.fixed(weeks.totalSpend(i), 2),
          Inputs.fixed(model.probabilityAlive(weeks.frequency(i), weeks.recency(i),
              weeks.age(i)), 3),
          Inputs.fixed(clv.expectedPurchases(i), 2), Inputs.fixed(clv.clv(i), 2));
    }
    top.print(out);
    out.printf(Locale.ROOT, "   CLV of all %d buyers: CNY %s (margin %d %%, 1 %% a month "
        + "discount)%n", weeks.size(), Inputs.fixed(total, 2), Math.round(MARGIN * 100));
  }

  private void failed(String model, FitFailure failure) {
    out.printf(Locale.ROOT, "   the %s fit failed: %s [%s]%n", model, failure.message(),
        failure.code());
  }

  private void heading(int number, String title) {
    out.println(number + ". " + title);
  }

  private <I extends TypedId, A extends Aggregate<I>> java.util.List<A> all(
      AggregateType<I, A> type) {
    try (Stream<Versioned<A>> stream = store.streamAll(type)) {
      return stream.map(Versioned::value).collect(Collectors.toList());
    }
  }

  private <I extends TypedId, A extends Aggregate<I>> long count(AggregateType<I, A> type) {
    try (Stream<Versioned<A>> stream = store.streamAll(type)) {
      return stream.count();
    }
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "-" : Inputs.fixed(100.0 * part / whole, 1) + " %";
  }

  /** A table of left-aligned text and right-aligned numbers, each column as wide as it needs. */
  static final class Table {
    private final String[] headers;
    private final java.util.List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
      this.headers = headers;
    }

    void row(Object... cells) {
      String[] text = new String[headers.length];
      for (int c = 0; c < headers.length; c++) {
        text[c] = String.valueOf(cells[c]);
      }
      rows.add(text);
    }

    void print(PrintWriter out) {
      int[] widths = new int[headers.length];
      boolean[] right = new boolean[headers.length];
      for (int c = 0; c < headers.length; c++) {
        widths[c] = headers[c].length();
        right[c] = c > 0;
      }
      for (String[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          widths[c] = Math.max(widths[c], row[c].length());
        }
      }
      right[0] = false;
      if (headers.length > 2 && headers[1].equals("customer")) {
        right[1] = false;
        right[2] = false;
        right[0] = true;
      }
      line(out, headers, widths, right);
      StringBuilder rule = new StringBuilder("   ");
      for (int c = 0; c < widths.length; c++) {
        rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
      }
      out.println(rule);
      for (String[] row : rows) {
        line(out, row, widths, right);
      }
    }

    private static void line(PrintWriter out, String[] cells, int[] widths, boolean[] right) {
      StringBuilder text = new StringBuilder("   ");
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) {
          text.append("  ");
        }
        String pad = " ".repeat(widths[c] - cells[c].length());
        text.append(right[c] ? pad + cells[c] : cells[c] + pad);
      }
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      out.println(text.substring(0, end));
    }
  }
}
