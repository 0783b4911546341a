package io.rapport.crm.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.kernel.WorkingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

  static final Currency CNY = Currency.getInstance("CNY");

  /** A host's record of kernel values: needs no mapping of its own. */
  record Line(CustomerId customer, Quantity quantity, UnitPrice price, Money total, Percentage tax) {}

  private final JsonCodec codec = JsonCodec.standard().register("line", Line.class);

  private final Line line = new Line(CustomerId.parse("C-1001"), Quantity.of("38.6", QuantityUnit.JIN),
      UnitPrice.parse("CNY 1280.00/jin"), Money.of("49408.00", CNY), Percentage.parse("13%"));

  @Test
  void writesTheDocumentedShapes() {
    assertThat(codec.encode(Money.of("0.10", CNY))).isEqualTo("{\"amount\":\"0.10\",\"currency\":\"CNY\"}");
    assertThat(codec.encode(Quantity.of("38.6", QuantityUnit.JIN))).isEqualTo("{\"amount\":\"38.6\",\"unit\":\"jin\"}");
    assertThat(codec.encode(UnitPrice.parse("CNY 1280.00/jin")))
        .isEqualTo("{\"amount\":\"1280.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}");
    assertThat(codec.encode(Percentage.ofBasisPoints(1250))).isEqualTo("\"12.5%\"");
    assertThat(codec.encode(CustomerId.parse("C-1001"))).isEqualTo("\"C-1001\"");
    assertThat(codec.encode(Violation.of("a.b", "f", "m")))
        .isEqualTo("{\"code\":\"a.b\",\"field\":\"f\",\"message\":\"m\"}");
    assertThat(codec.encodeDocument(Money.of("1", CNY)))
        .isEqualTo("{\"schemaVersion\":1,\"type\":\"money\",\"data\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}");
  }

  @Test
  void roundTripsRecordsOfKernelValuesAndCalendars() {
    assertThat(codec.decode(codec.encode(line), Line.class)).isEqualTo(line);
    assertThat(codec.decodeDocument(codec.encodeDocument(line), Line.class)).isEqualTo(line);
    BusinessCalendar calendar = BusinessCalendar.builder(ZoneId.of("Asia/Shanghai"))
        .workingHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
        .workingHours(DayOfWeek.MONDAY, LocalTime.of(13, 30), LocalTime.MIDNIGHT)
        .holiday(LocalDate.of(2026, 10, 1), "National Day")
        .specialDay(LocalDate.of(2026, 10, 10), WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(12, 0)))
        .build();
    String json = codec.encode(calendar);
    assertThat(json).contains("\"zone\":\"Asia/Shanghai\"").contains("\"MONDAY\":[")
        .contains("{\"date\":\"2026-10-01\",\"name\":\"National Day\"}");
    assertThat(codec.decode(json, BusinessCalendar.class)).isEqualTo(calendar);
  }

  @Test
  void reportsAnInvalidValueWithItsPathAndTheKernelViolations() {
    String json = codec.encode(line).replace("\"currency\":\"CNY\",\"unit\"", "\"currency\":\"XYZ\",\"unit\"");
    CodecException error = catchThrowableOfType(CodecException.class, () -> codec.decode(json, Line.class));
    assertThat(error.code()).isEqualTo("json.invalid_value");
    assertThat(error.path()).isEqualTo("$.price");
    assertThat(error.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("money.currency.unknown", "$.price.currency"));
  }

  @Test
  void keepsMoneyExactAndRefusesNumbersForAmounts() {
    assertThat(codec.decode("{\"amount\":\"0.10\",\"currency\":\"EUR\"}", Money.class).amount())
        .hasToString("0.10");
    assertThat(codeOf("{\"amount\":0.1,\"currency\":\"EUR\"}", Money.class)).isEqualTo("json.wrong_type");
    assertThat(codeOf("{\"amount\":\"0.105\",\"currency\":\"EUR\"}", Money.class)).isEqualTo("json.invalid_value");
  }

  @Test
  void refusesUnknownAndMissingProperties() {
    CodecException unknown = catchThrowableOfType(CodecException.class,
        () -> codec.decode("{\"amount\":\"1\",\"currency\":\"EUR\",\"rate\":\"2\"}", Money.class));
    assertThat(unknown.code()).isEqualTo("json.unknown_property");
    assertThat(unknown.path()).isEqualTo("$.rate");
    assertThat(codeOf("{\"amount\":\"1\"}", Money.class)).isEqualTo("json.missing_property");
    assertThat(codeOf("{\"amount\":\"1\",\"currency\":null}", Money.class)).isEqualTo("json.missing_property");
    String noTotal = codec.encode(line).replaceAll(",\"total\":\\{[^}]*\\}", "");
    assertThat(codeOf(noTotal, Line.class)).isIn("json.missing_property", "json.invalid_value");
    assertThat(codeOf(codec.encode(line).replace("{\"customer\"", "{\"extra\":1,\"customer\""), Line.class))
        .isEqualTo("json.unknown_property");
  }

  @Test
  void refusesMalformedJsonAndNull() {
    assertThat(codeOf("{\"amount\":", Money.class)).isEqualTo("json.malformed");
    assertThat(codeOf("null", Money.class)).isEqualTo("json.wrong_type");
    assertThat(codeOf("{} {}", Money.class)).isIn("json.malformed", "json.invalid_value", "json.missing_property");
    assertThat(codeOf("[1,2]", Money.class)).isEqualTo("json.wrong_type");
  }

  @Test
  void enforcesItsLimits() {
    assertThat(codeOf("{\"amount\":" + "[".repeat(5000) + "]".repeat(5000) + ",\"currency\":\"EUR\"}",
        Money.class)).isEqualTo("json.limit_exceeded");
    assertThat(codeOf("{\"customer\":\"C\",\"quantity\":" + "9".repeat(200) + "}", Line.class))
        .isEqualTo("json.limit_exceeded");
    JsonCodec small = JsonCodec.builder().maxStringLength(100).build();
    assertThat(catchThrowableOfType(CodecException.class,
        () -> small.decode("\"" + "x".repeat(1000) + "\"", CustomerId.class)).code())
        .isEqualTo("json.limit_exceeded");
  }

  @Test
  void checksTheDocumentEnvelope() {
    String document = codec.encodeDocument(Money.of("1", CNY));
    assertThat(documentCodeOf(document.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), Money.class))
        .isEqualTo("json.unsupported_schema_version");
    assertThat(documentCodeOf(document.replace("\"money\"", "\"quantity\""), Money.class))
        .isEqualTo("json.unknown_type");
    assertThat(documentCodeOf(document.replace("\"money\"", "\"java.lang.Runtime\""), Money.class))
        .isEqualTo("json.unknown_type");
    assertThat(documentCodeOf(document.replace("\"schemaVersion\":1,", ""), Money.class))
        .isEqualTo("json.missing_property");
    CodecException inData = catchThrowableOfType(CodecException.class, () -> codec.decodeDocument(
        document.replace("\"1.00\"", "\"1.001\""), Money.class));
    assertThat(inData.path()).isEqualTo("$.data");
    assertThat(inData.violations()).extracting(Violation::field).containsExactly("$.data.amount");
  }

  @Test
  void refusesToWriteAnUnregisteredDocument() {
    assertThat(catchThrowableOfType(CodecException.class, () -> codec.encodeDocument(List.of(1))).code())
        .isEqualTo("json.unknown_type");
  }

  private String codeOf(String json, Class<?> type) {
    return catchThrowableOfType(CodecException.class, () -> codec.decode(json, type)).code();
  }

  private String documentCodeOf(String json, Class<?> type) {
    return catchThrowableOfType(CodecException.class, () -> codec.decodeDocument(json, type)).code();
  }
}
