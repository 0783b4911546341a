package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static io.rapport.crm.testkit.generators.InteractionGenerators.channels;
import static io.rapport.crm.testkit.generators.InteractionGenerators.interactions;
import static io.rapport.crm.testkit.generators.InteractionGenerators.timelineEntries;
import static io.rapport.crm.testkit.generators.InteractionGenerators.timelineEntriesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Interactions on every channel and timeline entries round-trip through JSON; errors name paths. */
class InteractionJsonRoundTripProperties {

  static final JsonCodec CODEC = JsonCodec.standard();

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  static final Interaction CALL = new Interaction(InteractionId.parse("I-1"),
      CustomerId.parse("C-1001"), new Channel.Call(Channel.Direction.INBOUND, Duration.ofMinutes(4),
          Channel.CallOutcome.ANSWERED, Option.none(), Option.none()),
      T0, Option.of(EmployeeId.parse("E-7")), "Asked about the tea table",
      HashSet.of(RecordRef.to(OpportunityId.parse("O-42"))), T0.plusSeconds(300),
      ActorId.parse("employee:E-7"), List.empty(), false);

  @Test
  void interactionsOfEveryChannelRoundTripAsValuesAndDocuments() {
    qt().forAll(interactions()).checkAssert(interaction -> {
      assertThat(CODEC.decode(CODEC.encode(interaction), Interaction.class)).isEqualTo(interaction);
      assertThat(CODEC.decodeDocument(CODEC.encodeDocument(interaction), Interaction.class))
          .isEqualTo(interaction);
    });
  }

  @Test
  void channelsRoundTripWithTheirKind() {
    qt().forAll(channels()).checkAssert(channel -> {
      String json = CODEC.encode(channel);
      assertThat(json).startsWith("{\"kind\":\"" + channel.kind().code() + "\"");
      assertThat(CODEC.decode(json, Channel.class)).isEqualTo(channel);
    });
  }

  @Test
  void theGeneratorsCoverEveryChannelKind() {
    java.util.Set<Channel.Kind> seen = java.util.EnumSet.noneOf(Channel.Kind.class);
    qt().forAll(interactions()).checkAssert(interaction -> {
      seen.add(interaction.channel().kind());
      assertThat(interaction.occurredAt()).isBeforeOrEqualTo(interaction.recordedAt());
    });
    assertThat(seen).containsExactlyInAnyOrder(Channel.Kind.values());
  }

  @Test
  void mutatedInteractionDocumentsOnlyEverRaiseCodecExceptions() {
    JsonFuzzProperties.assertOnlyCodecExceptions(
        interactions().map(JsonRoundTripProperties.CODEC::encodeDocument), Interaction.class);
  }

  @Test
  void timelineEntriesRoundTrip() {
    qt().forAll(timelineEntries().mix(timelineEntriesOf(interactions()), 30)).checkAssert(entry ->
        assertThat(CODEC.decode(CODEC.encode(entry), TimelineEntry.class)).isEqualTo(entry));
  }

  @Test
  void writesPlainShapes() {
    assertThat(CODEC.encode(CALL)).isEqualTo("{\"id\":\"I-1\",\"customer\":\"C-1001\","
        + "\"channel\":{\"kind\":\"call\",\"direction\":\"INBOUND\",\"duration\":\"PT4M\","
        + "\"outcome\":\"ANSWERED\"},\"occurredAt\":\"2026-03-02T09:00:00Z\",\"employee\":\"E-7\","
        + "\"summary\":\"Asked about the tea table\",\"links\":[\"opportunityId/O-42\"],"
        + "\"recordedAt\":\"2026-03-02T09:05:00Z\",\"recordedBy\":\"employee:E-7\","
        + "\"formerCustomers\":[],\"erased\":false}");
    assertThat(CODEC.encode(CALL.timelineEntry())).isEqualTo("{\"at\":\"2026-03-02T09:00:00Z\","
        + "\"source\":\"interactionId/I-1\",\"kind\":\"interaction.call\","
        + "\"title\":\"Inbound call, answered, 4 min\",\"employee\":\"E-7\"}");
  }

  @Test
  void aWrongNestedFieldReportsItsPath() {
    String json = CODEC.encode(CALL);

    CodecException negative = catchThrowableOfType(CodecException.class, () -> CODEC.decode(
        json.replace("\"PT4M\"", "\"PT-4M\""), Interaction.class));
    assertThat(negative.code()).isEqualTo("json.invalid_value");
    assertThat(negative.path()).isEqualTo("$.channel");
    assertThat(negative.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.call.duration.negative", "$.channel.duration"));

    CodecException outcome = catchThrowableOfType(CodecException.class, () -> CODEC.decode(
        json.replace("\"ANSWERED\"", "\"HUNG_UP\""), Interaction.class));
    assertThat(outcome.code()).isEqualTo("json.invalid_value");
    assertThat(outcome.path()).isEqualTo("$.channel.outcome");

    CodecException link = catchThrowableOfType(CodecException.class, () -> CODEC.decode(
        json.replace("\"opportunityId/O-42\"", "\"opportunityId/O 42\""), Interaction.class));
    assertThat(link.path()).isEqualTo("$.links[0]");

    CodecException unknownKind = catchThrowableOfType(CodecException.class, () -> CODEC.decode(
        json.replace("\"kind\":\"call\"", "\"kind\":\"fax\""), Interaction.class));
    assertThat(unknownKind.path()).isEqualTo("$.channel.kind");

    CodecException inDocument = catchThrowableOfType(CodecException.class, () -> CODEC
        .decodeDocument(CODEC.encodeDocument(CALL).replace("\"PT4M\"", "\"four minutes\""),
            Interaction.class));
    assertThat(inDocument.path()).isEqualTo("$.data.channel.duration");
  }

  @Test
  void refusesAnInteractionThatBreaksItsRules() {
    String json = CODEC.encode(CALL).replace("\"occurredAt\":\"2026-03-02T09:00:00Z\"",
        "\"occurredAt\":\"2026-03-02T10:00:00Z\"");
    CodecException late = catchThrowableOfType(CodecException.class,
        () -> CODEC.decode(json, Interaction.class));
    assertThat(late.code()).isEqualTo("json.invalid_value");
    assertThat(late.violations()).extracting(Violation::code, Violation::field)
        .containsExactly(tuple("interaction.occurred_at.after_recorded", "$.occurredAt"));

    CodecException unknown = catchThrowableOfType(CodecException.class, () -> CODEC.decode(
        CODEC.encode(CALL).replace("\"erased\":false", "\"erased\":false,\"notes\":\"x\""),
        Interaction.class));
    assertThat(unknown.code()).isEqualTo("json.unknown_property");
    assertThat(unknown.path()).isEqualTo("$.notes");
  }
}
