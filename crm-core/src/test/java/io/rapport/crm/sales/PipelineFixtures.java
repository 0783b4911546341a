package io.rapport.crm.sales;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.QuoteId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;
import org.quicktheories.QuickTheory;

/** Fixtures of the pipeline and opportunity tests, read as prose; and a fixed-seed QuickTheory. */
final class PipelineFixtures {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);
  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  static final ActorId LI_ACTOR = ActorId.parse("employee:E-li");
  static final EmployeeId LI = EmployeeId.parse("E-li");
  static final EmployeeId WANG = EmployeeId.parse("E-wang");
  static final CustomerId CUSTOMER = CustomerId.parse("C-1001");
  static final PipelineId RETAIL_ID = PipelineId.parse("P-retail");
  static final PipelineId GIFTS_ID = PipelineId.parse("P-gifts");
  static final OpportunityId DEAL_ID = OpportunityId.parse("O-1");
  static final QuoteId QUOTE = QuoteId.parse("Q-1");
  static final ProductId TABLE = ProductId.parse("SKU-table");
  static final LocalDate CLOSE = LocalDate.parse("2026-12-20");

  static final StageCode NEW = StageCode.of("new");
  static final StageCode CONSULTATION = StageCode.of("consultation");
  static final StageCode DESIGN = StageCode.of("design");
  static final StageCode PROPOSAL = StageCode.of("proposal");
  static final StageCode NEGOTIATION = StageCode.of("negotiation");
  static final StageCode WON = StageCode.of("won");
  static final StageCode LOST = StageCode.of("lost");

  private static final AtomicInteger EVENTS = new AtomicInteger();

  private PipelineFixtures() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Returns a stamp some minutes after T0. */
  static EventStamp at(long minutes) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()),
        T0.plus(Duration.ofMinutes(minutes)), LI_ACTOR);
  }

  static Pipeline retail() {
    return Pipelines.retailStore(RETAIL_ID, at(-10)).state();
  }

  static Pipeline gifts() {
    return Pipelines.corporateGifts(GIFTS_ID, at(-10)).state();
  }

  /** A rosewood table weighed in kilograms, priced per jin. */
  static LineItem tableLine() {
    return LineItem.of(TABLE, Quantity.of("19.3", QuantityUnit.KILOGRAM),
        UnitPrice.of(Money.of("1280.00", CNY), QuantityUnit.JIN));
  }

  static Money cny(String amount) {
    return Money.of(amount, CNY);
  }

  static OpportunityDraft diningSet() {
    return OpportunityDraft.of("Dining set for the Li family", CUSTOMER, LI, "CNY");
  }

  /** A fresh deal in the retail pipeline's first stage, opened at T0. */
  static Opportunity aNewDeal() {
    return Opportunity.open(DEAL_ID, diningSet(), retail(), at(0)).get().state();
  }

  /** A deal in Negotiation with an amount, a close date, a quote and one line, at T0 + 10 min. */
  static Opportunity aDealInNegotiation() {
    return Opportunity.open(DEAL_ID, diningSet().lineItem(tableLine()).expectedClose(CLOSE)
        .quote(QUOTE).stage("negotiation"), retail(), at(10)).get().state();
  }

  /** Returns the new state of an accepted command, or fails with the rejection. */
  static Opportunity accepted(Either<OpportunityRejection, Transition<Opportunity>> result) {
    if (result.isLeft()) {
      throw new AssertionError("Refused: " + result.getLeft().code() + " "
          + result.getLeft().message());
    }
    return result.get().state();
  }
}
