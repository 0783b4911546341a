package io.rapport.crm.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class AuditDocumentsTest {

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L)).withExamples(500);
  }

  @Test
  void diffNamesLeafPathsAndKeepsArraysWhole() {
    Seq<FieldChange> changes = JsonDocuments.diff(
        Option.some(JsonDocuments.parse("{\"name\":{\"display\":\"Wang\",\"family\":\"W\"},"
            + "\"tags\":[\"a\"],\"attributes\":{\"wood.preference\":\"zitan\"},\"keep\":1}")),
        Option.some(JsonDocuments.parse("{\"name\":{\"display\":\"Li\",\"family\":\"W\"},"
            + "\"tags\":[\"a\",\"b\"],\"attributes\":{},\"keep\":1,\"new\":null}")));
    assertThat(changes).containsExactly(
        FieldChange.of("$.name.display", "\"Wang\"", "\"Li\""),
        FieldChange.of("$.tags", "[\"a\"]", "[\"a\",\"b\"]"),
        FieldChange.of("$.attributes['wood.preference']", "\"zitan\"", null),
        FieldChange.of("$.attributes", null, "{}"),
        FieldChange.of("$.new", null, "null"));
  }

  @Test
  void pathsOfAnyPropertyNameSplitBackIntoTheNames() {
    Gen<String> names = SourceDSL.strings().ascii().ofLengthBetween(1, 6);
    qt().forAll(names, names).checkAssert((outer, inner) -> assertThat(JsonDocuments.names(
        "$" + JsonDocuments.segment(outer) + JsonDocuments.segment(inner)))
        .containsExactly(outer, inner));
  }

  @Test
  void malformedPathsAreRefused() {
    assertThatThrownBy(() -> JsonDocuments.names("name")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonDocuments.names("$['open")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonDocuments.names("$..a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void applyingTheDiffTurnsOneDocumentIntoTheOther() {
    Gen<String> values = SourceDSL.integers().between(0, 5).map(n -> n == 0 ? "{}"
        : n == 1 ? "null" : n == 2 ? "[1,2]" : n == 3 ? "{\"x\":{\"y\":" + n + "}}" : "\"" + n + "\"");
    Gen<String> documents = SourceDSL.lists().of(values).ofSize(3).map(list ->
        "{\"a\":" + list.get(0) + ",\"b\":{\"c\":" + list.get(1) + ",\"d.e\":" + list.get(2) + "}}");
    Gen<String> partial = documents.zip(SourceDSL.booleans().all(),
        (document, drop) -> drop ? "{\"b\":{}}" : document);
    qt().forAll(partial, partial).checkAssert((from, to) -> {
      JsonNode before = JsonDocuments.parse(from);
      JsonNode after = JsonDocuments.parse(to);
      ObjectNode replayed = before.deepCopy();
      JsonDocuments.apply(replayed, JsonDocuments.diff(Option.some(before), Option.some(after)));
      assertThat(replayed).isEqualTo(after);
    });
  }

  @Test
  void anEntryRoundTripsThroughTheStandardCodecAndBadDocumentsAreRefused() {
    JsonCodec codec = JsonCodec.standard();
    AuditEntry entry = new AuditEntry(AuditEntry.idOf("customer", "C-1", 4), "customer", "C-1", 4,
        Instant.parse("2026-11-23T09:00:00Z"), ActorId.parse("employee:E-7"),
        "customer.profile_changed", List.of(FieldChange.of("$.name", "\"a\"", null),
            FieldChange.of("$.tags", null, "[]")), false);
    String document = codec.encodeDocument(entry);
    assertThat(codec.decodeDocument(document, AuditEntry.class)).isEqualTo(entry);
    assertThat(codec.decodeDocument(codec.encodeDocument(entry.scrub()), AuditEntry.class)
        .changes().mkString()).doesNotContain("\"a\"").contains(AuditEntry.SCRUBBED);
    assertThatThrownBy(() -> codec.decodeDocument(document.replace("\"sequence\":4",
        "\"sequence\":5"), AuditEntry.class)).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> codec.decodeDocument(document.replace("\"command\"", "\"verb\""),
        AuditEntry.class)).isInstanceOf(CodecException.class);
  }

  @Test
  void replayOfNothingOrOfAnErasureIsAbsent() {
    AuditEntry saved = new AuditEntry(AuditEntry.idOf("tally", "t", 1), "tally", "t", 1,
        Instant.EPOCH, ActorId.parse("a"), "save", List.of(FieldChange.of("$.n", null, "1")), false);
    AuditEntry erased = new AuditEntry(AuditEntry.idOf("tally", "t", 2), "tally", "t", 2,
        Instant.EPOCH, ActorId.parse("a"), "erase", List.of(FieldChange.of("$.n", "1", null)), false);
    assertThat(AuditReplay.replay(List.empty())).isEmpty();
    assertThat(AuditReplay.replay(List.of(saved))).contains("{\"n\":1}");
    assertThat(AuditReplay.replay(List.of(saved, erased))).isEmpty();
  }
}
