package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.CODEC;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRefused;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTrips;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTripsAsValue;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.edit;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.sample;
import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.service.AlertLevel;
import io.rapport.crm.service.CsatScale;
import io.rapport.crm.service.CustomerStanding;
import io.rapport.crm.service.EscalationAction;
import io.rapport.crm.service.EscalationRule;
import io.rapport.crm.service.Satisfaction;
import io.rapport.crm.service.SlaConditions;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTarget;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.testkit.generators.ServiceGenerators;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every service record and nested value round-trips through JSON, as a value and as a stored
 * document; a hand-written policy reads as documented; and reading is strict and thorough: every
 * problem of a document is reported at once with its path, including the violations of the
 * checking constructors under the property they concern, and mutated documents raise nothing but
 * CodecExceptions.
 */
class ServiceJsonRoundTripProperties {

  /** A policy as a host writes it by hand: optional parts left out, durations in days or hours. */
  static final String VIP_COMPLAINTS = "{\"schemaVersion\":1,\"type\":\"sla_policy\",\"data\":{"
      + "\"id\":\"SP-vip\",\"name\":\"VIP complaints 贵宾投诉\",\"rank\":10,"
      + "\"when\":{\"categories\":[\"complaint\"],\"tiers\":[\"gold\",\"platinum\"]},"
      + "\"targets\":[{\"kind\":\"FIRST_RESPONSE\",\"within\":\"PT2H\",\"businessHours\":true},"
      + "{\"kind\":\"RESOLUTION\",\"within\":\"P2D\",\"businessHours\":true}],"
      + "\"pausedIn\":[\"PENDING_CUSTOMER\"],\"warnAt\":\"75%\","
      + "\"escalations\":[{\"target\":\"FIRST_RESPONSE\",\"level\":\"WARNING\","
      + "\"action\":{\"kind\":\"notify_role\",\"role\":\"service-manager\"}},"
      + "{\"target\":\"RESOLUTION\",\"level\":\"BREACH\","
      + "\"action\":{\"kind\":\"raise_priority\",\"atLeast\":\"URGENT\"}},"
      + "{\"target\":\"RESOLUTION\",\"level\":\"BREACH\","
      + "\"action\":{\"kind\":\"reassign\",\"team\":\"vip-desk\"}}]}}";

  /** The ticket of docs/guides/service-storage.md, waiting on the customer. */
  static final String DOCUMENTED_TICKET = "{\"schemaVersion\":1,\"type\":\"ticket\",\"data\":"
      + "{\"id\":\"T-1042\",\"subject\":\"紫檀 armchair: cracked leg\","
      + "\"description\":\"Delivered last week; the front left leg has a crack.\","
      + "\"customer\":\"C-1\",\"origin\":\"CALL\",\"category\":\"repair\",\"priority\":\"HIGH\","
      + "\"status\":\"PENDING_CUSTOMER\",\"assignee\":\"E-wang\",\"team\":\"service-beijing\","
      + "\"tags\":[\"warranty\",\"zitan\"],"
      + "\"comments\":["
      + "{\"number\":1,\"author\":\"CUSTOMER\",\"visibility\":\"PUBLIC\",\"by\":\"customer:C-1\","
      + "\"at\":\"2026-03-02T01:00:00Z\",\"body\":\"椅子腿裂了，能修吗？\"},"
      + "{\"number\":2,\"author\":\"AGENT\",\"visibility\":\"INTERNAL\",\"by\":\"employee:E-wang\","
      + "\"at\":\"2026-03-02T01:20:00Z\",\"body\":\"Under warranty until 2027.\"},"
      + "{\"number\":3,\"author\":\"AGENT\",\"visibility\":\"PUBLIC\",\"by\":\"employee:E-wang\","
      + "\"at\":\"2026-03-02T01:30:00Z\","
      + "\"body\":\"We can repair it. Could you send a photo of the crack?\"}],"
      + "\"firstResponseAt\":\"2026-03-02T01:30:00Z\",\"related\":[],\"mergedFrom\":[],"
      + "\"solvedBy\":[\"A-care-7\"],\"cause\":\"interactionId/I-88\","
      + "\"sla\":{\"policy\":\"SP-vip\",\"running\":[],"
      + "\"marks\":[{\"target\":\"FIRST_RESPONSE\",\"cycle\":0,\"level\":\"WARNING\"}],"
      + "\"reviewedAt\":\"2026-03-02T01:30:00Z\"},"
      + "\"createdAt\":\"2026-03-02T01:00:00Z\",\"createdBy\":\"employee:E-wang\","
      + "\"updatedAt\":\"2026-03-02T01:30:00Z\","
      + "\"history\":["
      + "{\"at\":\"2026-03-02T01:00:00Z\",\"by\":\"employee:E-wang\",\"status\":\"NEW\","
      + "\"priority\":\"HIGH\",\"team\":\"service-beijing\"},"
      + "{\"at\":\"2026-03-02T01:05:00Z\",\"by\":\"employee:E-wang\",\"status\":\"OPEN\","
      + "\"priority\":\"HIGH\",\"team\":\"service-beijing\",\"assignee\":\"E-wang\"},"
      + "{\"at\":\"2026-03-02T01:30:00Z\",\"by\":\"employee:E-wang\",\"status\":\"PENDING_CUSTOMER\","
      + "\"priority\":\"HIGH\",\"team\":\"service-beijing\",\"assignee\":\"E-wang\"}]}}";

  static SlaPolicy vipComplaints() {
    return new SlaPolicy(SlaPolicyId.parse("SP-vip"), "VIP complaints 贵宾投诉", 10,
        new SlaConditions(HashSet.empty(), HashSet.of(TicketCategory.COMPLAINT), HashSet.empty(),
            HashSet.of("gold", "platinum"), HashSet.empty(), HashSet.empty()),
        List.of(new SlaTarget(SlaTargetKind.FIRST_RESPONSE, Duration.ofHours(2), true),
            new SlaTarget(SlaTargetKind.RESOLUTION, Duration.ofDays(2), true)),
        HashSet.of(TicketStatus.PENDING_CUSTOMER), Percentage.ofPercent(75),
        List.of(new EscalationRule(SlaTargetKind.FIRST_RESPONSE, AlertLevel.WARNING,
                new EscalationAction.NotifyRole(Role.of("service-manager"))),
            new EscalationRule(SlaTargetKind.RESOLUTION, AlertLevel.BREACH,
                new EscalationAction.RaisePriority(Priority.URGENT)),
            new EscalationRule(SlaTargetKind.RESOLUTION, AlertLevel.BREACH,
                new EscalationAction.Reassign(Option.of(TeamId.parse("vip-desk")),
                    Option.none()))));
  }

  static CodecException refusal(String json, Class<?> type) {
    try {
      CODEC.decodeDocument(json, type);
    } catch (CodecException refused) {
      return refused;
    }
    throw new AssertionError("Expected " + json + " to be refused");
  }

  static List<String> fields(CodecException problem) {
    return problem.violations().map(Violation::field).toList();
  }

  @Test
  void ticketsRoundTrip() {
    assertRoundTrips(ServiceGenerators.tickets(), Ticket.class);
  }

  @Test
  void policiesRoundTrip() {
    assertRoundTrips(ServiceGenerators.slaPolicies(), SlaPolicy.class);
  }

  @Test
  void nestedValuesRoundTrip() {
    assertRoundTripsAsValue(ServiceGenerators.categories(), TicketCategory.class);
    assertRoundTripsAsValue(ServiceGenerators.csatScales(), CsatScale.class);
    assertRoundTripsAsValue(ServiceGenerators.satisfactions(), Satisfaction.class);
    assertRoundTripsAsValue(ServiceGenerators.ticketComments(), TicketComment.class);
    assertRoundTripsAsValue(ServiceGenerators.ticketSlas(), TicketSla.class);
    assertRoundTripsAsValue(ServiceGenerators.slaConditions(), SlaConditions.class);
    assertRoundTripsAsValue(ServiceGenerators.escalationActions(), EscalationAction.class);
    assertRoundTripsAsValue(ServiceGenerators.customerStandings(), CustomerStanding.class);
  }

  @Test
  void aHandWrittenPolicyReadsAsDocumentedAndIsWrittenInAStableShape() {
    SlaPolicy policy = CODEC.decodeDocument(VIP_COMPLAINTS, SlaPolicy.class);
    assertThat(policy).isEqualTo(vipComplaints());
    String json = CODEC.encode(policy);
    assertThat(json).contains("\"when\":{\"categories\":[\"complaint\"],"
            + "\"tiers\":[\"gold\",\"platinum\"]}",
        "{\"kind\":\"RESOLUTION\",\"within\":\"PT48H\",\"businessHours\":true}",
        "\"pausedIn\":[\"PENDING_CUSTOMER\"],\"warnAt\":\"75%\"",
        "{\"kind\":\"reassign\",\"team\":\"vip-desk\"}");
    assertThat(CODEC.encode(new EscalationAction.Reassign(Option.none(),
        Option.of(EmployeeId.parse("E-7"))))).isEqualTo("{\"kind\":\"reassign\",\"assignee\":\"E-7\"}");
    assertThat(CODEC.encode(CustomerStanding.NONE)).isEqualTo("{\"segments\":[]}");
    assertThat(CODEC.decode("{}", SlaConditions.class).channels()).isEmpty();
    assertThat(CODEC.decode("{\"channels\":[\"CALL\",\"WEB_FORM\"]}", SlaConditions.class)
        .channels()).containsExactlyInAnyOrder(Channel.Kind.CALL, Channel.Kind.WEB_FORM);
  }

  @Test
  void theDocumentedTicketReadsAndIsWrittenBackTheSame() {
    Ticket ticket = CODEC.decodeDocument(DOCUMENTED_TICKET, Ticket.class);
    assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_CUSTOMER);
    assertThat(ticket.comments()).hasSize(3);
    assertThat(ticket.firstResponseAt()).isEqualTo(Option.of(ticket.comments().get(2).at()));
    assertThat(ticket.cause().get().toString()).isEqualTo("interactionId/I-88");
    assertThat(ticket.sla().get().nextDue()).isEmpty();
    assertThat(CODEC.encodeDocument(ticket)).isEqualTo(DOCUMENTED_TICKET);
  }

  @Test
  void ticketsAreWrittenInTheDocumentedShape() {
    qt().withExamples(100).forAll(ServiceGenerators.tickets()).checkAssert(ticket -> {
      String json = CODEC.encode(ticket);
      assertThat(json).startsWith("{\"id\":").contains("\"status\":\"" + ticket.status() + "\"",
          "\"category\":\"" + ticket.category().code() + "\"");
      assertThat(json.contains("\"mergedInto\"")).isEqualTo(ticket.status()
          == TicketStatus.MERGED);
      assertThat(json.contains("\"cause\":\"" + ticket.cause().map(Object::toString)
          .getOrElse("none"))).isEqualTo(ticket.cause().isDefined());
      assertThat(CODEC.encodeDocument(ticket)).startsWith(
          "{\"schemaVersion\":1,\"type\":\"ticket\",\"data\":{");
    });
  }

  @Test
  void oneProblemIsReportedAtItsPathLikeEveryMapper() {
    String ticket = CODEC.encodeDocument(sample(ServiceGenerators.tickets(TicketStatus.OPEN), 2));
    assertRefused(edit(ticket, data -> data.put("colour", "red")), Ticket.class,
        "json.unknown_property", "$.data.colour");
    assertRefused(edit(ticket, data -> data.remove("history")), Ticket.class,
        "json.missing_property", "$.data.history");
    assertRefused(edit(ticket, data -> data.put("priority", "HIGHEST")), Ticket.class,
        "json.invalid_value", "$.data.priority");
    assertRefused(edit(ticket, data -> ((ObjectNode) data.get("history").get(0))
        .put("at", 17)), Ticket.class, "json.wrong_type", "$.data.history[0].at");
    assertRefused(edit(ticket, data -> data.putArray("tags").add("vip").add("vip")),
        Ticket.class, "json.invalid_value", "$.data.tags");
    assertRefused(VIP_COMPLAINTS.replace("\"P2D\"", "\"2 days\""), SlaPolicy.class,
        "json.invalid_value", "$.data.targets[1].within");
    assertRefused(VIP_COMPLAINTS.replace("\"notify_role\"", "\"page_everyone\""),
        SlaPolicy.class, "json.invalid_value", "$.data.escalations[0].action.kind");
  }

  @Test
  void aPolicyWithSeveralMistakesReportsEveryOneWithItsPath() {
    String broken = VIP_COMPLAINTS
        .replace("\"rank\":10", "\"rank\":\"first\"")
        .replace("\"75%\"", "\"three quarters\"")
        .replace("\"P2D\"", "\"2 days\"")
        .replace("[\"complaint\"]", "[\"Complaint!\"]")
        .replace("\"service-manager\"", "\"Service Manager\"")
        .replace("\"atLeast\":\"URGENT\"", "\"atLeast\":\"ASAP\"")
        .replace("\"businessHours\":true}]", "\"businessHours\":true,\"calendar\":\"cn\"}]");
    CodecException problem = refusal(broken, SlaPolicy.class);
    assertThat(problem.code()).isEqualTo("json.invalid_value");
    assertThat(problem.path()).isEqualTo("$.data");
    assertThat(fields(problem)).containsExactlyInAnyOrder("$.data.rank",
        "$.data.when.categories[0]", "$.data.targets[1].within", "$.data.targets[1].calendar",
        "$.data.warnAt", "$.data.escalations[0].action.role",
        "$.data.escalations[1].action.atLeast");
    assertThat(problem.violations().map(Violation::code)).contains("json.wrong_type",
        "ticket.category.invalid", "json.unknown_property", "percentage.malformed",
        "role.malformed", "json.invalid_value");
    assertThat(problem.getMessage()).contains("7 problems");
  }

  @Test
  void aPolicyThatReadsButBreaksThePolicyRulesReportsEveryRuleAtItsField() {
    String broken = VIP_COMPLAINTS
        .replace("\"75%\"", "\"150%\"")
        .replace("\"PT2H\"", "\"P3D\"")
        .replace("[\"PENDING_CUSTOMER\"]", "[\"OPEN\"]");
    CodecException problem = refusal(broken, SlaPolicy.class);
    assertThat(problem.violations().map(Violation::code)).containsExactlyInAnyOrder(
        "sla.policy.warn_at.out_of_range", "sla.policy.target.exceeds_resolution",
        "sla.policy.paused_in.not_pending");
    assertThat(fields(problem)).allMatch(path -> path.startsWith("$.data."));
    assertThat(fields(problem)).contains("$.data.warnAt");
  }

  @Test
  void problemsInsideATicketAreAllReportedWithTheirPaths() {
    String ticket = CODEC.encodeDocument(sample(ServiceGenerators.tickets(TicketStatus.NEW), 6));
    String broken = edit(ticket, data -> {
      data.put("cause", "ticketId/T 1");
      data.put("category", "Broken Chair");
      ArrayNode history = (ArrayNode) data.get("history");
      ((ObjectNode) history.get(0)).remove("status");
      data.put("origin", "PIGEON");
    });
    CodecException problem = refusal(broken, Ticket.class);
    assertThat(problem.code()).isEqualTo("json.invalid_value");
    assertThat(fields(problem)).containsExactlyInAnyOrder("$.data.cause",
        "$.data.category", "$.data.history[0].status", "$.data.origin");
    assertThat(problem.violations().map(Violation::code)).containsExactlyInAnyOrder(
        "id.malformed", "ticket.category.invalid", "json.missing_property",
        "json.invalid_value");
  }

  @Test
  void severalProblemsOfOneKindKeepTheirCode() {
    String policy = VIP_COMPLAINTS.replace("\"rank\":10,", "").replace("\"warnAt\":\"75%\",", "");
    CodecException problem = refusal(policy, SlaPolicy.class);
    assertThat(problem.code()).isEqualTo("json.missing_property");
    assertThat(fields(problem)).containsExactly("$.data.rank", "$.data.warnAt");
  }

  @Test
  void anActionWithoutAKnownKindIsRefused() {
    assertThatThrownBy(() -> CODEC.decode("{\"team\":\"vip-desk\"}", EscalationAction.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.missing_property");
          assertThat(problem.path()).isEqualTo("$.kind");
        });
    assertThatThrownBy(() -> CODEC.decode("{\"kind\":\"raise_priority\",\"role\":\"x\"}",
        EscalationAction.class)).isInstanceOfSatisfying(CodecException.class, problem ->
            assertThat(fields(problem)).containsExactlyInAnyOrder("$.role", "$.atLeast"));
    assertThatThrownBy(() -> CODEC.decode("[]", EscalationAction.class))
        .isInstanceOfSatisfying(CodecException.class, problem ->
            assertThat(problem.code()).isEqualTo("json.wrong_type"));
  }

  @Test
  void mutatedServiceDocumentsRaiseNothingButCodecExceptions() {
    java.util.List<Object> samples = java.util.List.of(
        sample(ServiceGenerators.tickets(TicketStatus.RESOLVED), 3),
        sample(ServiceGenerators.tickets(TicketStatus.OPEN), 5), vipComplaints(),
        sample(ServiceGenerators.slaPolicies(), 7));
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
