package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.testkit.generators.KernelGenerators;
import io.rapport.crm.testkit.storage.Tally;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Mutated and hostile JSON only ever raises a CodecException: never another exception type. */
class JsonFuzzProperties {

  /** One mutation of a document: what to do, where, and with what. */
  record Mutation(int kind, int at, int length, String text) {
    String applyTo(String json) {
      int position = Math.floorMod(at, json.length() + 1);
      int end = Math.min(json.length(), position + length);
      switch (kind) {
        case 0: // delete a run of characters
          return json.substring(0, position) + json.substring(end);
        case 1: // insert junk
          return json.substring(0, position) + text + json.substring(position);
        case 2: // replace a run with junk
          return json.substring(0, position) + text + json.substring(end);
        case 3: // truncate
          return json.substring(0, position);
        case 4: // swap two halves
          return json.substring(position) + json.substring(0, position);
        default: // duplicate a run
          return json.substring(0, end) + json.substring(position, end) + json.substring(end);
      }
    }
  }

  static final Gen<String> JUNK = arbitrary().pick(List.of("{", "}", "[", "]", ",", ":", "\"",
      "null", "true", "-", "1e999999", "NaN", "9".repeat(80), "\"\\u0000\"", "\uD83D", "𝄞",
      "[".repeat(300), "{\"x\":", "\"amount\":", "\"schemaVersion\":2", "\"type\":\"money\"",
      "0.1", "-0", "\"XAU\"", "\"24:61\"", "\"2026-02-30\"", "\"Mars/Olympus\"", "\"MONDAY\":[]"))
      .mix(strings().allPossible().ofLengthBetween(0, 8), 40);

  static final Gen<Mutation> MUTATIONS = integers().between(0, 5).zip(integers().all(),
      integers().between(0, 12), JUNK, Mutation::new);

  static void assertOnlyCodecExceptions(Gen<String> documents, Class<?> type) {
    qt().withExamples(2000).forAll(documents, MUTATIONS, MUTATIONS).checkAssert((json, first, second) ->
        assertDecodingFailsOnlyWithCodecException(second.applyTo(first.applyTo(json)), type));
  }

  static void assertDecodingFailsOnlyWithCodecException(String mutated, Class<?> type) {
    for (boolean asDocument : new boolean[] {false, true}) {
      try {
        if (asDocument) {
          JsonRoundTripProperties.CODEC.decodeDocument(mutated, type);
        } else {
          JsonRoundTripProperties.CODEC.decode(mutated, type);
        }
      } catch (CodecException expected) {
        // the only allowed failure
      } catch (Throwable other) {
        throw new AssertionError("Decoding " + mutated + " threw " + other, other);
      }
    }
  }

  @Test
  void mutatedMoney() {
    assertOnlyCodecExceptions(
        KernelGenerators.money().map(m -> JsonRoundTripProperties.CODEC.encodeDocument(m)), Money.class);
  }

  @Test
  void mutatedCalendars() {
    // Generated calendars need more randomness per example than QuickTheories gives together with
    // a mutation, so the fuzz starts from fixed, rich calendars: the mutations do the exploring.
    java.util.List<String> calendars = new java.util.ArrayList<>();
    for (String zone : List.of("Asia/Shanghai", "America/New_York", "Australia/Lord_Howe")) {
      calendars.add(JsonRoundTripProperties.CODEC.encodeDocument(BusinessCalendar.builder(java.time.ZoneId.of(zone))
          .workingHours(java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
              java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0))
          .workingHours(java.time.DayOfWeek.SATURDAY, java.time.LocalTime.of(13, 30), java.time.LocalTime.MIDNIGHT)
          .holiday(java.time.LocalDate.of(2026, 10, 1), "National Day")
          .holiday(java.time.LocalDate.of(2026, 12, 25), "Christmas")
          .specialDay(java.time.LocalDate.of(2026, 10, 10), io.rapport.crm.kernel.WorkingHours.of(
              java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0)))
          .build()));
    }
    assertOnlyCodecExceptions(arbitrary().pick(calendars), BusinessCalendar.class);
  }

  @Test
  void mutatedAggregates() {
    Gen<String> tallies = KernelGenerators.money().map(total -> JsonRoundTripProperties.CODEC
        .encodeDocument(new Tally(io.rapport.crm.kernel.CustomerId.parse("c-1"), 3, total, "n")));
    assertOnlyCodecExceptions(tallies, Tally.class);
  }
}
