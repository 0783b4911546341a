package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.Seq;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel money operations. Targets (docs/benchmarks.md): {@code plus} ≤ 20 ns, {@code allocate}
 * into 10 parts ≤ 300 ns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MoneyBenchmark {

  private static final Currency CNY = Currency.getInstance("CNY");

  private Money price = Money.of("49408.00", CNY);
  private Money deposit = Money.of("1234.56", CNY);
  private long[] tenRatios = {13, 7, 21, 3, 9, 30, 11, 2, 5, 17};
  private UnitPrice perJin = UnitPrice.of(Money.of("1280.00", CNY), QuantityUnit.JIN);
  private Quantity weight = Quantity.of("19.3", QuantityUnit.KILOGRAM);

  /** Adds two amounts of one currency. */
  @Benchmark
  public Money plus() {
    return price.plus(deposit);
  }

  /** Allocates an amount into 10 parts by ratio (largest remainder). */
  @Benchmark
  public Seq<Money> allocateIntoTenParts() {
    return price.allocate(tenRatios);
  }

  /** Splits an amount into 10 equal parts. */
  @Benchmark
  public Seq<Money> splitIntoTenParts() {
    return deposit.split(10);
  }

  /** Prices a weight in kilograms at a price per jin. */
  @Benchmark
  public Money priceByWeight() {
    return perJin.priceOf(weight, RoundingMode.HALF_UP);
  }
}
