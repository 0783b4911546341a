package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerMerge;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.generators.CustomerGenerators;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Customers and merge journals round-trip through the codec, and bad documents say where. */
class CustomerJsonRoundTripProperties {

  static final JsonCodec CODEC = JsonCodec.standard();

  @Test
  void everyCustomerRoundTrips() {
    qt().withExamples(300).forAll(CustomerGenerators.customers()).checkAssert(customer -> {
      assertThat(CODEC.decodeDocument(CODEC.encodeDocument(customer), Customer.class))
          .isEqualTo(customer);
      assertThat(CODEC.decode(CODEC.encode(customer), Customer.class)).isEqualTo(customer);
    });
  }

  @Test
  void mergeJournalsRoundTrip() {
    qt().withExamples(50).forAll(CustomerGenerators.customers(CustomerId.parse("A")),
        CustomerGenerators.customers(CustomerId.parse("B")))
        .assuming((a, b) -> !a.isErased() && !a.isMerged() && !b.isErased() && !b.isMerged())
        .checkAssert((a, b) -> {
          MergeJournal journal = CustomerMerge.merge(a, b, Survivorship.standard(),
              EventStamp.of(EventId.parse("m-1"), Instant.parse("2031-01-01T00:00:00Z"),
                  ActorId.parse("tck"))).get().journal();
          assertThat(CODEC.decodeDocument(CODEC.encodeDocument(journal), MergeJournal.class))
              .isEqualTo(journal);
        });
  }

  @Test
  void aBadNestedValueReportsItsPathAndViolation() {
    qt().withExamples(20).forAll(CustomerGenerators.customers()).checkAssert(customer -> {
      String json = CODEC.encode(customer).replaceFirst("\"createdAt\":\"[^\"]+\"",
          "\"createdAt\":\"yesterday\"");
      assertThatThrownBy(() -> CODEC.decode(json, Customer.class))
          .isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.code()).isEqualTo("json.invalid_value");
            assertThat(e.path()).isEqualTo("$.createdAt");
          });
    });
    String badEmail = "{\"id\":\"C-1\",\"kind\":\"PERSON\",\"name\":{\"displayName\":\"Li\"},"
        + "\"contactPoints\":[{\"value\":{\"kind\":\"email\",\"value\":\"nope\"},\"primary\":true,"
        + "\"verified\":false}],\"lifecycle\":[{\"to\":\"LEAD\",\"at\":\"2026-01-01T00:00:00Z\","
        + "\"by\":\"system\",\"reason\":\"\"}],\"tags\":[],\"attributes\":{},\"consent\":[],"
        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    assertThatThrownBy(() -> CODEC.decode(badEmail, Customer.class))
        .isInstanceOfSatisfying(CodecException.class, e -> {
          assertThat(e.path()).isEqualTo("$.contactPoints[0].value");
          assertThat(e.violations()).isNotEmpty();
        });
    assertThatThrownBy(() -> CODEC.decode(badEmail.replace("\"tags\":[]", "\"tags\":[],\"x\":1"),
        Customer.class)).isInstanceOfSatisfying(CodecException.class,
            e -> assertThat(e.code()).isEqualTo("json.unknown_property"));
  }
}
