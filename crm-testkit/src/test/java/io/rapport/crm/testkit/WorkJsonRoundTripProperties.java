package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static io.rapport.crm.testkit.generators.WorkGenerators.activities;
import static io.rapport.crm.testkit.generators.WorkGenerators.employees;
import static io.rapport.crm.testkit.generators.WorkGenerators.handOffs;
import static io.rapport.crm.testkit.generators.WorkGenerators.notes;
import static io.rapport.crm.testkit.generators.WorkGenerators.roles;
import static io.rapport.crm.testkit.generators.WorkGenerators.teams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.generators.WorkGenerators;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityDraft;
import io.rapport.crm.work.ActivityStatus;
import io.rapport.crm.work.ActivityType;
import io.rapport.crm.work.Employee;
import io.rapport.crm.work.HandOff;
import io.rapport.crm.work.Note;
import io.rapport.crm.work.Role;
import io.rapport.crm.work.Team;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Every work type round-trips through JSON, and a wrong field is reported with its path. */
class WorkJsonRoundTripProperties {

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

  static Activity handedOffCall() {
    Instant at = Instant.parse("2026-11-23T01:00:00Z");
    ActorId chen = ActorId.parse("employee:E-chen");
    Activity call = Activity.schedule(ActivityId.parse("A-1"),
        ActivityDraft.of(ActivityType.CALL, "Call back about the tea table",
            EmployeeId.parse("E-li")).withDue(at.plusSeconds(3600)),
        EventStamp.of(EventId.parse("ev-1"), at, chen)).get().state();
    return call.reassign(EmployeeId.parse("E-wang"), "Li is off sick",
        EventStamp.of(EventId.parse("ev-2"), at.plusSeconds(60), chen)).get().state()
        .addNote("客户喜欢上午来电", EventStamp.of(EventId.parse("ev-3"), at.plusSeconds(120), chen))
        .get().state();
  }

  @Test
  void employeesRoundTrip() {
    assertRoundTrips(employees(), Employee.class);
  }

  @Test
  void teamsRoundTrip() {
    qt().withExamples(200).forAll(teams()).checkAssert(team ->
        assertThat(CODEC.decodeDocument(CODEC.encodeDocument(team), Team.class)).isEqualTo(team));
  }

  @Test
  void activitiesRoundTrip() {
    assertRoundTrips(activities(), Activity.class);
  }

  @Test
  void nestedValuesRoundTrip() {
    assertRoundTripsAsValue(roles(), Role.class);
    assertRoundTripsAsValue(notes(), Note.class);
    assertRoundTripsAsValue(handOffs(), HandOff.class);
  }

  @Test
  void theGeneratedActivitiesReachEveryStatusWithHandOffChainsAndNotes() {
    for (ActivityStatus status : ActivityStatus.values()) {
      qt().withExamples(20).forAll(WorkGenerators.activities(status))
          .checkAssert(activity -> assertThat(activity.status()).isEqualTo(status));
    }
    java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
    qt().withExamples(300).forAll(activities()).checkAssert(activity -> {
      assertThat(activity.assigneeAt(activity.updatedAt())).contains(activity.assignee());
      seen.merge(activity.status().name(), 1, Integer::sum);
      if (activity.handOffs().size() > 1) {
        seen.merge("several hand-offs", 1, Integer::sum);
      }
      if (!activity.notes().isEmpty()) {
        seen.merge("notes", 1, Integer::sum);
      }
    });
    assertThat(seen).containsKeys("OPEN", "IN_PROGRESS", "DONE", "CANCELLED",
        "several hand-offs", "notes");
  }

  @Test
  void writesPlainStableShapes() {
    String json = CODEC.encode(handedOffCall());
    assertThat(json).contains("\"type\":\"CALL\"", "\"status\":\"OPEN\"",
        "\"handOffs\":[{\"from\":\"E-li\",\"to\":\"E-wang\"", "\"watchers\":[]")
        .doesNotContain("completedAt", "description", "related");
    Employee li = new Employee(EmployeeId.parse("E-li"), "Li Wei", true, HashSet.empty(),
        HashSet.of(Role.SALES_REP, Role.AGENT), Option.none());
    assertThat(CODEC.encode(li)).isEqualTo("{\"id\":\"E-li\",\"displayName\":\"Li Wei\","
        + "\"active\":true,\"teams\":[],\"roles\":[\"agent\",\"sales.rep\"]}");
  }

  @Test
  void aWrongFieldIsReportedWithItsPath() {
    String document = CODEC.encodeDocument(handedOffCall());
    String wrongType = document.replace("\"text\":\"客户喜欢上午来电\"", "\"text\":17");
    assertThatThrownBy(() -> CODEC.decodeDocument(wrongType, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.wrong_type");
          assertThat(problem.path()).isEqualTo("$.data.notes[0].text");
        });
    String unknownStatus = document.replace("\"status\":\"OPEN\"", "\"status\":\"PAUSED\"");
    assertThatThrownBy(() -> CODEC.decodeDocument(unknownStatus, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.invalid_value");
          assertThat(problem.path()).isEqualTo("$.data.status");
        });
    String unknown = document.replace("\"subject\":", "\"colour\":\"red\",\"subject\":");
    assertThatThrownBy(() -> CODEC.decodeDocument(unknown, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.unknown_property");
          assertThat(problem.path()).isEqualTo("$.data.colour");
        });
    String badId = document.replace("\"from\":\"E-li\"", "\"from\":\"E li\"");
    assertThatThrownBy(() -> CODEC.decodeDocument(badId, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.invalid_value");
          assertThat(problem.path()).isEqualTo("$.data.handOffs[0].from");
        });
  }

  @Test
  void aBrokenInvariantIsReportedWithTheViolationsUnderTheData() {
    String document = CODEC.encodeDocument(handedOffCall());
    String wrongAssignee = document.replace("\"assignee\":\"E-wang\"", "\"assignee\":\"E-zhao\"");
    assertThatThrownBy(() -> CODEC.decodeDocument(wrongAssignee, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.invalid_value");
          assertThat(problem.path()).isEqualTo("$.data");
          assertThat(problem.violations()).extracting(Violation::code, Violation::field)
              .containsExactly(org.assertj.core.groups.Tuple.tuple(
                  "activity.handoffs.assignee_mismatch", "$.data.assignee"));
        });
    String doneWithoutTime = document.replace("\"status\":\"OPEN\"", "\"status\":\"DONE\"");
    assertThatThrownBy(() -> CODEC.decodeDocument(doneWithoutTime, Activity.class))
        .isInstanceOfSatisfying(CodecException.class, problem ->
            assertThat(problem.violations()).extracting(Violation::code)
                .containsExactly("activity.completed_at.mismatch"));
    String employee = "{\"id\":\"E-li\",\"displayName\":\"Li\",\"active\":true,\"teams\":[],"
        + "\"roles\":[\"agent\",\"Sales Rep\"]}";
    assertThatThrownBy(() -> CODEC.decode(employee, Employee.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.invalid_value");
          assertThat(problem.path()).isEqualTo("$.roles[1]");
        });
    String missing = "{\"id\":\"E-li\",\"active\":true,\"teams\":[],\"roles\":[]}";
    assertThatThrownBy(() -> CODEC.decode(missing, Employee.class))
        .isInstanceOfSatisfying(CodecException.class, problem -> {
          assertThat(problem.code()).isEqualTo("json.missing_property");
          assertThat(problem.path()).isEqualTo("$.displayName");
        });
  }
}
