package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.ARTICLE;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.SECOND;
import static io.rapport.crm.service.TicketFixtures.THIRD;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.crackedTable;
import static io.rapport.crm.service.TicketFixtures.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invariant of the ticket's constructor breaks with its own code. */
class TicketInvariantsTest {

  static final Duration SECOND_LATER = Duration.ofSeconds(1);

  /**
   * A closed, rated ticket that uses every component: tags, parent, comments of every kind, a
   * relation, an article, a merged duplicate, a split origin.
   */
  static Ticket aFullTicket() {
    Ticket ticket = opened(TICKET, crackedTable().withTags("rosewood", "warranty")
        .withParent(TicketId.parse("T-0")));
    ticket = accepted(ticket.reply("We will send a technician", at(1)));
    ticket = accepted(ticket.customerWrote("Thank you", RULES, byCustomer(2)));
    ticket = accepted(ticket.addNote("Technician booked for Friday", at(3)));
    ticket = accepted(ticket.relate(THIRD, at(4)));
    ticket = accepted(ticket.linkArticle(ARTICLE, at(5)));
    Ticket duplicate = opened(SECOND, crackedTable());
    ticket = TicketMerge.merge(duplicate, ticket, at(6)).get().target().state();
    ticket = accepted(ticket.resolve(at(7)));
    ticket = accepted(ticket.close(at(8)));
    ticket = accepted(ticket.rate(5, Option.some("Very quick"), CsatScale.ONE_TO_FIVE, at(9)));
    TicketFixtures.Shape shape = new TicketFixtures.Shape(ticket);
    shape.splitFrom = Option.some(TicketId.parse("T-9"));
    return shape.build();
  }

  static Arguments broken(String code, Consumer<TicketFixtures.Shape> change) {
    return Arguments.of(code, change);
  }

  static Instant minus(Instant at, Duration by) {
    return at.minus(by);
  }

  static Stream<Arguments> everyRule() {
    return Stream.of(
        broken("ticket.subject.blank", s -> s.subject = " "),
        broken("ticket.subject.too_long", s -> s.subject = "x".repeat(201)),
        broken("ticket.description.too_long", s -> s.description = "x".repeat(10_001)),
        broken("ticket.tags.too_many", s -> s.tags = TreeSet.ofAll(
            IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList())),
        broken("ticket.tag.blank", s -> s.tags = s.tags.add(" ")),
        broken("ticket.tag.not_stripped", s -> s.tags = s.tags.add(" oil")),
        broken("ticket.tag.too_long", s -> s.tags = s.tags.add("x".repeat(65))),
        broken("ticket.comment.number_mismatch", s -> s.comments = s.comments.update(0,
            renumbered(s.comments.get(0), 7))),
        broken("ticket.comment.out_of_order", s -> s.comments = s.comments.update(1,
            dated(s.comments.get(1), s.createdAt))),
        broken("ticket.comment.before_creation", s -> s.comments = s.comments.update(0,
            dated(s.comments.get(0), minus(s.createdAt, SECOND_LATER)))),
        broken("ticket.comment.after_update", s -> s.comments = s.comments.update(
            s.comments.size() - 1, dated(s.comments.last(), s.updatedAt.plus(SECOND_LATER)))),
        broken("ticket.first_response.mismatch", s -> s.firstResponseAt = Option.none()),
        broken("ticket.parent.self", s -> s.parent = Option.some(s.id)),
        broken("ticket.related.self", s -> s.related = s.related.add(s.id)),
        broken("ticket.merged_into.mismatch", s -> s.mergedInto = Option.some(SECOND)),
        broken("ticket.merged_into.self", s -> s.mergedInto = Option.some(s.id)),
        broken("ticket.merged_from.duplicate", s -> s.mergedFrom = s.mergedFrom.append(SECOND)),
        broken("ticket.merged_from.self", s -> s.mergedFrom = s.mergedFrom.append(s.id)),
        broken("ticket.split_from.self", s -> s.splitFrom = Option.some(s.id)),
        broken("ticket.solved_by.duplicate", s -> s.solvedBy = s.solvedBy.append(ARTICLE)),
        broken("ticket.satisfaction.out_of_range", s -> s.satisfaction = s.satisfaction.map(
            r -> new Satisfaction(r.score(), r.scale(), r.comment(),
                s.updatedAt.plus(SECOND_LATER)))),
        broken("ticket.resolved_at.mismatch", s -> s.resolvedAt = Option.none()),
        broken("ticket.resolved_at.out_of_range", s -> s.resolvedAt = Option.some(
            minus(s.createdAt, SECOND_LATER))),
        broken("ticket.closed_at.mismatch", s -> s.closedAt = Option.none()),
        broken("ticket.closed_at.out_of_range", s -> s.closedAt = Option.some(
            minus(s.resolvedAt.get(), SECOND_LATER))),
        broken("ticket.updated_at.before_creation", s -> s.updatedAt =
            minus(s.createdAt, SECOND_LATER)),
        broken("ticket.history.empty", s -> s.history = Vector.empty()),
        broken("ticket.history.first_not_at_creation", s -> s.history = s.history.update(0,
            entryAt(s.history.get(0), s.createdAt.plus(SECOND_LATER)))),
        broken("ticket.history.out_of_order", s -> s.history = s.history.update(1,
            entryAt(s.history.get(1), minus(s.createdAt, SECOND_LATER)))),
        broken("ticket.history.after_update", s -> s.history = s.history.update(
            s.history.size() - 1, entryAt(s.history.last(), s.updatedAt.plus(SECOND_LATER)))),
        broken("ticket.history.last_mismatch", s -> s.priority = Priority.URGENT));
  }

  static TicketComment renumbered(TicketComment c, int number) {
    return new TicketComment(number, c.author(), c.visibility(), c.by(), c.at(), c.body(),
        c.copiedFrom());
  }

  static TicketComment dated(TicketComment c, Instant at) {
    return new TicketComment(c.number(), c.author(), c.visibility(), c.by(), at, c.body(),
        c.copiedFrom());
  }

  static TicketHistoryEntry entryAt(TicketHistoryEntry e, Instant at) {
    return new TicketHistoryEntry(at, e.by(), e.status(), e.priority(), e.team(), e.assignee());
  }

  static List<String> codesOf(Consumer<TicketFixtures.Shape> change) {
    TicketFixtures.Shape shape = new TicketFixtures.Shape(aFullTicket());
    change.accept(shape);
    InvalidValueException thrown = catchThrowableOfType(shape::build,
        InvalidValueException.class);
    assertThat(thrown).as("an invalid ticket is refused").isNotNull();
    return thrown.violations().map(Violation::code).toList();
  }

  @Test
  void theFullTicketIsValidAndUsesEveryComponent() {
    Ticket full = aFullTicket();

    assertThatCode(() -> TicketFixtures.rebuilt(full)).doesNotThrowAnyException();
    assertThat(full.comments().map(TicketComment::author)).contains(CommentAuthor.AGENT,
        CommentAuthor.CUSTOMER, CommentAuthor.SYSTEM);
    assertThat(List.of(full.tags().isEmpty(), full.related().isEmpty(),
        full.mergedFrom().isEmpty(), full.solvedBy().isEmpty(), full.parent().isEmpty(),
        full.splitFrom().isEmpty(), full.satisfaction().isEmpty(), full.closedAt().isEmpty(),
        full.firstResponseAt().isEmpty())).containsOnly(false);
    assertThat(full.history().size()).isGreaterThan(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRule")
  void everyBrokenRuleIsReportedWithItsCode(String code,
      Consumer<TicketFixtures.Shape> change) {
    assertThat(codesOf(change)).contains(code);
  }

  @Test
  void everyBrokenRuleIsReportedAtOnceWithItsField() {
    TicketFixtures.Shape shape = new TicketFixtures.Shape(aFullTicket());
    shape.subject = "";
    shape.parent = Option.some(shape.id);
    shape.solvedBy = shape.solvedBy.append(ARTICLE);

    InvalidValueException thrown = catchThrowableOfType(shape::build,
        InvalidValueException.class);

    assertThat(thrown.violations().map(v -> v.code() + "@" + v.field())).containsExactly(
        "ticket.subject.blank@subject", "ticket.parent.self@parent",
        "ticket.solved_by.duplicate@solvedBy");
  }

  @Test
  void aCommentBreaksItsOwnRules() {
    TicketComment valid = aFullTicket().comments().get(1);

    InvalidValueException thrown = catchThrowableOfType(() -> new TicketComment(0,
        CommentAuthor.CUSTOMER, CommentVisibility.INTERNAL, valid.by(), valid.at(), " \n ",
        Option.none()), InvalidValueException.class);

    assertThat(thrown.violations().map(Violation::code)).containsExactly(
        "ticket.comment.number.not_positive", "ticket.comment.blank",
        "ticket.comment.customer_internal");
    assertThat(catchThrowableOfType(() -> new TicketComment(1, CommentAuthor.AGENT,
        CommentVisibility.PUBLIC, valid.by(), valid.at(), "x".repeat(20_001), Option.none()),
        InvalidValueException.class).violations().map(Violation::code))
        .containsExactly("ticket.comment.too_long");
    assertThatCode(() -> new TicketComment(1, CommentAuthor.AGENT, CommentVisibility.PUBLIC,
        valid.by(), valid.at(), "红".repeat(20_000), Option.none()))
        .doesNotThrowAnyException();
  }

  @Test
  void textLimitsCountCharactersNotUtf16Units() {
    TicketFixtures.Shape shape = new TicketFixtures.Shape(aFullTicket());
    shape.subject = "𝄞".repeat(200);
    shape.tags = shape.tags.add("红木".repeat(32));

    assertThatCode(shape::build).doesNotThrowAnyException();
  }
}
