package io.rapport.crm.benchmarks;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.persistence.json.JsonCodec;
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
 * The JSON codec. Target (docs/benchmarks.md): encode + decode of a customer with 20 contact
 * points ≤ 20 µs: the real {@link Customer} aggregate with names, 20 contact points (emails,
 * phones, messaging handles), tags, typed attributes, a lifecycle history and consent records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonCodecBenchmark {

  private JsonCodec codec;
  private Customer customer;
  private String document;

  /** Builds the codec and a customer with 20 contact points. */
  @org.openjdk.jmh.annotations.Setup
  public void setUp() {
    codec = JsonCodec.standard();
    customer = Fixtures.customerWithContactPoints("C-1001", 20);
    document = codec.encodeDocument(customer);
  }

  /** Writes and reads back the customer document. */
  @Benchmark
  public Customer encodeAndDecode() {
    return codec.decodeDocument(codec.encodeDocument(customer), Customer.class);
  }

  /** Reads the customer document. */
  @Benchmark
  public Customer decode() {
    return codec.decodeDocument(document, Customer.class);
  }
}
