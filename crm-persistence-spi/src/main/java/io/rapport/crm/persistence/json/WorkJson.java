package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityStatus;
import io.rapport.crm.work.ActivityType;
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.HandOff;
import io.rapport.crm.work.Note;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.rapport.crm.work.Team;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;

/**
 * Maps the work package (employees, teams, activities and their nested values) to plain JSON (see
 * docs/json.md). Optional values are absent when empty; sets are arrays sorted by their text, so
 * equal values write equal JSON; a record reference is its text, such as
 * {@code "customerId/C-1001"}. Reading rebuilds each type through its checking constructor, so a
 * broken invariant (a hand-off chain that does not end with the assignee, say) is reported as
 * {@code json.invalid_value} with the violations under the path.
 */
final class WorkJson {

  private WorkJson() {}

  /** Adds the work package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(Role.class, (role, g) -> g.writeString(role.code()),
        (p, n) -> Fields.valid(p, Role.validated(Fields.text(p, n, null), "role"), "role"));
    module.addValue(Note.class, WorkJson::writeNote, WorkJson::readNote);
    module.addValue(HandOff.class, WorkJson::writeHandOff, WorkJson::readHandOff);
    module.addValue(Employee.class, WorkJson::writeEmployee, WorkJson::readEmployee);
    module.addValue(Team.class, WorkJson::writeTeam, WorkJson::readTeam);
    module.addValue(Activity.class, WorkJson::writeActivity, WorkJson::readActivity);
  }

  private static void writeNote(Note note, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("author", note.author().value());
    g.writeStringField("at", IsoInstants.format(note.at()));
    g.writeStringField("text", note.text());
    g.writeEndObject();
  }

  private static Note readNote(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "note", "author", "at", "text");
    ActorId author = f.value("author", ActorId.class);
    Instant at = f.value("at", Instant.class);
    String text = f.text("text");
    return Fields.construct(p, "note", () -> new Note(author, at, text));
  }

  private static void writeHandOff(HandOff handOff, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("from", handOff.from().value());
    g.writeStringField("to", handOff.to().value());
    g.writeStringField("at", IsoInstants.format(handOff.at()));
    g.writeStringField("by", handOff.by().value());
    g.writeStringField("note", handOff.note());
    g.writeEndObject();
  }

  private static HandOff readHandOff(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.of(p, n, "hand-off", "from", "to", "at", "by", "note");
    EmployeeId from = f.value("from", EmployeeId.class);
    EmployeeId to = f.value("to", EmployeeId.class);
    Instant at = f.value("at", Instant.class);
    ActorId by = f.value("by", ActorId.class);
    String note = f.text("note");
    return Fields.construct(p, "hand-off", () -> new HandOff(from, to, at, by, note));
  }

  private static void writeEmployee(Employee employee, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", employee.id().value());
    g.writeStringField("displayName", employee.displayName());
    g.writeBooleanField("active", employee.active());
    writeIds(g, "teams", employee.teams());
    g.writeArrayFieldStart("roles");
    for (Role role : employee.roles().toSortedSet()) {
      g.writeString(role.code());
    }
    g.writeEndArray();
    if (employee.manager().isDefined()) {
      g.writeStringField("manager", employee.manager().get().value());
    }
    g.writeEndObject();
  }

  private static Employee readEmployee(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "employee",
        new String[] {"id", "displayName", "active", "teams", "roles"}, "manager");
    EmployeeId id = f.value("id", EmployeeId.class);
    String displayName = f.text("displayName");
    boolean active = f.bool("active");
    Set<TeamId> teams = set(p, f.list("teams", TeamId.class), "teams");
    Set<Role> roles = set(p, f.list("roles", Role.class), "roles");
    Option<EmployeeId> manager = f.optional("manager", EmployeeId.class);
    return Fields.construct(p, "employee",
        () -> new Employee(id, displayName, active, teams, roles, manager));
  }

  private static void writeTeam(Team team, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", team.id().value());
    g.writeStringField("name", team.name());
    if (team.lead().isDefined()) {
      g.writeStringField("lead", team.lead().get().value());
    }
    g.writeFieldName("calendar");
    g.writeObject(team.calendar());
    writeIds(g, "members", team.members());
    g.writeEndObject();
  }

  private static Team readTeam(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "team", new String[] {"id", "name", "calendar", "members"},
        "lead");
    TeamId id = f.value("id", TeamId.class);
    String name = f.text("name");
    Option<EmployeeId> lead = f.optional("lead", EmployeeId.class);
    BusinessCalendar calendar = f.value("calendar", BusinessCalendar.class);
    Set<EmployeeId> members = set(p, f.list("members", EmployeeId.class), "members");
    return Fields.construct(p, "team", () -> new Team(id, name, lead, calendar, members));
  }

  private static void writeActivity(Activity a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id().value());
    g.writeStringField("type", a.type().name());
    g.writeStringField("subject", a.subject());
    if (a.description().isDefined()) {
      g.writeStringField("description", a.description().get());
    }
    if (a.due().isDefined()) {
      g.writeStringField("due", IsoInstants.format(a.due().get()));
    }
    g.writeStringField("assignee", a.assignee().value());
    if (a.team().isDefined()) {
      g.writeStringField("team", a.team().get().value());
    }
    g.writeStringField("status", a.status().name());
    g.writeStringField("priority", a.priority().name());
    if (a.related().isDefined()) {
      g.writeStringField("related", a.related().get().toString());
    }
    g.writeStringField("createdAt", IsoInstants.format(a.createdAt()));
    g.writeStringField("createdBy", a.createdBy().value());
    g.writeStringField("updatedAt", IsoInstants.format(a.updatedAt()));
    writeIds(g, "watchers", a.watchers());
    g.writeArrayFieldStart("notes");
    for (Note note : a.notes()) {
      writeNote(note, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("handOffs");
    for (HandOff handOff : a.handOffs()) {
      writeHandOff(handOff, g);
    }
    g.writeEndArray();
    if (a.completedAt().isDefined()) {
      g.writeStringField("completedAt", IsoInstants.format(a.completedAt().get()));
    }
    if (a.cancellationReason().isDefined()) {
      g.writeStringField("cancellationReason", a.cancellationReason().get());
    }
    g.writeEndObject();
  }

  private static Activity readActivity(JsonParser p, JsonNode n) throws IOException {
    Fields f = Fields.withOptional(p, n, "activity",
        new String[] {"id", "type", "subject", "assignee", "status", "priority", "createdAt",
            "createdBy", "updatedAt", "watchers", "notes", "handOffs"},
        "description", "due", "team", "related", "completedAt", "cancellationReason");
    ActivityId id = f.value("id", ActivityId.class);
    ActivityType type = f.constant("type", ActivityType.class);
    String subject = f.text("subject");
    Option<String> description = f.optionalText("description");
    Option<Instant> due = f.optional("due", Instant.class);
    EmployeeId assignee = f.value("assignee", EmployeeId.class);
    Option<TeamId> team = f.optional("team", TeamId.class);
    ActivityStatus status = f.constant("status", ActivityStatus.class);
    Priority priority = f.constant("priority", Priority.class);
    Option<RecordRef> related = f.has("related")
        ? Option.of(f.value("related", RecordRef.class)) : Option.none();
    Instant createdAt = f.value("createdAt", Instant.class);
    ActorId createdBy = f.value("createdBy", ActorId.class);
    Instant updatedAt = f.value("updatedAt", Instant.class);
    Set<EmployeeId> watchers = set(p, f.list("watchers", EmployeeId.class), "watchers");
    Seq<Note> notes = f.list("notes", Note.class);
    Seq<HandOff> handOffs = f.list("handOffs", HandOff.class);
    Option<Instant> completedAt = f.optional("completedAt", Instant.class);
    Option<String> cancellationReason = f.optionalText("cancellationReason");
    return Fields.construct(p, "activity", () -> new Activity(id, type, subject, description,
        due, assignee,
        team, status, priority, related, createdAt, createdBy, updatedAt, watchers, notes,
        handOffs, completedAt, cancellationReason));
  }

  /** Writes ids as an array of their values, sorted so that equal sets write equal JSON. */
  private static void writeIds(JsonGenerator g, String name, Set<? extends TypedId> ids)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : ids.map(TypedId::value).toSortedSet()) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  /** Turns a read array into a set, refusing repeated elements. */
  private static <T> Set<T> set(JsonParser p, List<T> items, String field) throws ValueProblem {
    Set<T> set = HashSet.ofAll(items);
    if (set.size() != items.size()) {
      throw new ValueProblem(p, "json.invalid_value", field,
          "The elements of '" + field + "' must not repeat", List.empty());
    }
    return set;
  }
}
