package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TicketId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** Paging through a timeline yields the sorted union of its sources, whatever the page size. */
class TimelineProperties {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final String[] KINDS = {"interaction.call", "ticket.opened", "purchase", "survey.answered"};

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(Long.getLong("rapport.seed", 20261123L)).withExamples(500);
  }

  /**
   * Decodes a number into an entry at one of a few instants (so ties are common), from one of a few
   * records, of one of a few kinds.
   */
  static TimelineEntry entry(int code, int instants) {
    Instant at = T0.plusSeconds(code % instants);
    int record = code / instants % 7;
    RecordRef source = record % 2 == 0 ? RecordRef.to(InteractionId.parse("I-" + record))
        : RecordRef.to(TicketId.parse("T-" + record));
    String kind = KINDS[code / instants / 7 % KINDS.length];
    Option<EmployeeId> employee = code % 3 == 0 ? Option.none() : Option.of(EmployeeId.parse("E-1"));
    return new TimelineEntry(at, source, kind, kind + " " + code, employee);
  }

  /** The union of all sources: distinct positions, each assigned to one of the sources. */
  record Timelines(Seq<Seq<TimelineEntry>> sources) {
    Seq<TimelineEntry> union() {
      return sources.flatMap(entries -> entries);
    }

    Seq<TimelineSource> asSources() {
      return sources.map(TimelineSource::of);
    }
  }

  static Gen<Timelines> timelines(int instants) {
    return lists().of(integers().between(0, 10_000)).ofSizeBetween(0, 80)
        .zip(integers().between(1, 5), (codes, count) -> {
          Seq<TimelineEntry> distinct = List.ofAll(codes).map(code -> entry(code, instants))
              .distinctBy(TimelineEntry::cursor);
          Seq<Seq<TimelineEntry>> sources = List.range(0, count).map(index -> distinct
              .zipWithIndex().filter(pair -> pair._2 % count == index).map(pair -> pair._1));
          return new Timelines(sources);
        });
  }

  static List<TimelinePage> allPages(Seq<TimelineSource> sources, int limit) {
    List<TimelinePage> pages = List.empty();
    Option<TimelineCursor> cursor = Option.none();
    do {
      TimelinePage page = Timeline.page(sources, cursor, limit);
      pages = pages.append(page);
      cursor = page.next();
    } while (cursor.isDefined() && pages.size() <= 1000);
    return pages;
  }

  @Test
  void pagingYieldsEveryEntryExactlyOnceInOrder() {
    qt().forAll(timelines(50), integers().between(1, 25)).checkAssert((timelines, limit) -> {
      List<TimelinePage> pages = allPages(timelines.asSources(), limit);
      Seq<TimelineEntry> paged = pages.flatMap(TimelinePage::entries);
      assertThat(paged).containsExactlyElementsOf(timelines.union().sorted(TimelineEntry.ORDER));
      assertThat(pages.init()).allSatisfy(page -> assertThat(page.entries()).hasSize(limit));
      assertThat(pages.last().entries().size()).isBetween(0, limit);
      assertThat(pages.last().next()).isEqualTo(Option.none());
      assertThat(pages.size()).isLessThanOrEqualTo(Math.max(1, (paged.size() + limit - 1) / limit));
    });
  }

  @Test
  void pagesAreStableWhenSourcesHoldTiesAtTheSameInstant() {
    qt().forAll(timelines(2), integers().between(1, 10)).checkAssert((timelines, limit) -> {
      List<TimelinePage> pages = allPages(timelines.asSources(), limit);
      List<TimelinePage> reversed = allPages(timelines.asSources().reverse(), limit);
      List<TimelinePage> again = allPages(timelines.asSources(), limit);
      assertThat(reversed).isEqualTo(pages);
      assertThat(again).isEqualTo(pages);
      assertThat(pages.flatMap(TimelinePage::entries))
          .containsExactlyElementsOf(timelines.union().sorted(TimelineEntry.ORDER));
    });
  }

  @Test
  void aPageResumesFromAnyCursorEvenOneAtNoEntry() {
    qt().forAll(timelines(6), integers().between(0, 10_000), integers().between(1, 30))
        .checkAssert((timelines, code, limit) -> {
          TimelineCursor cursor = entry(code, 6).cursor();
          TimelinePage page = Timeline.page(timelines.asSources(), Option.of(cursor), limit);
          Seq<TimelineEntry> expected = timelines.union().sorted(TimelineEntry.ORDER)
              .filter(entry -> entry.isAfter(cursor));
          assertThat(page.entries()).containsExactlyElementsOf(expected.take(limit));
          assertThat(page.next().isDefined()).isEqualTo(expected.size() > limit);
        });
  }

  @Test
  void cursorsParseBackFromTheirTokensAndCompareLikeTheirEntries() {
    Gen<Integer> codes = integers().between(0, 10_000);
    qt().forAll(codes, codes).checkAssert((a, b) -> {
      TimelineEntry first = entry(a, 6);
      TimelineEntry second = entry(b, 6);
      assertThat(TimelineCursor.parse(first.cursor().toString())).isEqualTo(first.cursor());
      assertThat(Integer.signum(first.cursor().compareTo(second.cursor())))
          .isEqualTo(Integer.signum(TimelineEntry.ORDER.compare(first, second)));
    });
  }
}
