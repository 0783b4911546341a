package io.rapport.crm.testkit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.access.FieldMaskers;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.generators.CustomerGenerators;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.Test;

/**
 * A customer whose contact points a reader saw masked has no stored form: the codec refuses it
 * with a typed error naming the masked value (never a ClassCastException), so a masked copy
 * cannot overwrite the real values even if it bypasses the access decorator.
 */
class MaskedValuesAreNeverStoredTest {

  @Test
  void theCodecRefusesAMaskedCustomerWithATypedError() {
    JsonCodec codec = JsonCodec.standard();
    Theories.qt().withExamples(100).forAll(CustomerGenerators.customers())
        .assuming(customer -> !customer.contactPoints().isEmpty())
        .checkAssert(customer -> {
          Customer masked = FieldMaskers.CUSTOMER.mask(customer,
              HashSet.of("phone", "email", "postal_address", "messaging"));
          CodecException refused = catchThrowableOfType(CodecException.class,
              () -> codec.encodeDocument(masked));
          assertThat(refused).as("masked %s", masked.contactPoints()).isNotNull();
          assertThat(refused.code()).isEqualTo("json.unknown_type");
          assertThat(refused.getMessage()).contains("masked");
          assertThat(codec.encodeDocument(customer)).isNotEmpty();
        });
  }
}
