package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.PaymentTerms;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.Qualification;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.sales.StageGuard;
import io.rapport.crm.testkit.generators.SalesGenerators;
import java.util.Currency;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every sales aggregate and nested value round-trips through JSON, as a value and as a stored
 * document; the shapes are the documented ones; and reading is strict: an unknown or missing
 * property, a bad guard kind, a bad date or duration is a CodecException naming the path.
 */
class SalesJsonRoundTripProperties {

  static final JsonCodec CODEC = JsonCodec.standard();

  static <T> void assertRoundTrips(Gen<T> values, Class<T> type) {
    qt().forAll(values).checkAssert(value -> {
      assertThat(CODEC.decode(CODEC.encode(value), type)).isEqualTo(value);
      assertThat(CODEC.decodeDocument(CODEC.encodeDocument(value), type)).isEqualTo(value);
    });
  }

  static <T> void assertRoundTripsAsValue(Gen<T> values, Class<T> type) {
    qt().forAll(values).checkAssert(value ->
        assertThat(CODEC.decode(CODEC.encode(value), type)).isEqualTo(value));
  }

  static void assertRefused(String json, Class<?> type, String code, String path) {
    assertThatThrownBy(() -> CODEC.decodeDocument(json, type))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).as("code of %s", json).isEqualTo(code);
          assertThat(problem.path()).as("path of %s", json).isEqualTo(path);
        });
  }

  /** Returns the first value a generator makes with a seed. */
  static <T> T sample(Gen<T> values, long seed) {
    java.util.List<T> first = new java.util.ArrayList<>();
    org.quicktheories.QuickTheory.qt().withFixedSeed(seed).withExamples(1).forAll(values)
        .checkAssert(first::add);
    return first.get(0);
  }

  /** Changes the data of a stored document as a JSON tree. */
  static String edit(String document, Consumer<ObjectNode> change) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode tree = (ObjectNode) mapper.readTree(document);
      change.accept((ObjectNode) tree.get("data"));
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static Pipeline aPipeline() {
    return sample(SalesGenerators.pipelines(), 17);
  }

  @Test
  void pipelinesRoundTrip() {
    assertRoundTrips(SalesGenerators.pipelines(), Pipeline.class);
  }

  @Test
  void opportunitiesRoundTrip() {
    assertRoundTrips(SalesGenerators.opportunities(), Opportunity.class);
  }

  @Test
  void leadsRoundTrip() {
    assertRoundTrips(SalesGenerators.leads(), Lead.class);
  }

  @Test
  void purchasesRoundTrip() {
    assertRoundTrips(SalesGenerators.purchases(), Purchase.class);
  }

  @Test
  void nestedValuesRoundTrip() {
    assertRoundTripsAsValue(SalesGenerators.stageCodes(), StageCode.class);
    assertRoundTripsAsValue(SalesGenerators.stageGuards(), StageGuard.class);
    assertRoundTripsAsValue(SalesGenerators.lineItems(), LineItem.class);
    assertRoundTripsAsValue(SalesGenerators.paymentTerms(), PaymentTerms.class);
    assertRoundTripsAsValue(SalesGenerators.qualifications(), Qualification.class);
  }

  @Test
  void writesPlainStableShapes() {
    assertThat(CODEC.encode(new StageGuard.MinimumAmount(Money.of("1000.00",
        Currency.getInstance("CNY")))))
        .isEqualTo("{\"kind\":\"minimum_amount\",\"minimum\":{\"amount\":\"1000.00\","
            + "\"currency\":\"CNY\"}}");
    assertThat(CODEC.encode(new StageGuard.QuoteRequired())).isEqualTo("{\"kind\":\"quote_required\"}");
    assertThat(CODEC.encode(Qualification.UNKNOWN)).isEqualTo("{}");
    assertThat(CODEC.encode(StageCode.of("closed-won"))).isEqualTo("\"closed-won\"");
    qt().withExamples(100).forAll(SalesGenerators.opportunities()).checkAssert(opportunity -> {
      String json = CODEC.encode(opportunity);
      assertThat(json).startsWith("{\"id\":").contains("\"status\":\"" + opportunity.status()
          + "\"", "\"currency\":\"" + opportunity.currency().getCurrencyCode() + "\"");
      assertThat(json.contains("\"closedAt\""))
          .isEqualTo(opportunity.status() != OpportunityStatus.OPEN);
      assertThat(json.contains("\"expectedClose\":\"" + opportunity.expectedClose()
          .map(Object::toString).getOrElse("none"))).isEqualTo(opportunity.expectedClose()
          .isDefined());
    });
  }

  @Test
  void anUnknownPropertyIsRefusedWithItsPath() {
    String document = CODEC.encodeDocument(aPipeline());
    assertRefused(edit(document, data -> ((ObjectNode) data.get("stages").get(0))
        .put("colour", "red")), Pipeline.class, "json.unknown_property",
        "$.data.stages[0].colour");
    assertRefused(edit(document, data -> data.put("archived", false)), Pipeline.class,
        "json.unknown_property", "$.data.archived");
  }

  @Test
  void aMissingPropertyIsRefusedWithItsPath() {
    assertRefused(edit(CODEC.encodeDocument(aPipeline()),
        data -> ((ObjectNode) data.get("lostReasons").get(0)).remove("label")), Pipeline.class,
        "json.missing_property", "$.data.lostReasons[0].label");
    assertRefused(edit(CODEC.encodeDocument(sample(SalesGenerators.purchases(), 5)),
        data -> ((ObjectNode) data.get("terms")).remove("dueDays")), Purchase.class,
        "json.missing_property", "$.data.terms.dueDays");
    assertRefused(edit(CODEC.encodeDocument(sample(SalesGenerators.leads(), 9)),
        data -> data.putNull("qualification")), Lead.class, "json.missing_property",
        "$.data.qualification");
  }

  @Test
  void aBadGuardKindIsRefusedWithItsPath() {
    String pipeline = "{\"schemaVersion\":1,\"type\":\"pipeline\",\"data\":{\"id\":\"PL-1\","
        + "\"name\":\"Showroom\",\"stages\":[],\"transitions\":[{\"from\":\"a\",\"to\":\"b\","
        + "\"guards\":[{\"kind\":\"amount_required\"},%s]}],\"lostReasons\":[],"
        + "\"reopenRules\":[],\"active\":true,\"updatedAt\":\"2026-01-01T00:00:00Z\"}}";
    assertRefused(String.format(pipeline, "{\"kind\":\"signed_in_blood\"}"), Pipeline.class,
        "json.invalid_value", "$.data.transitions[0].guards[1].kind");
    assertRefused(String.format(pipeline, "{\"minimum\":{\"amount\":\"1\",\"currency\":\"CNY\"}}"),
        Pipeline.class, "json.missing_property", "$.data.transitions[0].guards[1].kind");
    assertRefused(String.format(pipeline, "{\"kind\":\"minimum_amount\"}"), Pipeline.class,
        "json.missing_property", "$.data.transitions[0].guards[1].minimum");
    assertRefused(String.format(pipeline, "{\"kind\":\"quote_required\",\"minimum\":{}}"),
        Pipeline.class, "json.unknown_property", "$.data.transitions[0].guards[1].minimum");
    assertRefused(String.format(pipeline, "{\"kind\":7}"), Pipeline.class, "json.wrong_type",
        "$.data.transitions[0].guards[1].kind");
    assertRefused(String.format(pipeline, "{\"kind\":\"amount_required\"}")
        .replace("\"to\":\"b\"", "\"to\":\"B b\""), Pipeline.class, "json.invalid_value",
        "$.data.transitions[0].to");
  }

  @Test
  void badDatesDurationsCurrenciesAndNumbersAreRefusedWithTheirPaths() {
    String rule = "{\"from\":\"LOST\",\"within\":\"%s\",\"to\":\"qualification\"}";
    assertThat(CODEC.decode(String.format(rule, "P90D"), io.rapport.crm.sales.ReopenRule.class)
        .within().get()).isEqualTo(java.time.Duration.ofDays(90));
    assertThatThrownBy(() -> CODEC.decode(String.format(rule, "90 days"),
        io.rapport.crm.sales.ReopenRule.class)).isInstanceOfSatisfying(CodecException.class,
            problem -> {
              assertThat(problem.code()).isEqualTo("json.invalid_value");
              assertThat(problem.path()).isEqualTo("$.within");
            });
    String document = CODEC.encodeDocument(sample(SalesGenerators.opportunities(), 3));
    assertRefused(edit(document, data -> data.put("currency", "XAU")), Opportunity.class,
        "json.invalid_value", "$.data.currency");
    assertRefused(edit(document, data -> data.put("expectedClose", "2026-02-30")),
        Opportunity.class, "json.invalid_value", "$.data.expectedClose");
    assertRefused(edit(document, data -> data.put("probabilityOverridden", "yes")),
        Opportunity.class, "json.wrong_type", "$.data.probabilityOverridden");
    assertRefused(edit(document, data -> ((ObjectNode) data.get("history").get(0))
        .put("stage", "Won!")), Opportunity.class, "json.invalid_value",
        "$.data.history[0].stage");
    String lead = CODEC.encodeDocument(sample(SalesGenerators.leads(), 9));
    assertRefused(edit(lead, data -> data.put("score", 1e3)), Lead.class, "json.wrong_type",
        "$.data.score");
    assertRefused(edit(lead, data -> data.put("score", 3_000_000_000L)), Lead.class,
        "json.invalid_value", "$.data.score");
    assertRefused(edit(lead, data -> ((ObjectNode) data.get("attributes")).put("room", 3)),
        Lead.class, "json.wrong_type", "$.data.attributes.room");
  }

  @Test
  void mutatedSalesDocumentsRaiseNothingButCodecExceptions() {
    java.util.List<Object> samples = java.util.List.of(aPipeline(),
        sample(SalesGenerators.opportunities(), 3), sample(SalesGenerators.leads(), 9),
        sample(SalesGenerators.purchases(), 5));
    for (Object value : samples) {
      String document = CODEC.encodeDocument(value);
      qt().withExamples(400).forAll(JsonFuzzProperties.MUTATIONS, JsonFuzzProperties.MUTATIONS)
          .checkAssert((first, second) -> JsonFuzzProperties
              .assertDecodingFailsOnlyWithCodecException(second.applyTo(first.applyTo(document)),
                  value.getClass()));
    }
    assertThat(samples).hasSize(4);
  }
}
