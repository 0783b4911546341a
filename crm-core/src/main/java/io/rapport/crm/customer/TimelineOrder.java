package io.rapport.crm.customer;

import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import java.time.Instant;

/** The order of a customer's timeline, and the checks its entries and cursors share. */
final class TimelineOrder {

  /** The longest entry kind, in characters. */
  static final int MAX_KIND_LENGTH = 64;

  private TimelineOrder() {}

  /**
   * Compares two timeline positions: the later one first, then by source text ascending, then by
   * kind ascending. Negative if the first comes before the second in the timeline.
   */
  static int compare(Instant at, RecordRef source, String kind, Instant otherAt,
      RecordRef otherSource, String otherKind) {
    int byTime = otherAt.compareTo(at);
    if (byTime != 0) {
      return byTime;
    }
    int bySource = source.equals(otherSource) ? 0
        : source.toString().compareTo(otherSource.toString());
    return bySource != 0 ? bySource : kind.compareTo(otherKind);
  }

  /**
   * Returns the problem with an entry kind, or null: dot-separated words of lower-case letters,
   * digits and underscores, each starting with a letter, such as {@code loyalty.points_earned}.
   */
  static Violation kindProblem(String kind, String field) {
    if (kind == null) {
      return Violation.of("timeline.kind.missing", field, "A timeline entry needs a kind");
    }
    boolean wordStart = true;
    boolean valid = !kind.isEmpty() && kind.length() <= MAX_KIND_LENGTH;
    for (int i = 0; valid && i < kind.length(); i++) {
      char c = kind.charAt(i);
      if (c == '.') {
        valid = !wordStart;
        wordStart = true;
      } else {
        boolean letter = c >= 'a' && c <= 'z';
        valid = wordStart ? letter : letter || (c >= '0' && c <= '9') || c == '_';
        wordStart = false;
      }
    }
    if (!valid || wordStart) {
      return Violation.of("timeline.kind.malformed", field, "Expected a kind of at most "
          + MAX_KIND_LENGTH + " characters such as 'interaction.call' or 'loyalty.points_earned', "
          + "but got " + Checks.quote(kind));
    }
    return null;
  }
}
