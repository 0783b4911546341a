package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;

/**
 * Carries a problem found by one of our deserializers up through Jackson, which adds the path of
 * each enclosing property on the way; {@link JsonCodec} turns it into a {@link CodecException}.
 */
final class ValueProblem extends JsonMappingException {

  private static final long serialVersionUID = 1L;

  final String code;
  final String relativeField;
  final transient Seq<Violation> violations;

  ValueProblem(JsonParser parser, String code, String relativeField, String message,
      Seq<Violation> violations) {
    super(parser, message);
    this.code = code;
    this.relativeField = relativeField;
    this.violations = violations;
  }
}
