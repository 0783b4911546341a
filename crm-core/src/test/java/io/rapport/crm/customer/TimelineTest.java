package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final EmployeeId AGENT = EmployeeId.parse("E-7");
  static final RecordRef OPPORTUNITY = RecordRef.to(OpportunityId.parse("O-42"));
  static final RecordRef TICKET = RecordRef.to(TicketId.parse("T-17"));
  static final RecordRef SURVEY = RecordRef.to(SurveyId.parse("S-3"));

  static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  static TimelineEntry entry(int day, RecordRef source, String kind) {
    return new TimelineEntry(day(day), source, kind, kind + " on day " + day, Option.none());
  }

  /** Pages through everything, returning the pages. */
  static List<TimelinePage> allPages(Seq<TimelineSource> sources, int limit) {
    List<TimelinePage> pages = List.empty();
    Option<TimelineCursor> cursor = Option.none();
    do {
      TimelinePage page = Timeline.page(sources, cursor, limit);
      pages = pages.append(page);
      cursor = page.next();
    } while (cursor.isDefined());
    return pages;
  }

  @Test
  void mergesEveryKindOfRecordNewestFirstWithPaging() {
    Interaction call = Interaction.record(InteractionTest.ID, InteractionTest.LI_WEI,
        InteractionTest.ANSWERED_CALL, day(3), Option.of(AGENT), "Asked about delivery",
        HashSet.of(OPPORTUNITY), InteractionTest.stamp(60 * 24 * 4)).get().state();
    TimelineSource interactions = TimelineSource.of(List.of(call.timelineEntry()));
    TimelineSource opportunities = TimelineSource.of(List.of(
        new TimelineEntry(day(1), OPPORTUNITY, "opportunity.created", "Tea table, 38.6 jin",
            Option.of(AGENT)),
        new TimelineEntry(day(5), OPPORTUNITY, "opportunity.won", "Won: tea table", Option.of(AGENT))));
    TimelineSource tickets = TimelineSource.of(List.of(
        new TimelineEntry(day(8), TICKET, "ticket.opened", "Scratch on the table top", Option.none())));
    TimelineSource surveys = TimelineSource.of(List.of(
        new TimelineEntry(day(9), SURVEY, "survey.answered", "NPS 9", Option.none())));

    List<TimelinePage> pages = allPages(List.of(interactions, opportunities, tickets, surveys), 2);

    assertThat(pages.map(page -> page.entries().size())).containsExactly(2, 2, 1);
    assertThat(pages.flatMap(TimelinePage::entries)).extracting(TimelineEntry::kind, TimelineEntry::at)
        .containsExactly(
            tuple("survey.answered", day(9)),
            tuple("ticket.opened", day(8)),
            tuple("opportunity.won", day(5)),
            tuple("interaction.call", day(3)),
            tuple("opportunity.created", day(1)));
    assertThat(pages.last().next()).isEqualTo(Option.none());
    assertThat(pages.last().isLast()).isTrue();
    assertThat(pages.head().next()).isEqualTo(Option.of(pages.head().entries().last().cursor()));
  }

  @Test
  void breaksTiesBySourceThenByKind() {
    Seq<TimelineEntry> sorted = List.of(
        entry(0, TICKET, "ticket.opened"),
        entry(1, TICKET, "ticket.opened"),
        entry(0, OPPORTUNITY, "opportunity.won"),
        entry(0, OPPORTUNITY, "opportunity.created"))
        .sorted(TimelineEntry.ORDER);
    assertThat(sorted).extracting(e -> e.at() + " " + e.source() + " " + e.kind()).containsExactly(
        day(1) + " ticketId/T-17 ticket.opened",
        day(0) + " opportunityId/O-42 opportunity.created",
        day(0) + " opportunityId/O-42 opportunity.won",
        day(0) + " ticketId/T-17 ticket.opened");
    assertThat(sorted.get(1).cursor().compareTo(sorted.get(2).cursor())).isNegative();
    assertThat(sorted.get(2).isAfter(sorted.get(1).cursor())).isTrue();
    assertThat(sorted.get(1).isAfter(sorted.get(1).cursor())).isFalse();
  }

  @Test
  void aSourceThatFillsTheLastPageExactlyEndsThePaging() {
    TimelineSource three = TimelineSource.of(List.of(entry(1, TICKET, "ticket.opened"),
        entry(2, TICKET, "ticket.escalated"), entry(3, TICKET, "ticket.resolved")));
    TimelinePage page = Timeline.page(List.of(three), Option.none(), 3);
    assertThat(page.entries()).hasSize(3);
    assertThat(page.next()).isEqualTo(Option.none());

    TimelinePage first = Timeline.page(List.of(three), Option.none(), 2);
    assertThat(first.next().isDefined()).isTrue();
    TimelinePage second = Timeline.page(List.of(three), first.next(), 2);
    assertThat(second.entries()).extracting(TimelineEntry::kind).containsExactly("ticket.opened");
    assertThat(second.next()).isEqualTo(Option.none());
    assertThat(Timeline.page(List.empty(), Option.none(), 10))
        .isEqualTo(new TimelinePage(List.empty(), Option.none()));
  }

  @Test
  void asksEachSourceForNoMoreThanOnePage() {
    TimelineSource all = TimelineSource.of(List.range(0, 500).map(n -> entry(n, TICKET, "ticket.note")));
    java.util.List<Integer> limitsAsked = new ArrayList<>();
    TimelineSource counting = (cursor, limit) -> {
      limitsAsked.add(limit);
      return all.after(cursor, limit);
    };
    TimelinePage page = Timeline.page(List.of(counting), Option.none(), 50);
    assertThat(page.entries()).hasSize(50);
    assertThat(page.entries().head().at()).isEqualTo(day(499));
    assertThat(limitsAsked).containsExactly(50, 1);
  }

  @Test
  void refusesALimitOutOfRange() {
    for (int limit : new int[] {0, -1, Timeline.MAX_LIMIT + 1}) {
      assertThatThrownBy(() -> Timeline.page(List.empty(), Option.none(), limit))
          .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
              .extracting(Violation::code, Violation::field)
              .containsExactly(tuple("timeline.limit.out_of_range", "limit")));
    }
  }

  @Test
  void refusesASourceThatBreaksItsContract() {
    TimelineSource unordered = (cursor, limit) -> List.of(entry(1, TICKET, "ticket.opened"),
        entry(2, TICKET, "ticket.resolved"));
    assertThatThrownBy(() -> Timeline.page(List.of(unordered), Option.none(), 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
    TimelineSource tooMany = (cursor, limit) -> List.range(0, limit + 1)
        .map(n -> entry(-n, TICKET, "ticket.note"));
    assertThatThrownBy(() -> Timeline.page(List.of(tooMany), Option.none(), 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at most 10");
  }

  @Test
  void theInMemorySourceRefusesDuplicatePositions() {
    assertThatThrownBy(() -> TimelineSource.of(List.of(entry(1, TICKET, "ticket.opened"),
        new TimelineEntry(day(1), TICKET, "ticket.opened", "Other title", Option.none()))))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::code).containsExactly("timeline.entry.duplicate"));
    assertThat(TimelineSource.of(List.of(entry(1, TICKET, "ticket.opened"))).after(Option.none(), 0))
        .isEmpty();
  }

  @Test
  void aCursorIsAnOpaqueUrlSafeTokenThatParsesBack() {
    TimelineCursor cursor = entry(1, TICKET, "ticket.opened").cursor();
    String token = cursor.toString();
    assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("T-17");
    assertThat(TimelineCursor.parse(token)).isEqualTo(cursor);
    assertThat(TimelineCursor.validated(token).get()).isEqualTo(cursor);
  }

  @Test
  void refusesMalformedCursors() {
    String valid = entry(1, TICKET, "ticket.opened").cursor().toString();
    for (String bad : new String[] {"", "not a cursor", "!!!", valid + "=", valid.substring(1),
        "MjAyNi0wMy0wMlQwOTowMDowMFo", "x".repeat(1000)}) {
      assertThat(TimelineCursor.validated(bad).getError()).as(bad)
          .extracting(Violation::code, Violation::field)
          .containsExactly(tuple("timeline.cursor.malformed", "cursor"));
    }
    assertThat(TimelineCursor.validated(null).getError()).extracting(Violation::code)
        .containsExactly("timeline.cursor.missing");
    assertThatThrownBy(() -> TimelineCursor.parse("nope")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void checksEntriesReportingEveryViolation() {
    assertThat(TimelineEntry.validated(null, null, "Interaction.Call", " ", Option.none()).getError())
        .extracting(Violation::code, Violation::field).containsExactly(
            tuple("timeline.at.missing", "at"),
            tuple("timeline.source.missing", "source"),
            tuple("timeline.kind.malformed", "kind"),
            tuple("timeline.title.blank", "title"));
    for (String bad : new String[] {"", ".call", "call.", "a..b", "1call", "call.2x", "call-x",
        "a".repeat(65)}) {
      assertThat(TimelineEntry.validated(T0, TICKET, bad, "t", Option.none()).getError()).as(bad)
          .extracting(Violation::code).containsExactly("timeline.kind.malformed");
    }
    for (String good : new String[] {"purchase", "loyalty.points_earned", "interaction.web_form",
        "a1.b_2"}) {
      assertThat(TimelineEntry.validated(T0, TICKET, good, "t", Option.none()).isValid()).as(good)
          .isTrue();
    }
    assertThat(TimelineEntry.validated(T0, TICKET, null, "t".repeat(501), Option.none()).getError())
        .extracting(Violation::code)
        .containsExactly("timeline.kind.missing", "timeline.title.too_long");
    assertThatThrownBy(() -> new TimelineEntry(T0, TICKET, "Ticket", "t", Option.none()))
        .isInstanceOf(InvalidValueException.class);
  }
}
