package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Comparator;

/**
 * Shows one thing that happened with a customer in their 360° timeline: an interaction, an
 * opportunity won, a ticket opened, a purchase, loyalty points earned, a survey answered. Immutable
 * and thread-safe.
 *
 * <p>A timeline runs newest first: by {@code at} descending, then by the source's text ascending,
 * then by kind ascending ({@link #ORDER}). That order is total as long as one record does not show
 * two entries of the same kind at the same instant, which every {@link TimelineSource} ensures.
 *
 * @param at when it happened
 * @param source the record it comes from, such as {@code interactionId/I-1} or {@code ticketId/T-17}
 * @param kind what happened, such as {@code interaction.call}, {@code opportunity.won},
 *     {@code ticket.opened}, {@code purchase}, {@code loyalty.points_earned} or
 *     {@code survey.answered}: dot-separated words of lower-case letters, digits and underscores,
 *     at most 64 characters
 * @param title a short readable line, such as {@code Inbound call, answered, 4 min}: not blank, at
 *     most {@value #MAX_TITLE_LENGTH} characters
 * @param employee the employee who took part, if any
 */
public record TimelineEntry(Instant at, RecordRef source, String kind, String title,
    Option<EmployeeId> employee) {

  /** The longest title, in characters. */
  public static final int MAX_TITLE_LENGTH = 500;

  /** Orders entries as a timeline shows them: newest first, then by source, then by kind. */
  public static final Comparator<TimelineEntry> ORDER = (a, b) ->
      TimelineOrder.compare(a.at, a.source, a.kind, b.at, b.source, b.kind);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every violation {@link #validated} reports
   */
  public TimelineEntry {
    requireNonNull(at, "at");
    requireNonNull(source, "source");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    requireNonNull(employee, "employee");
    Seq<Violation> problems = problems(at, source, kind, title);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Validates outside input into an entry.
   *
   * @param at when, possibly null
   * @param source the record it comes from, possibly null
   * @param kind what happened, possibly null
   * @param title the readable line, possibly null
   * @param employee the employee who took part, if any
   * @return the entry, or every violation: {@code timeline.at.missing},
   *     {@code timeline.source.missing}, {@code timeline.kind.missing},
   *     {@code timeline.kind.malformed}, {@code timeline.title.blank},
   *     {@code timeline.title.too_long}
   * @throws NullPointerException if employee is null
   */
  public static Validation<Seq<Violation>, TimelineEntry> validated(Instant at, RecordRef source,
      String kind, String title, Option<EmployeeId> employee) {
    requireNonNull(employee, "employee");
    Seq<Violation> problems = problems(at, source, kind, title);
    return problems.isEmpty() ? Validation.valid(new TimelineEntry(at, source, kind, title, employee))
        : Validation.invalid(problems);
  }

  /** Returns the position of this entry, to page on from it. */
  public TimelineCursor cursor() {
    return new TimelineCursor(at, source, kind);
  }

  /**
   * Tells whether this entry comes after a position in the timeline, that is, is older or later in
   * the tie-break order.
   *
   * @param cursor the position
   * @return true if this entry is strictly after it
   * @throws NullPointerException if cursor is null
   */
  public boolean isAfter(TimelineCursor cursor) {
    requireNonNull(cursor, "cursor");
    return TimelineOrder.compare(at, source, kind, cursor.at(), cursor.source(), cursor.kind()) > 0;
  }

  private static Seq<Violation> problems(Instant at, RecordRef source, String kind, String title) {
    List<Violation> problems = List.empty();
    if (at == null) {
      problems = problems.append(Violation.of("timeline.at.missing", "at",
          "A timeline entry needs a time"));
    }
    if (source == null) {
      problems = problems.append(Violation.of("timeline.source.missing", "source",
          "A timeline entry needs the record it comes from"));
    }
    Violation kindProblem = TimelineOrder.kindProblem(kind, "kind");
    if (kindProblem != null) {
      problems = problems.append(kindProblem);
    }
    if (title == null || title.isBlank()) {
      problems = problems.append(Violation.of("timeline.title.blank", "title",
          "A timeline entry needs a title"));
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE_LENGTH) {
      problems = problems.append(Violation.of("timeline.title.too_long", "title",
          "A title has at most " + MAX_TITLE_LENGTH + " characters, but got "
              + title.codePointCount(0, title.length())));
    }
    return problems;
  }
}
