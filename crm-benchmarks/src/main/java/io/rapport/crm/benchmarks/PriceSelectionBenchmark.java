package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceRequest;
import io.rapport.crm.pricing.PriceSelection;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceSelector;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.PricingRejection;
import io.rapport.crm.pricing.QuantityBreak;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
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
 * Price selection in one CNY book of 10 000 entries: 3 000 products with a standing price (per
 * jin, with a sale price and two breaks), a store-channel variant and a gold-group variant each,
 * and 1 000 category defaults. No target yet; measured with {@code -bm sample} for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PriceSelectionBenchmark {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant AT = Instant.parse("2026-03-10T00:00:00Z");
  private static final int PRODUCTS = 3_000;
  private static final int CATEGORIES = 1_000;

  private Seq<PriceBook> books;
  private PriceList priceList;
  private PriceRequest productWithVariants;
  private PriceRequest standingProductPrice;
  private PriceRequest categoryDefault;

  /** Builds the book and the requests. */
  @Setup
  public void setUp() {
    java.util.List<PriceEntry> entries = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      PriceTarget target = new PriceTarget.ForProduct(ProductId.parse("p-" + i));
      long cents = 100_000L + i;
      entries.add(entry("p-" + i, target, cents, HashSet.empty(), HashSet.empty()));
      entries.add(entry("p-" + i + "-store", target, cents - 10, HashSet.of("store"),
          HashSet.empty()));
      entries.add(entry("p-" + i + "-gold", target, cents - 20, HashSet.empty(),
          HashSet.of("gold")));
    }
    for (int i = 0; i < CATEGORIES; i++) {
      entries.add(entry("c-" + i, new PriceTarget.ForCategory("c-" + i), 50_000L + i,
          HashSet.empty(), HashSet.empty()));
    }
    books = List.of(new PriceBook(PriceBookId.parse("cny-main"), "Rosewood CNY", CNY,
        Vector.ofAll(entries), AT));
    priceList = PriceList.of(books);
    Quantity weight = Quantity.of("19.3", QuantityUnit.KILOGRAM);
    productWithVariants = new PriceRequest(ProductId.parse("p-1500"), HashSet.of("c-500"),
        weight, CNY, "store", HashSet.of("gold"), AT);
    standingProductPrice = new PriceRequest(ProductId.parse("p-2999"), HashSet.of("c-999"),
        weight, CNY, "online", HashSet.empty(), AT);
    categoryDefault = new PriceRequest(ProductId.parse("q-7"), HashSet.of("c-500", "c-501"),
        weight, CNY, "store", HashSet.of("gold"), AT);
  }

  private static PriceEntry entry(String code, PriceTarget target, long cents,
      Set<String> channels, Set<String> groups) {
    UnitPrice list = perJin(cents);
    return new PriceEntry(code, target, list, Option.of(perJin(cents - 5)),
        List.of(new QuantityBreak(Quantity.of(10, QuantityUnit.JIN), perJin(cents - 6)),
            new QuantityBreak(Quantity.of(50, QuantityUnit.JIN), perJin(cents - 7))),
        channels, groups, Option.none(), Option.none(), Option.none());
  }

  private static UnitPrice perJin(long cents) {
    return UnitPrice.of(Money.ofMinor(cents, CNY), QuantityUnit.JIN);
  }

  /** Selects among a product's standing price and its channel and group variants. */
  @Benchmark
  public Either<PricingRejection, PriceSelection> productWithChannelAndGroupVariants() {
    return PriceSelector.select(books, productWithVariants);
  }

  /** Selects a product's standing price, its variants filtered out. */
  @Benchmark
  public Either<PricingRejection, PriceSelection> standingProductPrice() {
    return PriceSelector.select(books, standingProductPrice);
  }

  /** Selects a category default for a product without a price of its own. */
  @Benchmark
  public Either<PricingRejection, PriceSelection> categoryDefault() {
    return PriceSelector.select(books, categoryDefault);
  }

  /** The product with channel and group variants, through the indexed {@link PriceList}. */
  @Benchmark
  public Either<PricingRejection, PriceSelection> indexedProductWithVariants() {
    return priceList.select(productWithVariants);
  }

  /** The category default, through the indexed {@link PriceList}. */
  @Benchmark
  public Either<PricingRejection, PriceSelection> indexedCategoryDefault() {
    return priceList.select(categoryDefault);
  }
}
