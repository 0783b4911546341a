package io.rapport.crm.service;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Duration;

/** Small helpers of the SLA shapes' checks and of the SLA clock. */
final class SlaChecks {

  /** The longest time a target may allow. */
  static final Duration MAX_WITHIN = Duration.ofDays(365);

  private SlaChecks() {}

  /** Throws the violations, if there are any. */
  static void orThrow(Seq<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidValueException(violations);
    }
  }

  /** Quotes an outside value for a message, shortening very long input. */
  static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }

  /**
   * Checks the cycle of a target: 0 for first response and resolution, from 1 for next response
   * ({@code sla.cycle.invalid}, field {@code cycle}).
   */
  static List<Violation> cycle(SlaTargetKind target, int cycle) {
    boolean recurring = target == SlaTargetKind.NEXT_RESPONSE;
    if (recurring ? cycle >= 1 : cycle == 0) {
      return List.empty();
    }
    return List.of(Violation.of("sla.cycle.invalid", "cycle", recurring
        ? "The cycles of next response are numbered from 1, but got " + cycle
        : "The " + describe(target) + " target has the single cycle 0, but got " + cycle));
  }

  /** Checks a time allowed to a target: positive, at most 365 days ({@code sla.target.within.*}). */
  static List<Violation> within(Duration within, String field) {
    if (within.isNegative() || within.isZero()) {
      return List.of(Violation.of("sla.target.within.not_positive", field,
          "A target must allow a positive time, but got " + within));
    }
    if (within.compareTo(MAX_WITHIN) > 0) {
      return List.of(Violation.of("sla.target.within.too_long", field,
          "A target allows at most 365 days, but got " + within));
    }
    return List.empty();
  }

  /** Checks that every code of a set is not blank ({@code code}, field {@code field}). */
  static List<Violation> noBlank(Set<String> codes, String code, String field, String what) {
    for (String value : codes) {
      if (value.isBlank()) {
        return List.of(Violation.of(code, field, what + " must not be blank, but got "
            + quote(value)));
      }
    }
    return List.empty();
  }

  /** Checks that an optional code is not blank. */
  static List<Violation> noBlank(Option<String> code, String violation, String field,
      String what) {
    return code.filter(String::isBlank)
        .map(value -> List.of(Violation.of(violation, field, what + " must not be blank")))
        .getOrElse(List.empty());
  }

  /** Returns how a target kind reads in a sentence: first response, next response, resolution. */
  static String describe(SlaTargetKind kind) {
    switch (kind) {
      case FIRST_RESPONSE:
        return "first response";
      case NEXT_RESPONSE:
        return "next response";
      default:
        return "resolution";
    }
  }
}
