package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.service.AlertLevel;
import io.rapport.crm.service.CommentAuthor;
import io.rapport.crm.service.CommentVisibility;
import io.rapport.crm.service.CsatScale;
import io.rapport.crm.service.CustomerStanding;
import io.rapport.crm.service.EscalationAction;
import io.rapport.crm.service.EscalationRule;
import io.rapport.crm.service.Satisfaction;
import io.rapport.crm.service.SlaConditions;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaMark;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTarget;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.service.TicketHistoryEntry;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * Maps the service package (tickets with their comments, history, satisfaction and SLA record;
 * SLA policies with their conditions, targets and escalation rules; customer standings) to plain
 * JSON and back, strictly (see docs/json.md and docs/guides/service-storage.md). Optional values
 * are absent when empty; enumerations are written by name; categories, ids and roles are strings;
 * durations are ISO-8601 ({@code "PT4H"}); a record link is {@code "kind/value"}; sets are arrays
 * without repeats, written in a stable order; an escalation action is an object with a
 * {@code "kind"} naming it ({@code reassign}, {@code raise_priority}, {@code notify_role}). In a
 * policy's {@code when} an empty set is left out (absent matches anything); a policy's
 * {@code when}, {@code pausedIn} and {@code escalations} may be left out when empty.
 *
 * <p>Reading goes on after a problem and reports every one with its path (policies are written
 * by hand): see {@link CollectingReader}. Each record is rebuilt through its checking
 * constructor, whose violations are mapped under the property they concern; a policy's rules are
 * checked even when some of its properties are broken, on the properties that read.
 */
final class ServiceJson {

  private static final String REASSIGN = "reassign";
  private static final String RAISE_PRIORITY = "raise_priority";
  private static final String NOTIFY_ROLE = "notify_role";
  private static final String ACTION_KINDS = REASSIGN + ", " + RAISE_PRIORITY + ", " + NOTIFY_ROLE;

  /** What a policy's rules about one property also refer to: left out if that property failed. */
  private static final Map<String, java.util.List<String>> POLICY_DEPENDENTS = Map.of(
      "targets", java.util.List.of("escalations"),
      "when", java.util.List.of("escalations"));

  /** Stand-ins for the failed properties of a policy, to check its other properties. */
  private static final SlaConditions ANY = new SlaConditions(HashSet.empty(), HashSet.empty(),
      HashSet.empty(), HashSet.empty(), HashSet.empty(), HashSet.empty());

  private ServiceJson() {}

  /** Adds the service package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(TicketCategory.class, (category, g) -> g.writeString(category.code()),
        (p, n) -> {
          String code = Fields.text(p, n, null);
          return Fields.construct(p, "ticket category", () -> new TicketCategory(code));
        });
    module.addValue(CsatScale.class, ServiceJson::writeScale,
        (p, n) -> CollectingReader.read(p, n, "CSAT scale", ServiceJson::readScale));
    module.addValue(Satisfaction.class, ServiceJson::writeSatisfaction,
        (p, n) -> CollectingReader.read(p, n, "satisfaction", ServiceJson::readSatisfaction));
    module.addValue(TicketComment.class, ServiceJson::writeComment,
        (p, n) -> CollectingReader.read(p, n, "ticket comment", ServiceJson::readComment));
    module.addValue(TicketHistoryEntry.class, ServiceJson::writeEntry,
        (p, n) -> CollectingReader.read(p, n, "ticket history entry", ServiceJson::readEntry));
    module.addValue(SlaDue.class, ServiceJson::writeDue,
        (p, n) -> CollectingReader.read(p, n, "SLA due", ServiceJson::readDue));
    module.addValue(SlaMark.class, ServiceJson::writeMark,
        (p, n) -> CollectingReader.read(p, n, "SLA mark", ServiceJson::readMark));
    module.addValue(TicketSla.class, ServiceJson::writeTicketSla,
        (p, n) -> CollectingReader.read(p, n, "ticket SLA", ServiceJson::readTicketSla));
    module.addValue(Ticket.class, ServiceJson::writeTicket,
        (p, n) -> CollectingReader.read(p, n, "ticket", ServiceJson::readTicket));
    module.addValue(SlaTarget.class, ServiceJson::writeTarget,
        (p, n) -> CollectingReader.read(p, n, "SLA target", ServiceJson::readTarget));
    module.addValue(SlaConditions.class, ServiceJson::writeConditions,
        (p, n) -> CollectingReader.read(p, n, "SLA conditions", ServiceJson::readConditions));
    module.addValue(EscalationAction.class, ServiceJson::writeAction,
        (p, n) -> CollectingReader.read(p, n, "escalation action", ServiceJson::readAction));
    module.addValue(EscalationRule.class, ServiceJson::writeRule,
        (p, n) -> CollectingReader.read(p, n, "escalation rule", ServiceJson::readRule));
    module.addValue(SlaPolicy.class, ServiceJson::writePolicy,
        (p, n) -> CollectingReader.read(p, n, "SLA policy", ServiceJson::readPolicy));
    module.addValue(CustomerStanding.class, ServiceJson::writeStanding,
        (p, n) -> CollectingReader.read(p, n, "customer standing", ServiceJson::readStanding));
  }

  // ---- writing helpers

  private static void id(JsonGenerator g, String name, TypedId id) throws IOException {
    g.writeStringField(name, id.value());
  }

  private static void instant(JsonGenerator g, String name, Instant at) throws IOException {
    g.writeStringField(name, IsoInstants.format(at));
  }

  private static void optionalId(JsonGenerator g, String name, Option<? extends TypedId> id)
      throws IOException {
    if (id.isDefined()) {
      id(g, name, id.get());
    }
  }

  private static void optionalInstant(JsonGenerator g, String name, Option<Instant> at)
      throws IOException {
    if (at.isDefined()) {
      instant(g, name, at.get());
    }
  }

  private static void optionalText(JsonGenerator g, String name, Option<String> text)
      throws IOException {
    if (text.isDefined()) {
      g.writeStringField(name, text.get());
    }
  }

  private static void ids(JsonGenerator g, String name, Iterable<? extends TypedId> ids)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (TypedId id : ids) {
      g.writeString(id.value());
    }
    g.writeEndArray();
  }

  private static <I extends TypedId> void idSet(JsonGenerator g, String name, Set<I> ids)
      throws IOException {
    ids(g, name, ids.toSortedSet(Comparator.comparing(TypedId::value)));
  }

  private static void texts(JsonGenerator g, String name, Set<String> texts) throws IOException {
    g.writeArrayFieldStart(name);
    for (String text : texts.toSortedSet()) {
      g.writeString(text);
    }
    g.writeEndArray();
  }

  private static <E extends Enum<E>> void constants(JsonGenerator g, String name, Set<E> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (E value : values.toSortedSet(Comparator.comparingInt(Enum::ordinal))) {
      g.writeString(value.name());
    }
    g.writeEndArray();
  }

  // ---- reading helpers

  private static <T> CollectingReader.Part<T> mapped(Class<T> type) {
    return (r, node, at) -> r.mapped(node, at, type);
  }

  private static <E extends Enum<E>> CollectingReader.Part<E> constant(Class<E> type) {
    return (r, node, at) -> r.constant(node, at, type);
  }

  private static String text(CollectingReader r, JsonNode node, String at) {
    return r.text(node, at);
  }

  private static TicketCategory category(CollectingReader r, JsonNode node, String at) {
    return r.checked(node, at, TicketCategory::new);
  }

  private static Duration duration(CollectingReader r, JsonNode node, String at) {
    String text = r.text(node, at);
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeException malformed) {
      r.invalid(at, "Expected an ISO-8601 duration such as PT4H or P2D, got '" + text + "'");
      return null;
    }
  }

  // ---- satisfaction

  private static void writeScale(CsatScale scale, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("min", scale.min());
    g.writeNumberField("max", scale.max());
    g.writeNumberField("lowAtOrBelow", scale.lowAtOrBelow());
    g.writeEndObject();
  }

  private static CsatScale readScale(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "CSAT scale",
        new String[] {"min", "max", "lowAtOrBelow"});
    if (o == null) {
      return null;
    }
    Integer min = o.integer("min");
    Integer max = o.integer("max");
    Integer low = o.integer("lowAtOrBelow");
    return o.build(() -> new CsatScale(min, max, low));
  }

  private static void writeSatisfaction(Satisfaction s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("score", s.score());
    g.writeFieldName("scale");
    writeScale(s.scale(), g);
    optionalText(g, "comment", s.comment());
    instant(g, "at", s.at());
    g.writeEndObject();
  }

  private static Satisfaction readSatisfaction(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "satisfaction",
        new String[] {"score", "scale", "at"}, "comment");
    if (o == null) {
      return null;
    }
    Integer score = o.integer("score");
    CsatScale scale = o.part("scale", ServiceJson::readScale);
    Option<String> comment = o.optionalText("comment");
    Instant at = o.value("at", Instant.class);
    return o.build(() -> new Satisfaction(score, scale, comment, at));
  }

  // ---- tickets

  private static void writeComment(TicketComment c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("number", c.number());
    g.writeStringField("author", c.author().name());
    g.writeStringField("visibility", c.visibility().name());
    id(g, "by", c.by());
    instant(g, "at", c.at());
    g.writeStringField("body", c.body());
    optionalId(g, "copiedFrom", c.copiedFrom());
    g.writeEndObject();
  }

  private static TicketComment readComment(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "ticket comment",
        new String[] {"number", "author", "visibility", "by", "at", "body"}, "copiedFrom");
    if (o == null) {
      return null;
    }
    Integer number = o.integer("number");
    CommentAuthor author = o.constant("author", CommentAuthor.class);
    CommentVisibility visibility = o.constant("visibility", CommentVisibility.class);
    ActorId by = o.value("by", ActorId.class);
    Instant at = o.value("at", Instant.class);
    String body = o.text("body");
    Option<TicketId> copiedFrom = o.optional("copiedFrom", TicketId.class);
    return o.build(() -> new TicketComment(number, author, visibility, by, at, body, copiedFrom));
  }

  private static void writeEntry(TicketHistoryEntry e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    instant(g, "at", e.at());
    id(g, "by", e.by());
    g.writeStringField("status", e.status().name());
    g.writeStringField("priority", e.priority().name());
    optionalId(g, "team", e.team());
    optionalId(g, "assignee", e.assignee());
    g.writeEndObject();
  }

  private static TicketHistoryEntry readEntry(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "ticket history entry",
        new String[] {"at", "by", "status", "priority"}, "team", "assignee");
    if (o == null) {
      return null;
    }
    Instant at = o.value("at", Instant.class);
    ActorId by = o.value("by", ActorId.class);
    TicketStatus status = o.constant("status", TicketStatus.class);
    Priority priority = o.constant("priority", Priority.class);
    Option<TeamId> team = o.optional("team", TeamId.class);
    Option<EmployeeId> assignee = o.optional("assignee", EmployeeId.class);
    return o.build(() -> new TicketHistoryEntry(at, by, status, priority, team, assignee));
  }

  private static void writeDue(SlaDue due, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("target", due.target().name());
    g.writeNumberField("cycle", due.cycle());
    instant(g, "warnAt", due.warnAt());
    instant(g, "dueAt", due.dueAt());
    g.writeEndObject();
  }

  private static SlaDue readDue(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "SLA due",
        new String[] {"target", "cycle", "warnAt", "dueAt"});
    if (o == null) {
      return null;
    }
    SlaTargetKind target = o.constant("target", SlaTargetKind.class);
    Integer cycle = o.integer("cycle");
    Instant warnAt = o.value("warnAt", Instant.class);
    Instant dueAt = o.value("dueAt", Instant.class);
    return o.build(() -> new SlaDue(target, cycle, warnAt, dueAt));
  }

  private static void writeMark(SlaMark mark, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("target", mark.target().name());
    g.writeNumberField("cycle", mark.cycle());
    g.writeStringField("level", mark.level().name());
    g.writeEndObject();
  }

  private static SlaMark readMark(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "SLA mark",
        new String[] {"target", "cycle", "level"});
    if (o == null) {
      return null;
    }
    SlaTargetKind target = o.constant("target", SlaTargetKind.class);
    Integer cycle = o.integer("cycle");
    AlertLevel level = o.constant("level", AlertLevel.class);
    return o.build(() -> new SlaMark(target, cycle, level));
  }

  private static void writeTicketSla(TicketSla sla, JsonGenerator g) throws IOException {
    g.writeStartObject();
    id(g, "policy", sla.policy());
    g.writeArrayFieldStart("running");
    for (SlaDue due : sla.running()) {
      writeDue(due, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("marks");
    for (SlaMark mark : sla.marks().toSortedSet(Comparator.comparing(SlaMark::target)
        .thenComparingInt(SlaMark::cycle).thenComparing(SlaMark::level))) {
      writeMark(mark, g);
    }
    g.writeEndArray();
    instant(g, "reviewedAt", sla.reviewedAt());
    g.writeEndObject();
  }

  private static TicketSla readTicketSla(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "ticket SLA",
        new String[] {"policy", "running", "marks", "reviewedAt"});
    if (o == null) {
      return null;
    }
    SlaPolicyId policy = o.value("policy", SlaPolicyId.class);
    Vector<SlaDue> running = o.list("running", ServiceJson::readDue);
    Set<SlaMark> marks = o.set("marks", ServiceJson::readMark);
    Instant reviewedAt = o.value("reviewedAt", Instant.class);
    return o.build(() -> new TicketSla(policy, running, marks, reviewedAt));
  }

  private static void writeTicket(Ticket t, JsonGenerator g) throws IOException {
    g.writeStartObject();
    id(g, "id", t.id());
    g.writeStringField("subject", t.subject());
    g.writeStringField("description", t.description());
    id(g, "customer", t.customer());
    g.writeStringField("origin", t.origin().name());
    g.writeStringField("category", t.category().code());
    g.writeStringField("priority", t.priority().name());
    g.writeStringField("status", t.status().name());
    optionalId(g, "assignee", t.assignee());
    optionalId(g, "team", t.team());
    texts(g, "tags", t.tags());
    g.writeArrayFieldStart("comments");
    for (TicketComment comment : t.comments()) {
      writeComment(comment, g);
    }
    g.writeEndArray();
    optionalInstant(g, "firstResponseAt", t.firstResponseAt());
    optionalId(g, "parent", t.parent());
    idSet(g, "related", t.related());
    optionalId(g, "mergedInto", t.mergedInto());
    ids(g, "mergedFrom", t.mergedFrom());
    optionalId(g, "splitFrom", t.splitFrom());
    ids(g, "solvedBy", t.solvedBy());
    if (t.satisfaction().isDefined()) {
      g.writeFieldName("satisfaction");
      writeSatisfaction(t.satisfaction().get(), g);
    }
    if (t.cause().isDefined()) {
      g.writeStringField("cause", t.cause().get().toString());
    }
    if (t.sla().isDefined()) {
      g.writeFieldName("sla");
      writeTicketSla(t.sla().get(), g);
    }
    instant(g, "createdAt", t.createdAt());
    id(g, "createdBy", t.createdBy());
    instant(g, "updatedAt", t.updatedAt());
    optionalInstant(g, "resolvedAt", t.resolvedAt());
    optionalInstant(g, "closedAt", t.closedAt());
    g.writeArrayFieldStart("history");
    for (TicketHistoryEntry entry : t.history()) {
      writeEntry(entry, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static Ticket readTicket(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "ticket", new String[] {"id", "subject",
        "description", "customer", "origin", "category", "priority", "status", "tags", "comments",
        "related", "mergedFrom", "solvedBy", "createdAt", "createdBy", "updatedAt", "history"},
        "assignee", "team", "firstResponseAt", "parent", "mergedInto", "splitFrom",
        "satisfaction", "cause", "sla", "resolvedAt", "closedAt");
    if (o == null) {
      return null;
    }
    TicketId id = o.value("id", TicketId.class);
    String subject = o.text("subject");
    String description = o.text("description");
    CustomerId customer = o.value("customer", CustomerId.class);
    Channel.Kind origin = o.constant("origin", Channel.Kind.class);
    TicketCategory category = o.part("category", ServiceJson::category);
    Priority priority = o.constant("priority", Priority.class);
    TicketStatus status = o.constant("status", TicketStatus.class);
    Option<EmployeeId> assignee = o.optional("assignee", EmployeeId.class);
    Option<TeamId> team = o.optional("team", TeamId.class);
    Set<String> tags = o.set("tags", ServiceJson::text);
    Vector<TicketComment> comments = o.list("comments", ServiceJson::readComment);
    Option<Instant> firstResponseAt = o.optional("firstResponseAt", Instant.class);
    Option<TicketId> parent = o.optional("parent", TicketId.class);
    Set<TicketId> related = o.set("related", mapped(TicketId.class));
    Option<TicketId> mergedInto = o.optional("mergedInto", TicketId.class);
    Vector<TicketId> mergedFrom = o.list("mergedFrom", mapped(TicketId.class));
    Option<TicketId> splitFrom = o.optional("splitFrom", TicketId.class);
    Vector<ArticleId> solvedBy = o.list("solvedBy", mapped(ArticleId.class));
    Option<Satisfaction> satisfaction = o.optionalPart("satisfaction",
        ServiceJson::readSatisfaction);
    Option<RecordRef> cause = o.optional("cause", RecordRef.class);
    Option<TicketSla> sla = o.optionalPart("sla", ServiceJson::readTicketSla);
    Instant createdAt = o.value("createdAt", Instant.class);
    ActorId createdBy = o.value("createdBy", ActorId.class);
    Instant updatedAt = o.value("updatedAt", Instant.class);
    Option<Instant> resolvedAt = o.optional("resolvedAt", Instant.class);
    Option<Instant> closedAt = o.optional("closedAt", Instant.class);
    Vector<TicketHistoryEntry> history = o.list("history", ServiceJson::readEntry);
    return o.build(() -> new Ticket(id, subject, description, customer, origin, category,
        priority, status, assignee, team, tags, comments, firstResponseAt, parent, related,
        mergedInto, mergedFrom, splitFrom, solvedBy, satisfaction, cause, sla, createdAt,
        createdBy, updatedAt, resolvedAt, closedAt, history));
  }

  // ---- policies

  private static void writeTarget(SlaTarget target, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", target.kind().name());
    g.writeStringField("within", target.within().toString());
    g.writeBooleanField("businessHours", target.businessHours());
    g.writeEndObject();
  }

  private static SlaTarget readTarget(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "SLA target",
        new String[] {"kind", "within", "businessHours"});
    if (o == null) {
      return null;
    }
    SlaTargetKind kind = o.constant("kind", SlaTargetKind.class);
    Duration within = o.part("within", ServiceJson::duration);
    Boolean businessHours = o.bool("businessHours");
    return o.build(() -> new SlaTarget(kind, within, businessHours));
  }

  private static void writeConditions(SlaConditions when, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (!when.priorities().isEmpty()) {
      constants(g, "priorities", when.priorities());
    }
    if (!when.categories().isEmpty()) {
      g.writeArrayFieldStart("categories");
      for (TicketCategory category : when.categories().toSortedSet()) {
        g.writeString(category.code());
      }
      g.writeEndArray();
    }
    if (!when.channels().isEmpty()) {
      constants(g, "channels", when.channels());
    }
    if (!when.tiers().isEmpty()) {
      texts(g, "tiers", when.tiers());
    }
    if (!when.segments().isEmpty()) {
      texts(g, "segments", when.segments());
    }
    if (!when.teams().isEmpty()) {
      idSet(g, "teams", when.teams());
    }
    g.writeEndObject();
  }

  private static SlaConditions readConditions(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "SLA conditions", new String[0], "priorities",
        "categories", "channels", "tiers", "segments", "teams");
    if (o == null) {
      return null;
    }
    Set<Priority> priorities = o.optionalSet("priorities", constant(Priority.class));
    Set<TicketCategory> categories = o.optionalSet("categories", ServiceJson::category);
    Set<Channel.Kind> channels = o.optionalSet("channels", constant(Channel.Kind.class));
    Set<String> tiers = o.optionalSet("tiers", ServiceJson::text);
    Set<String> segments = o.optionalSet("segments", ServiceJson::text);
    Set<TeamId> teams = o.optionalSet("teams", mapped(TeamId.class));
    return o.build(() -> new SlaConditions(priorities, categories, channels, tiers, segments,
        teams));
  }

  private static void writeAction(EscalationAction action, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (action instanceof EscalationAction.Reassign) {
      EscalationAction.Reassign reassign = (EscalationAction.Reassign) action;
      g.writeStringField("kind", REASSIGN);
      optionalId(g, "team", reassign.team());
      optionalId(g, "assignee", reassign.assignee());
    } else if (action instanceof EscalationAction.RaisePriority) {
      g.writeStringField("kind", RAISE_PRIORITY);
      g.writeStringField("atLeast", ((EscalationAction.RaisePriority) action).atLeast().name());
    } else {
      g.writeStringField("kind", NOTIFY_ROLE);
      g.writeStringField("role", ((EscalationAction.NotifyRole) action).role().code());
    }
    g.writeEndObject();
  }

  private static EscalationAction readAction(CollectingReader r, JsonNode n, String path) {
    String what = "escalation action";
    if (n == null || !n.isObject()) {
      r.object(n, path, what, new String[0]);
      return null;
    }
    JsonNode kindNode = n.get("kind");
    String kindPath = CollectingReader.child(path, "kind");
    if (kindNode == null || kindNode.isNull()) {
      r.object(n, path, what, new String[] {"kind"}, "team", "assignee", "atLeast", "role");
      return null;
    }
    String kind = r.text(kindNode, kindPath);
    if (kind == null) {
      return null;
    }
    if (kind.equals(REASSIGN)) {
      CollectingReader.Obj o = r.object(n, path, "reassign action", new String[] {"kind"},
          "team", "assignee");
      Option<TeamId> team = o.optional("team", TeamId.class);
      Option<EmployeeId> assignee = o.optional("assignee", EmployeeId.class);
      return o.build(() -> new EscalationAction.Reassign(team, assignee));
    }
    if (kind.equals(RAISE_PRIORITY)) {
      CollectingReader.Obj o = r.object(n, path, "raise priority action",
          new String[] {"kind", "atLeast"});
      Priority atLeast = o.constant("atLeast", Priority.class);
      return o.build(() -> new EscalationAction.RaisePriority(atLeast));
    }
    if (kind.equals(NOTIFY_ROLE)) {
      CollectingReader.Obj o = r.object(n, path, "notify role action",
          new String[] {"kind", "role"});
      Role role = o.value("role", Role.class);
      return o.build(() -> new EscalationAction.NotifyRole(role));
    }
    r.invalid(kindPath, "Unknown escalation action kind '" + kind + "'; expected one of "
        + ACTION_KINDS);
    return null;
  }

  private static void writeRule(EscalationRule rule, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("target", rule.target().name());
    g.writeStringField("level", rule.level().name());
    g.writeFieldName("action");
    writeAction(rule.action(), g);
    g.writeEndObject();
  }

  private static EscalationRule readRule(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "escalation rule",
        new String[] {"target", "level", "action"});
    if (o == null) {
      return null;
    }
    SlaTargetKind target = o.constant("target", SlaTargetKind.class);
    AlertLevel level = o.constant("level", AlertLevel.class);
    EscalationAction action = o.part("action", ServiceJson::readAction);
    return o.build(() -> new EscalationRule(target, level, action));
  }

  private static void writePolicy(SlaPolicy policy, JsonGenerator g) throws IOException {
    g.writeStartObject();
    id(g, "id", policy.id());
    g.writeStringField("name", policy.name());
    g.writeNumberField("rank", policy.rank());
    g.writeFieldName("when");
    writeConditions(policy.when(), g);
    g.writeArrayFieldStart("targets");
    for (SlaTarget target : policy.targets()) {
      writeTarget(target, g);
    }
    g.writeEndArray();
    constants(g, "pausedIn", policy.pausedIn());
    g.writeStringField("warnAt", policy.warnAt().toString());
    g.writeArrayFieldStart("escalations");
    for (EscalationRule rule : policy.escalations()) {
      writeRule(rule, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static SlaPolicy readPolicy(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "SLA policy",
        new String[] {"id", "name", "rank", "targets", "warnAt"}, "when", "pausedIn",
        "escalations");
    if (o == null) {
      return null;
    }
    SlaPolicyId id = o.value("id", SlaPolicyId.class);
    String name = o.text("name");
    Integer rank = o.integer("rank");
    Option<SlaConditions> when = o.optionalPart("when", ServiceJson::readConditions);
    Vector<SlaTarget> targets = o.list("targets", ServiceJson::readTarget);
    Set<TicketStatus> pausedIn = o.optionalSet("pausedIn", constant(TicketStatus.class));
    Percentage warnAt = o.value("warnAt", Percentage.class);
    Vector<EscalationRule> escalations = o.optionalList("escalations", ServiceJson::readRule);
    return o.buildAnyway(() -> new SlaPolicy(o.or(id, SlaPolicyId.parse("unread")),
        o.or(name, "unread"), o.or(rank, 0), when == null ? ANY : when.getOrElse(ANY),
        o.or(targets, Vector.empty()), o.or(pausedIn, HashSet.empty()),
        o.or(warnAt, Percentage.ofPercent(50)), o.or(escalations, Vector.empty())),
        POLICY_DEPENDENTS);
  }

  private static void writeStanding(CustomerStanding standing, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    optionalText(g, "tier", standing.tier());
    texts(g, "segments", standing.segments());
    g.writeEndObject();
  }

  private static CustomerStanding readStanding(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "customer standing", new String[0], "tier",
        "segments");
    if (o == null) {
      return null;
    }
    Option<String> tier = o.optionalText("tier");
    Set<String> segments = o.optionalSet("segments", ServiceJson::text);
    return o.build(() -> new CustomerStanding(tier, segments));
  }
}
