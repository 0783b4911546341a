package io.rapport.crm.benchmarks;

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
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityDraft;
import io.rapport.crm.sales.OpportunityRejection;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Pipelines;
import io.rapport.crm.sales.StageCode;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures one stage move with guard evaluation, always from the same starting state, in the
 * seven-stage retail store pipeline ({@link Pipelines#retailStore}). The opportunity stands in
 * "Measurement and design" with an amount, an expected close date and a quote, and moves to
 * "Proposal" under two guards (amount and close date required): find the stages and the
 * transition, check the guards, build the next state with its history entry (the constructor
 * re-checks every invariant) and the event. Target (docs/benchmarks.md): ≤ 2 µs.
 *
 * <pre>
 * ./mvnw -B -ntp -o -q package -DskipTests -pl crm-benchmarks -am
 * java -jar crm-benchmarks/target/benchmarks.jar StageMove -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageMoveBenchmark {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final ActorId ACTOR = ActorId.parse("employee:E-li");
  private static final StageCode DESIGN = StageCode.of("design");
  private static final StageCode PROPOSAL = StageCode.of("proposal");

  Pipeline pipeline;
  Opportunity enteredAmount;
  Opportunity twoLineItems;
  EventStamp stamp;

  /** Builds the pipeline and the two opportunities in "Measurement and design". */
  @Setup
  public void setUp() {
    pipeline = Pipelines.retailStore(PipelineId.parse("P-retail"), stamp(0, 0)).state();
    enteredAmount = inDesign(draft().amount(Money.of("68000.00", CNY)));
    twoLineItems = inDesign(draft()
        .lineItem(LineItem.of(ProductId.parse("SKU-table"), Quantity.of("19.3",
            QuantityUnit.KILOGRAM), UnitPrice.of(Money.of("1280.00", CNY), QuantityUnit.JIN)))
        .lineItem(LineItem.of(ProductId.parse("SKU-chair"), Quantity.pieces(6),
            UnitPrice.of(Money.of("3800.00", CNY), QuantityUnit.PIECE))));
    stamp = stamp(9, 60);
    if (moveWithEnteredAmount().isLeft() || moveWithLineItems().isLeft()) {
      throw new IllegalStateException("The benchmark's move is refused");
    }
  }

  /** Moves from design to proposal, the amount entered by hand. */
  @Benchmark
  public Either<OpportunityRejection, Transition<Opportunity>> moveWithEnteredAmount() {
    return enteredAmount.moveTo(PROPOSAL, pipeline, stamp);
  }

  /** Moves from design to proposal, the amount the sum of two line items (one priced by weight). */
  @Benchmark
  public Either<OpportunityRejection, Transition<Opportunity>> moveWithLineItems() {
    return twoLineItems.moveTo(PROPOSAL, pipeline, stamp);
  }

  private OpportunityDraft draft() {
    return OpportunityDraft.of("Dining set for the Li family", CustomerId.parse("C-1001"),
        EmployeeId.parse("E-li"), CNY).expectedClose(LocalDate.parse("2026-12-20"))
        .quote(QuoteId.parse("Q-1")).stage("design");
  }

  private Opportunity inDesign(OpportunityDraft draft) {
    Opportunity opened = Opportunity.open(OpportunityId.parse("O-1"), draft, pipeline,
        stamp(1, 1)).get().state();
    if (!opened.stage().equals(DESIGN)) {
      throw new IllegalStateException("Expected the design stage, got " + opened.stage());
    }
    return opened;
  }

  private static EventStamp stamp(int n, long minutes) {
    return EventStamp.of(EventId.parse("ev-" + n), T0.plusSeconds(60 * minutes), ACTOR);
  }
}
