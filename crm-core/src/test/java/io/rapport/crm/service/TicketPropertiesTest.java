package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.LI;
import static io.rapport.crm.service.TicketFixtures.OTHER_CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.SERVICE;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.WANG;
import static io.rapport.crm.service.TicketFixtures.WORKSHOP;
import static io.rapport.crm.service.TicketFixtures.crackedTable;
import static io.rapport.crm.service.TicketFixtures.qt;
import static io.rapport.crm.service.TicketFixtures.rebuilt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws that hold whatever commands a ticket receives, in whatever order and at whatever time. */
class TicketPropertiesTest {

  static final List<TicketStatus> STATUSES = List.of(TicketStatus.values());
  static final List<String> TEXTS = List.of("The drawer sticks", "  ", "Photos attached",
      "x".repeat(20_001), "红木 oil", "");
  static final List<Option<EmployeeId>> AGENTS = List.of(Option.some(LI), Option.some(WANG),
      Option.none());
  static final List<Option<TeamId>> TEAMS = List.of(Option.some(SERVICE), Option.some(WORKSHOP),
      Option.none());
  static final List<Set<String>> TAG_SETS = List.of(HashSet.of("oil"), HashSet.of(" oil ", "wax"),
      HashSet.empty(), HashSet.of(" "), HashSet.of("x".repeat(65)));
  static final List<TicketId> OTHERS = List.of(TICKET, TicketId.parse("T-7"),
      TicketId.parse("T-8"));
  static final List<ArticleId> ARTICLES = List.of(ArticleId.parse("A-1"), ArticleId.parse("A-2"));
  static final List<CsatScale> SCALES = List.of(CsatScale.ONE_TO_FIVE, CsatScale.of(0, 10, 6));
  static final List<EscalationAction> ACTIONS = List.of(
      new EscalationAction.RaisePriority(Priority.HIGH),
      new EscalationAction.RaisePriority(Priority.URGENT),
      new EscalationAction.Reassign(Option.some(WORKSHOP), Option.none()),
      new EscalationAction.Reassign(Option.none(), Option.some(WANG)),
      new EscalationAction.Reassign(Option.some(SERVICE), Option.some(LI)),
      new EscalationAction.NotifyRole(Role.MANAGER));

  /** Each number picks a command, its arguments and how far the clock moves (possibly back). */
  static final Gen<java.util.List<Integer>> SCRIPTS =
      lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60);

  static final int COMMANDS = 26;

  static EventStamp stamp(int n, Instant at, boolean customer) {
    return EventStamp.of(EventId.parse("ev-" + n), at,
        customer ? ActorId.parse("customer:C-1001") : AGENT_ACTOR);
  }

  static Ticket start(int code) {
    TicketDraft draft = code % 2 == 0 ? crackedTable()
        : crackedTable().withStatus(TicketStatus.OPEN).withTeam(SERVICE).withAssignee(LI)
            .withTags("oil");
    return Ticket.open(TICKET, draft, stamp(0, T0, false)).get().state();
  }

  static SlaReview review(int arg, Instant at) {
    SlaPolicyId policy = SlaPolicyId.parse("SLA-std");
    Seq<SlaAlert> alerts = arg % 3 == 0 ? List.empty() : List.of(new SlaAlert(
        SlaTargetKind.RESOLUTION, 0, arg % 2 == 0 ? AlertLevel.WARNING : AlertLevel.BREACH, at));
    Seq<EscalationAction> actions = alerts.isEmpty() ? List.empty()
        : List.of(ACTIONS.get(arg % ACTIONS.size()), ACTIONS.get(arg / 7 % ACTIONS.size()));
    TicketSla sla = new TicketSla(policy, List.empty(), HashSet.ofAll(alerts.map(SlaAlert::mark)),
        at);
    return new SlaReview(new SlaState(policy, at, List.empty()), sla, alerts, actions);
  }

  /** Applies the command a number encodes; a merge or split returns the side it continues. */
  static Either<TicketRejection, Transition<Ticket>> apply(Ticket t, int code, EventStamp s,
      EventStamp customer) {
    int arg = code / COMMANDS;
    switch (code % COMMANDS) {
      case 0:
        return t.moveTo(STATUSES.get(arg % STATUSES.size()), RULES, s);
      case 1:
        return t.start(s);
      case 2:
        return t.waitOnCustomer(s);
      case 3:
        return t.waitOnThirdParty(s);
      case 4:
        return t.resolve(s);
      case 5:
        return t.close(s);
      case 6:
        return t.reopen(RULES, s);
      case 7:
        return arg % 2 == 0 ? t.markSpam(s) : t.notSpam(s);
      case 8:
        return t.reply(TEXTS.get(arg % TEXTS.size()), s);
      case 9:
        return t.addNote(TEXTS.get(arg % TEXTS.size()), s);
      case 10:
      case 11:
        return t.customerWrote(TEXTS.get(arg % TEXTS.size()), RULES, customer);
      case 12:
        return t.assign(AGENTS.get(arg % AGENTS.size()), s);
      case 13:
        return arg % 2 == 0 ? t.transferToTeam(TEAMS.get(arg % TEAMS.size()), s)
            : t.transferToTeam(TEAMS.get(arg % TEAMS.size()), AGENTS.get(arg % AGENTS.size()), s);
      case 14:
        return t.changePriority(Priority.values()[arg % 4], s);
      case 15:
        return t.recategorize(arg % 2 == 0 ? TicketCategory.REPAIR : TicketCategory.INQUIRY, s);
      case 16:
        return t.retag(TAG_SETS.get(arg % TAG_SETS.size()), s);
      case 17:
        return t.rename(TEXTS.get(arg % TEXTS.size()), s);
      case 18:
        return arg % 3 == 0 ? t.clearParent(s) : t.setParent(OTHERS.get(arg % OTHERS.size()), s);
      case 19:
        return arg % 2 == 0 ? t.relate(OTHERS.get(arg % OTHERS.size()), s)
            : t.unrelate(OTHERS.get(arg % OTHERS.size()), s);
      case 20:
        return arg % 2 == 0 ? t.linkArticle(ARTICLES.get(arg % 4 / 2), s)
            : t.unlinkArticle(ARTICLES.get(arg % 4 / 2), s);
      case 21:
        return t.transferTo(arg % 2 == 0 ? CUSTOMER : OTHER_CUSTOMER, s);
      case 22:
        return t.applySla(review(arg, s.at()), s);
      case 23:
        return t.rate(arg % 13 - 1, arg % 3 == 0 ? Option.none()
            : Option.of(TEXTS.get(arg % TEXTS.size())), SCALES.get(arg % 2), customer);
      case 24:
        return merge(t, arg, s);
      default:
        return TicketSplit.split(t, TicketId.parse("T-split-" + s.eventId().value()),
            List.of(arg % 5, arg / 5 % 5).distinct(), TEXTS.get(arg % TEXTS.size()), s)
            .map(outcome -> {
              checkValid(outcome.split().state());
              return outcome.original();
            });
    }
  }

  /** Merges a fresh duplicate into the ticket, or the ticket into a fresh one. */
  static Either<TicketRejection, Transition<Ticket>> merge(Ticket t, int arg, EventStamp s) {
    Ticket other = Ticket.open(TicketId.parse("T-other-" + s.eventId().value()),
        crackedTable(), stamp(0, T0, false)).get().state();
    if (arg % 4 == 0) {
      return TicketMerge.merge(t, other, s).map(outcome -> {
        checkValid(outcome.target().state());
        return outcome.source();
      });
    }
    return TicketMerge.merge(other, t, s).map(outcome -> {
      checkValid(outcome.source().state());
      return outcome.target();
    });
  }

  /** Checks the laws every reachable ticket obeys. */
  static void checkValid(Ticket now) {
    assertThatCode(() -> rebuilt(now)).doesNotThrowAnyException();
    TicketHistoryEntry last = now.history().last();
    assertThat(List.of(last.status(), last.priority(), last.team(), last.assignee()))
        .containsExactly(now.status(), now.priority(), now.team(), now.assignee());
    Seq<SlaSignal> signals = now.slaSignals();
    assertThat(signals.head()).isEqualTo(new SlaSignal.StatusChanged(now.createdAt(),
        now.history().head().status()));
    assertThat(signals.sliding(2).filter(pair -> pair.size() == 2)
        .forAll(pair -> !pair.get(1).at().isBefore(pair.get(0).at()))).as("signals in order")
        .isTrue();
    assertThat(now.comments().map(TicketComment::number))
        .containsExactlyElementsOf(List.rangeClosed(1, now.comments().size()));
  }

  @Test
  void randomCommandSequencesKeepEveryInvariant() {
    java.util.Set<TicketStatus> seen = EnumSet.noneOf(TicketStatus.class);
    java.util.Set<String> refusals = new java.util.HashSet<>();
    qt().forAll(integers().between(0, 1), SCRIPTS).checkAssert((first, script) -> {
      Ticket ticket = start(first);
      Instant clock = T0;
      int n = 1;
      for (int code : script) {
        clock = clock.plus(Duration.ofMinutes(((code / 11) % 50 - 3) * 37L));
        Ticket before = ticket;
        Ticket snapshot = rebuilt(ticket);
        EventStamp s = stamp(n++, clock, false);
        Either<TicketRejection, Transition<Ticket>> result =
            apply(ticket, code, s, stamp(n++, clock, true));
        if (result.isLeft()) {
          TicketRejection refusal = result.getLeft();
          refusals.add(refusal.code());
          assertThat(refusal.code()).startsWith("ticket.");
          assertThat(before).isEqualTo(snapshot);
          if (refusal.ticket().equals(before.id())) {
            assertThat(refusal.status()).isEqualTo(before.status());
            assertThat(refusal.allowedMoves()).isEqualTo(before.allowedMoves());
          }
          continue;
        }
        Ticket now = result.get().state();
        ticket = now;
        seen.add(now.status());
        assertThat(result.get().events().size()).isLessThanOrEqualTo(1);
        result.get().events().forEach(e -> assertThat(e.aggregateId()).isEqualTo(now.id()));
        checkValid(now);
        assertThat(now.history().startsWith(before.history())).isTrue();
        assertThat(now.comments().startsWith(before.comments())).isTrue();
        assertThat(now.updatedAt()).isAfterOrEqualTo(before.updatedAt());
        assertThat(now.createdAt()).isEqualTo(before.createdAt());
      }
    });
    assertThat(seen).as("statuses reached").containsExactlyInAnyOrder(TicketStatus.values());
    assertThat(refusals).as("refusals seen").contains("ticket.out_of_order",
        "ticket.move_not_allowed", "ticket.no_change", "ticket.follow_up_needed",
        "ticket.reopen_window_passed", "ticket.comment.blank", "ticket.merged");
  }
}
