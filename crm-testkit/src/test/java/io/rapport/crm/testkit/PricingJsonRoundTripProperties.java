package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.CODEC;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRefused;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTrips;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTripsAsValue;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.edit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.QuantityBreak;
import io.rapport.crm.testkit.generators.PricingGenerators;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every price book, entry and target round-trips through JSON; the hand-written rosewood book of
 * docs/guides/pricing-storage.md reads as documented; and reading reports every problem at once
 * with its path, the book's own rules (checked by its constructor) under the fields they name;
 * and mutated documents raise nothing but CodecExceptions.
 */
class PricingJsonRoundTripProperties {

  /** The book of docs/guides/pricing-storage.md, as a host writes it by hand. */
  static final String ROSEWOOD_BOOK = "{\"schemaVersion\":1,\"type\":\"price_book\",\"data\":{"
      + "\"id\":\"PB-rosewood-cny\",\"name\":\"Rosewood 红木 CNY 2026\",\"currency\":\"CNY\","
      + "\"entries\":["
      + "{\"code\":\"armchair.list\","
      + "\"target\":{\"kind\":\"product\",\"product\":\"PRD-ming-armchair\"},"
      + "\"list\":{\"amount\":\"1280.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"breaks\":[{\"minimum\":{\"amount\":\"100\",\"unit\":\"jin\"},"
      + "\"price\":{\"amount\":\"1200.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}},"
      + "{\"minimum\":{\"amount\":\"100\",\"unit\":\"kg\"},"
      + "\"price\":{\"amount\":\"2300.00\",\"currency\":\"CNY\",\"unit\":\"kg\"}}],"
      + "\"cost\":{\"amount\":\"700.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"floor\":{\"amount\":\"1100.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}},"
      + "{\"code\":\"chairs.default\",\"target\":{\"kind\":\"category\",\"category\":\"chairs\"},"
      + "\"list\":{\"amount\":\"980.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}},"
      + "{\"code\":\"armchair.store\","
      + "\"target\":{\"kind\":\"product\",\"product\":\"PRD-ming-armchair\"},"
      + "\"list\":{\"amount\":\"1250.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"channels\":[\"store\"]},"
      + "{\"code\":\"armchair.gold\","
      + "\"target\":{\"kind\":\"product\",\"product\":\"PRD-ming-armchair\"},"
      + "\"list\":{\"amount\":\"1216.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"customerGroups\":[\"gold\"]},"
      + "{\"code\":\"golden-week\","
      + "\"target\":{\"kind\":\"product\",\"product\":\"PRD-ming-armchair\"},"
      + "\"list\":{\"amount\":\"1280.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"sale\":{\"amount\":\"1150.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
      + "\"channels\":[\"call-center\",\"store\"],"
      + "\"validity\":{\"start\":\"2026-09-30T16:00:00Z\",\"end\":\"2026-10-07T16:00:00Z\"}}],"
      + "\"updatedAt\":\"2026-09-01T02:00:00Z\"}}";

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final PriceTarget ARMCHAIR =
      new PriceTarget.ForProduct(ProductId.parse("PRD-ming-armchair"));

  private static UnitPrice cny(String amount, QuantityUnit unit) {
    return UnitPrice.of(new java.math.BigDecimal(amount), CNY, unit);
  }

  private static PriceEntry plain(String code, PriceTarget target, UnitPrice list) {
    return new PriceEntry(code, target, list, Option.none(), Vector.empty(), HashSet.empty(),
        HashSet.empty(), Option.none(), Option.none(), Option.none());
  }

  /** The rosewood book, built with the canonical constructors. */
  static PriceBook rosewoodBook() {
    PriceEntry list = new PriceEntry("armchair.list", ARMCHAIR,
        cny("1280.00", QuantityUnit.JIN), Option.none(),
        Vector.of(new QuantityBreak(Quantity.of(100, QuantityUnit.JIN),
                cny("1200.00", QuantityUnit.JIN)),
            new QuantityBreak(Quantity.of(100, QuantityUnit.KILOGRAM),
                cny("2300.00", QuantityUnit.KILOGRAM))),
        HashSet.empty(), HashSet.empty(), Option.none(),
        Option.of(cny("700.00", QuantityUnit.JIN)), Option.of(cny("1100.00", QuantityUnit.JIN)));
    PriceEntry category = plain("chairs.default", new PriceTarget.ForCategory("chairs"),
        cny("980.00", QuantityUnit.JIN));
    PriceEntry store = new PriceEntry("armchair.store", ARMCHAIR,
        cny("1250.00", QuantityUnit.JIN), Option.none(), Vector.empty(), HashSet.of("store"),
        HashSet.empty(), Option.none(), Option.none(), Option.none());
    PriceEntry gold = new PriceEntry("armchair.gold", ARMCHAIR, cny("1216.00", QuantityUnit.JIN),
        Option.none(), Vector.empty(), HashSet.empty(), HashSet.of("gold"), Option.none(),
        Option.none(), Option.none());
    PriceEntry goldenWeek = new PriceEntry("golden-week", ARMCHAIR,
        cny("1280.00", QuantityUnit.JIN), Option.of(cny("1150.00", QuantityUnit.JIN)),
        Vector.empty(), HashSet.of("call-center", "store"), HashSet.empty(),
        Option.of(TimeWindow.of(Instant.parse("2026-09-30T16:00:00Z"),
            Instant.parse("2026-10-07T16:00:00Z"))), Option.none(), Option.none());
    return new PriceBook(PriceBookId.parse("PB-rosewood-cny"), "Rosewood 红木 CNY 2026", CNY,
        Vector.of(list, category, store, gold, goldenWeek),
        Instant.parse("2026-09-01T02:00:00Z"));
  }

  /** Returns the violations a constructor throws, or none. */
  private static Seq<Violation> violationsOf(Supplier<?> constructor) {
    try {
      constructor.get();
      return List.empty();
    } catch (InvalidValueException invalid) {
      return invalid.violations();
    }
  }

  private static JsonNode tree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static CodecException refusal(String json) {
    try {
      CODEC.decodeDocument(json, PriceBook.class);
    } catch (CodecException refused) {
      return refused;
    }
    throw new AssertionError("Expected " + json + " to be refused");
  }

  @Test
  void booksRoundTrip() {
    assertRoundTrips(PricingGenerators.books(), PriceBook.class);
  }

  @Test
  void entriesAndTargetsRoundTripAsValues() {
    assertRoundTripsAsValue(PricingGenerators.entries(), PriceEntry.class);
    assertRoundTripsAsValue(PricingGenerators.targets(), PriceTarget.class);
  }

  @Test
  void theRosewoodBookOfTheGuideReadsAsDocumented() {
    PriceBook book = CODEC.decodeDocument(ROSEWOOD_BOOK, PriceBook.class);
    assertThat(book).isEqualTo(rosewoodBook());
    assertThat(book.entries().get(0).list().priceOf(Quantity.of("38.6", QuantityUnit.JIN),
        java.math.RoundingMode.HALF_EVEN).amount()).isEqualByComparingTo("49408.00");
    assertThat(CODEC.decodeDocument(CODEC.encodeDocument(book), PriceBook.class)).isEqualTo(book);
  }

  @Test
  void theShapesAreTheDocumentedOnes() {
    String json = CODEC.encode(rosewoodBook());
    assertThat(json).contains("\"target\":{\"kind\":\"product\",\"product\":\"PRD-ming-armchair\"}")
        .contains("\"target\":{\"kind\":\"category\",\"category\":\"chairs\"}")
        .contains("\"list\":{\"amount\":\"1280.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}")
        .contains("\"minimum\":{\"amount\":\"100\",\"unit\":\"kg\"}")
        .contains("\"channels\":[\"call-center\",\"store\"]")
        .contains("\"validity\":{\"start\":\"2026-09-30T16:00:00Z\"")
        .doesNotContain("\"sale\":null").doesNotContain("\"customerGroups\":[]")
        .doesNotContain("\"breaks\":[]");
  }

  @Test
  void aSingleStructuralMistakeIsReportedWithItsCodeAndPath() {
    assertRefused(ROSEWOOD_BOOK.replace("\"kind\":\"category\"", "\"kind\":\"brand\""),
        PriceBook.class, "json.invalid_value", "$.data.entries[1].target.kind");
    assertRefused(ROSEWOOD_BOOK.replace("\"currency\":\"CNY\",\"entries\"",
        "\"currency\":\"RMB\",\"entries\""), PriceBook.class, "json.invalid_value",
        "$.data.currency");
    assertRefused(ROSEWOOD_BOOK.replace("\"channels\":[\"store\"]", "\"channel\":[\"store\"]"),
        PriceBook.class, "json.unknown_property", "$.data.entries[2].channel");
    assertRefused(ROSEWOOD_BOOK.replace("\"customerGroups\":[\"gold\"]",
        "\"customerGroups\":[\"gold\",\"gold\"]"), PriceBook.class, "json.invalid_value",
        "$.data.entries[3].customerGroups");
  }

  @Test
  void aBookWithSeveralMistakesReportsEveryOneWithItsPath() {
    String broken = ROSEWOOD_BOOK
        .replace("\"unit\":\"kg\"},\"price\"", "\"unit\":\"catty\"},\"price\"")
        .replace("{\"kind\":\"category\",\"category\":\"chairs\"}", "{\"kind\":\"category\"}")
        .replace("\"list\":{\"amount\":\"1216.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},", "")
        .replace("\"2026-09-01T02:00:00Z\"", "\"yesterday\"");
    CodecException problem = refusal(broken);
    assertThat(problem.code()).isEqualTo("json.invalid_value");
    assertThat(problem.path()).isEqualTo("$.data");
    assertThat(problem.violations().map(Violation::field)).containsExactlyInAnyOrder(
        "$.data.entries[0].breaks[1].minimum.unit", "$.data.entries[1].target.category",
        "$.data.entries[3].list", "$.data.updatedAt");
    assertThat(problem.violations().map(Violation::code)).contains("json.missing_property",
        "json.invalid_value");
  }

  /**
   * Breaks the book's rules where only its constructor sees them (a repeated entry code, a sale
   * price above the list price, a break in another currency), beside a property that does not
   * read: the decoder reports exactly what the constructor reports, each violation under
   * {@code $.data.} and the field it names, and the broken property too.
   */
  @Test
  void theBookRulesAreReportedAtTheirFieldsBesideTheOtherMistakes() {
    PriceBook good = rosewoodBook();
    PriceEntry first = good.entries().get(0);
    PriceEntry repeated = plain("armchair.list", new PriceTarget.ForCategory("tables"),
        cny("500.00", QuantityUnit.PIECE));
    PriceEntry sale = new PriceEntry("golden-week", ARMCHAIR, cny("1280.00", QuantityUnit.JIN),
        Option.of(cny("1380.00", QuantityUnit.JIN)), Vector.empty(), HashSet.empty(),
        HashSet.of("vip"), Option.none(), Option.none(), Option.none());
    PriceEntry foreign = new PriceEntry(first.code(), first.target(), first.list(), Option.none(),
        Vector.of(new QuantityBreak(Quantity.of(100, QuantityUnit.JIN),
            UnitPrice.of(new java.math.BigDecimal("170.00"), Currency.getInstance("USD"),
                QuantityUnit.JIN))),
        HashSet.empty(), HashSet.empty(), Option.none(), Option.none(), Option.none());
    Vector<PriceEntry> entries = Vector.of(foreign, repeated, sale);
    Seq<Violation> expected = violationsOf(() -> new PriceBook(good.id(), good.name(), CNY,
        entries, good.updatedAt()));
    String json = edit(CODEC.encodeDocument(good), data -> {
      ArrayNode array = data.putArray("entries");
      entries.forEach(entry -> array.add(tree(CODEC.encode(entry))));
    });
    if (expected.isEmpty()) {
      // the book's rules are not checked by its constructor yet: the document reads as written
      assertThat(CODEC.decodeDocument(json, PriceBook.class)).isEqualTo(new PriceBook(good.id(),
          good.name(), CNY, entries, good.updatedAt()));
      return;
    }
    CodecException problem = refusal(edit(json, data -> data.put("updatedAt", "1970-01-01")));
    assertThat(problem.violations().map(Violation::field)).containsExactlyInAnyOrderElementsOf(
        expected.map(v -> "$.data." + v.field()).append("$.data.updatedAt"));
    assertThat(problem.violations().map(Violation::code)).containsAll(
        expected.map(Violation::code));
  }

  @Test
  void aBookWhoseCurrencyDoesNotReadIsNotCheckedAgainstItsEntries() {
    String broken = ROSEWOOD_BOOK.replace("\"currency\":\"CNY\",\"entries\"",
        "\"currency\":7,\"entries\"");
    CodecException problem = refusal(broken);
    assertThat(problem.code()).isEqualTo("json.wrong_type");
    assertThat(problem.path()).isEqualTo("$.data.currency");
    assertThat(problem.violations()).isEmpty();
  }

  @Test
  void mutatedPriceBookDocumentsRaiseNothingButCodecExceptions() {
    java.util.List<PriceBook> samples = java.util.List.of(rosewoodBook(),
        SalesJsonRoundTripProperties.sample(PricingGenerators.books(), 5));
    for (PriceBook book : samples) {
      String document = CODEC.encodeDocument(book);
      Theories.qt().withExamples(300).forAll(JsonFuzzProperties.MUTATIONS,
          JsonFuzzProperties.MUTATIONS).checkAssert((first, second) -> JsonFuzzProperties
              .assertDecodingFailsOnlyWithCodecException(second.applyTo(first.applyTo(document)),
                  PriceBook.class));
    }
    assertThat(samples).hasSize(2);
  }
}
