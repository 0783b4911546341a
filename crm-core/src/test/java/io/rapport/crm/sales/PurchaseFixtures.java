package io.rapport.crm.sales;

import static io.rapport.crm.sales.LeadFixtures.AGENT;
import static io.rapport.crm.sales.LeadFixtures.T0;
import static io.rapport.crm.sales.LeadFixtures.stamp;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/** Shared purchases and opportunities of the purchase tests. */
final class PurchaseFixtures {

  static final Currency CNY = Currency.getInstance("CNY");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final PurchaseId PURCHASE_ID = PurchaseId.parse("PU-1");
  static final OpportunityId OPPORTUNITY_ID = OpportunityId.parse("O-1");

  /** A day after {@link LeadFixtures#T0}: when the won opportunity closed. */
  static final Instant CLOSED_AT = T0.plus(Duration.ofDays(1));

  private PurchaseFixtures() {}

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  /**
   * A rosewood tea table sold by weight (12.5 jin at CNY 1280.00/jin: CNY 16000.00) and two
   * stools at CNY 3800.00 with 5 % off (CNY 7220.00): CNY 23220.00 in all.
   */
  static PurchaseDraft aStorePurchase() {
    return PurchaseDraft.forCustomer("C-1001")
        .channel("store")
        .line("P-tea-table", "12.5", "jin", "1280.00", "CNY")
        .line("P-stool", "Matching stool", "2", "pc", "3800.00", "CNY", "pc", "5%");
  }

  /** Returns the recorded purchase of {@link #aStorePurchase()} on some terms, at T0. */
  static Purchase aPurchase(PaymentTerms terms) {
    return Purchase.record(PURCHASE_ID, aStorePurchase().terms(terms), stamp(T0)).get().state();
  }

  /** Returns a recorded purchase of one piece at a price, on some terms, at T0. */
  static Purchase onePieceAt(Money price, PaymentTerms terms) {
    return Purchase.record(PURCHASE_ID, PurchaseDraft.forCustomer("C-1001").channel("web")
        .line(aLine(price)).terms(terms), stamp(T0)).get().state();
  }

  static LineItem aLine(Money price) {
    return new LineItem(ProductId.parse("P-1"), Option.none(), Quantity.pieces(1),
        UnitPrice.of(price, QuantityUnit.PIECE), Percentage.ZERO);
  }

  /** The line items of the won opportunity: 10 jin of huanghuali at CNY 3000.00/jin. */
  static Seq<LineItem> wonLines() {
    return List.of(new LineItem(ProductId.parse("P-huanghuali"), Option.of("Hainan huanghuali"),
        Quantity.of("10", QuantityUnit.JIN), UnitPrice.of(cny("3000.00"), QuantityUnit.JIN),
        Percentage.ZERO));
  }

  /** Returns an opportunity opened at T0 and won a day later, naming purchase PU-1. */
  static Opportunity aWonOpportunity(Seq<LineItem> lines, Option<Money> entered) {
    Option<Money> amount = lines.isEmpty() ? entered
        : Option.of(Money.sum(CNY, lines.map(LineItem::total)));
    StageHistoryEntry opened = new StageHistoryEntry(T0, AGENT, StageCode.of("qualify"), amount,
        Percentage.ofPercent(20), false, ForecastCategory.PIPELINE, false, Option.none());
    StageHistoryEntry won = new StageHistoryEntry(CLOSED_AT, AGENT, StageCode.of("won"), amount,
        Percentage.ONE_HUNDRED, false, ForecastCategory.CLOSED, false, Option.none());
    return new Opportunity(OPPORTUNITY_ID, "Huanghuali for the Li family", CUSTOMER,
        PipelineId.parse("PL-1"), StageCode.of("won"), OpportunityStatus.WON,
        EmployeeId.parse("E-li"), Option.none(), CNY, entered, lines, Option.none(),
        Percentage.ONE_HUNDRED, false, ForecastCategory.CLOSED, false, List.empty(),
        Option.none(), Option.none(), Option.none(), Option.none(), Option.of(PURCHASE_ID), T0,
        AGENT, CLOSED_AT, Option.of(CLOSED_AT), List.of(opened, won));
  }

  /** Returns an open opportunity, opened at T0. */
  static Opportunity anOpenOpportunity() {
    Option<Money> amount = Option.of(Money.sum(CNY, wonLines().map(LineItem::total)));
    StageHistoryEntry opened = new StageHistoryEntry(T0, AGENT, StageCode.of("qualify"), amount,
        Percentage.ofPercent(20), false, ForecastCategory.PIPELINE, false, Option.none());
    return new Opportunity(OPPORTUNITY_ID, "Huanghuali for the Li family", CUSTOMER,
        PipelineId.parse("PL-1"), StageCode.of("qualify"), OpportunityStatus.OPEN,
        EmployeeId.parse("E-li"), Option.none(), CNY, Option.none(), wonLines(), Option.none(),
        Percentage.ofPercent(20), false, ForecastCategory.PIPELINE, false, List.empty(),
        Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), T0, AGENT, T0,
        Option.none(), List.of(opened));
  }
}
