package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.json.JsonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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
 * points ≤ 20 µs. The customer aggregate arrives with the customers issue; until then this
 * measures a document of the same shape and size: an id, names, 20 contact points and money.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonCodecBenchmark {

  /** A contact point as the customers issue will hold it. */
  public record ContactPoint(String kind, String value, boolean primary, boolean verified,
      Instant since) {}

  /** A customer-shaped document. */
  public record CustomerShape(CustomerId id, String displayName, String familyName,
      String givenName, List<ContactPoint> contactPoints, List<String> tags, Money lifetimeValue) {}

  private JsonCodec codec;
  private CustomerShape customer;
  private String document;

  /** Builds the codec and a customer with 20 contact points. */
  @org.openjdk.jmh.annotations.Setup
  public void setUp() {
    codec = JsonCodec.standard().register("customer_shape", CustomerShape.class);
    List<ContactPoint> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      points.add(new ContactPoint(i % 3 == 0 ? "phone" : i % 3 == 1 ? "email" : "wechat",
          i % 3 == 0 ? "+8613800138" + String.format("%03d", i) : "customer" + i + "@example.com",
          i == 0, i % 2 == 0, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * i)));
    }
    customer = new CustomerShape(CustomerId.parse("C-1001"), "王小明", "王", "小明", points,
        List.of("vip", "rosewood", "call-center"), Money.of("122752.00", Currency.getInstance("CNY")));
    document = codec.encodeDocument(customer);
  }

  /** Writes and reads back the customer document. */
  @Benchmark
  public CustomerShape encodeAndDecode() {
    return codec.decodeDocument(codec.encodeDocument(customer), CustomerShape.class);
  }

  /** Reads the customer document. */
  @Benchmark
  public CustomerShape decode() {
    return codec.decodeDocument(document, CustomerShape.class);
  }
}
