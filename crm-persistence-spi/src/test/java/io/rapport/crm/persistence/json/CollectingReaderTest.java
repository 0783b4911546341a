package io.rapport.crm.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The collecting reader reports every problem of a record at once: structural ones at their
 * paths, and the record's own rules on the properties that read, leaving out rules about a
 * failed property and about the properties that depend on it.
 */
class CollectingReaderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Registers the kernel readers the collecting reader reads kernel values with. */
  private static final RapportJsonModule MODULE = new RapportJsonModule();

  /** A record whose constructor breaks four rules, one on each of four properties. */
  private static String readThing(String json) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    JsonParser parser = MAPPER.createParser(json);
    return CollectingReader.read(parser, node, "thing", (r, n, path) -> {
      CollectingReader.Obj o = r.object(n, path, "thing",
          new String[] {"name", "rank", "targets", "warnAt"}, "escalations");
      String name = o.text("name");
      Integer rank = o.integer("rank");
      Vector<String> targets = o.list("targets", (reader, item, at) -> reader.text(item, at));
      Percentage warnAt = o.value("warnAt", Percentage.class);
      Vector<String> escalations = o.optionalList("escalations",
          (reader, item, at) -> reader.text(item, at));
      return o.buildAnyway(() -> {
        if (name.equals("ok")) {
          return name + rank + targets + warnAt + escalations;
        }
        throw new InvalidValueException(List.of(
            Violation.of("thing.name.short", "name", "too short"),
            Violation.of("thing.rank.negative", "rank", "negative"),
            Violation.of("thing.targets.empty", "targets", "empty"),
            Violation.of("thing.escalation.unknown_target", "escalations[0].target", "unknown")));
      }, Map.of("targets", java.util.List.of("escalations")));
    });
  }

  private static ValueProblem refusal(String json) {
    return catchThrowableOfType(ValueProblem.class, () -> readThing(json));
  }

  @Test
  void readsAWellFormedRecord() throws Exception {
    assertThat(readThing("{\"name\":\"ok\",\"rank\":1,\"targets\":[\"a\"],\"warnAt\":\"5%\"}"))
        .isEqualTo("ok1Vector(a)5%Vector()");
  }

  @Test
  void checksTheRulesOnThePropertiesThatReadWhenOthersFailed() {
    ValueProblem problem = refusal(
        "{\"name\":\"x\",\"rank\":\"first\",\"targets\":[7],\"warnAt\":\"lots\"}");
    assertThat(problem.code).isEqualTo("json.invalid_value");
    assertThat(problem.relativeField).isNull();
    assertThat(problem.violations.map(v -> v.field() + " " + v.code())).containsExactly(
        "rank json.wrong_type", "targets[0] json.wrong_type", "warnAt percentage.malformed",
        "name thing.name.short");
  }

  @Test
  void reportsEveryRuleWhenEveryPropertyRead() {
    ValueProblem problem = refusal(
        "{\"name\":\"x\",\"rank\":-1,\"targets\":[],\"warnAt\":\"5%\",\"escalations\":[\"a\"]}");
    assertThat(problem.violations.map(Violation::code)).containsExactly("thing.name.short",
        "thing.rank.negative", "thing.targets.empty", "thing.escalation.unknown_target");
  }

  @Test
  void aSingleStructuralProblemIsReportedAtItsPath() {
    ValueProblem problem = refusal("{\"name\":\"ok\",\"rank\":1,\"targets\":[],\"warnAt\":\"5%\","
        + "\"colour\":\"red\"}");
    assertThat(problem.code).isEqualTo("json.unknown_property");
    assertThat(problem.relativeField).isEqualTo("colour");
    assertThat(problem.violations).isEmpty();
  }

  @Test
  void findsTheRootPropertyOfAViolationsField() {
    assertThat(CollectingReader.root("targets[1].within")).isEqualTo("targets");
    assertThat(CollectingReader.root("when.priorities")).isEqualTo("when");
    assertThat(CollectingReader.root("name")).isEqualTo("name");
  }
}
