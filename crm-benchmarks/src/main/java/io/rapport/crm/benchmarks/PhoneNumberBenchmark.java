package io.rapport.crm.benchmarks;

import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
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

/** Phone normalisation to E.164 with libphonenumber. Target (docs/benchmarks.md): ≤ 5 µs. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PhoneNumberBenchmark {

  private String[] typed = {"138 0013 8000", "+86 21 6288 8888", "(650) 253-0000", "030 901820"};
  private String[] regions = {"CN", "CN", "US", "DE"};
  private int next;

  /**
   * Normalises a number with a national trunk prefix ({@code 030 …} in Germany), which goes
   * through libphonenumber's general parser.
   */
  @Benchmark
  public Validation<Seq<Violation>, PhoneNumber> normaliseWithTrunkPrefix() {
    return PhoneNumber.validated(typed[3], regions[3], "phone");
  }

  /**
   * Normalises a number as a call-center agent types it, in the agent's region: a Chinese mobile,
   * a Shanghai landline with country code, a US number, a German number with trunk prefix.
   */
  @Benchmark
  public Validation<Seq<Violation>, PhoneNumber> normalise() {
    int i = next++ & 3;
    return PhoneNumber.validated(typed[i], regions[i], "phone");
  }
}
