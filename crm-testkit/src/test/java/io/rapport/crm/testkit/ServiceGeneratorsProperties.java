package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.service.CommentAuthor;
import io.rapport.crm.service.CommentVisibility;
import io.rapport.crm.service.CsatScale;
import io.rapport.crm.service.CustomerStanding;
import io.rapport.crm.service.EscalationAction;
import io.rapport.crm.service.EscalationRule;
import io.rapport.crm.service.Satisfaction;
import io.rapport.crm.service.SlaConditions;
import io.rapport.crm.service.SlaDue;
import io.rapport.crm.service.SlaMark;
import io.rapport.crm.service.SlaPolicy;
import io.rapport.crm.service.SlaTarget;
import io.rapport.crm.service.SlaTargetKind;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.service.TicketHistoryEntry;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.testkit.generators.ServiceGenerators;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The service generators make only valid records: every invariant the service constructors check
 * (the list in docs/guides/service-storage.md) holds for every generated value, checked here
 * independently of the constructors, which their owners are writing at the same time; and the
 * generators reach every status, kind and shape.
 */
class ServiceGeneratorsProperties {

  private static final Duration YEAR = Duration.ofDays(365);

  private static boolean text(String value, int max) {
    return !value.isBlank() && value.length() <= max;
  }

  private static boolean nondecreasing(Seq<Instant> times) {
    return times.sliding(2).forAll(pair -> pair.size() < 2 || !pair.get(1).isBefore(pair.get(0)));
  }

  private static boolean within(Instant at, Instant from, Instant until) {
    return !at.isBefore(from) && !at.isAfter(until);
  }

  /** Tells whether a cycle fits its target: 0 for first response and resolution, else 1 or more. */
  private static boolean cycle(SlaTargetKind target, int cycle) {
    return target == SlaTargetKind.NEXT_RESPONSE ? cycle >= 1 : cycle == 0;
  }

  static boolean tags(Set<String> tags) {
    return tags.size() <= 50 && tags.forAll(t -> !t.isBlank() && t.equals(t.strip())
        && t.length() <= 64);
  }

  static List<String> broken(CsatScale s) {
    return 0 <= s.min() && s.min() < s.max() && s.max() <= 100 && s.min() <= s.lowAtOrBelow()
        && s.lowAtOrBelow() < s.max() ? List.empty() : List.of("csat_scale");
  }

  static List<String> broken(Satisfaction s) {
    List<String> broken = broken(s.scale());
    if (s.score() < s.scale().min() || s.score() > s.scale().max()
        || s.comment().exists(c -> c.strip().isEmpty() || c.length() > 2000)) {
      broken = broken.append("satisfaction");
    }
    return broken;
  }

  static List<String> broken(TicketComment c) {
    return c.number() >= 1 && !c.body().isBlank() && c.body().length() <= 20_000
        && (c.author() != CommentAuthor.CUSTOMER || c.visibility() == CommentVisibility.PUBLIC)
        ? List.empty() : List.of("comment");
  }

  static List<String> broken(TicketSla sla) {
    List<String> broken = List.empty();
    for (SlaDue due : sla.running()) {
      if (!cycle(due.target(), due.cycle()) || due.warnAt().isAfter(due.dueAt())) {
        broken = broken.append("sla.due");
      }
    }
    if (sla.running().map(d -> List.of(d.target(), d.cycle())).distinct().size()
        != sla.running().size()) {
      broken = broken.append("sla.running.repeated");
    }
    if (sla.marks().exists(m -> !cycle(m.target(), m.cycle()))) {
      broken = broken.append("sla.mark");
    }
    return broken;
  }

  /** Returns the names of the broken ticket invariants. */
  static List<String> broken(Ticket t) {
    List<String> broken = t.comments().flatMap(ServiceGeneratorsProperties::broken).toList();
    broken = broken.appendAll(t.satisfaction().map(ServiceGeneratorsProperties::broken)
        .getOrElse(List.empty()));
    broken = broken.appendAll(t.sla().map(ServiceGeneratorsProperties::broken)
        .getOrElse(List.empty()));
    if (!text(t.subject(), 200) || t.description().length() > 10_000) {
      broken = broken.append("texts");
    }
    if (!tags(t.tags())) {
      broken = broken.append("tags");
    }
    for (int i = 0; i < t.comments().size(); i++) {
      TicketComment c = t.comments().get(i);
      if (c.number() != i + 1 || !within(c.at(), t.createdAt(), t.updatedAt())) {
        broken = broken.append("comments.order");
      }
    }
    if (!nondecreasing(t.comments().map(TicketComment::at))) {
      broken = broken.append("comments.time");
    }
    if (!t.firstResponseAt().equals(t.comments().find(TicketComment::isAgentResponse)
        .map(TicketComment::at))) {
      broken = broken.append("first_response");
    }
    if (t.parent().contains(t.id()) || t.related().contains(t.id())
        || t.splitFrom().contains(t.id()) || t.mergedInto().contains(t.id())
        || t.mergedInto().isDefined() != (t.status() == TicketStatus.MERGED)
        || t.mergedFrom().contains(t.id())
        || t.mergedFrom().distinct().size() != t.mergedFrom().size()
        || t.solvedBy().distinct().size() != t.solvedBy().size()) {
      broken = broken.append("links");
    }
    if (t.satisfaction().exists(s -> !within(s.at(), t.createdAt(), t.updatedAt()))) {
      broken = broken.append("satisfaction.at");
    }
    boolean resolved = t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED;
    if (t.resolvedAt().isDefined() != resolved
        || t.closedAt().isDefined() != (t.status() == TicketStatus.CLOSED)) {
      broken = broken.append("status.times");
    }
    List<Instant> order = List.of(Option.of(t.createdAt()), t.resolvedAt(), t.closedAt(),
        Option.of(t.updatedAt())).flatMap(o -> o);
    if (!nondecreasing(order)) {
      broken = broken.append("times");
    }
    if (t.history().isEmpty() || !t.history().head().at().equals(t.createdAt())
        || !nondecreasing(t.history().map(TicketHistoryEntry::at))
        || t.history().exists(e -> e.at().isAfter(t.updatedAt()))) {
      broken = broken.append("history.time");
    } else {
      TicketHistoryEntry last = t.history().last();
      if (last.status() != t.status() || last.priority() != t.priority()
          || !last.team().equals(t.team()) || !last.assignee().equals(t.assignee())) {
        broken = broken.append("history.last");
      }
    }
    return broken;
  }

  static List<String> broken(SlaConditions when) {
    return when.tiers().exists(String::isBlank) || when.segments().exists(String::isBlank)
        ? List.of("conditions") : List.empty();
  }

  static List<String> broken(EscalationAction action) {
    if (action instanceof EscalationAction.Reassign) {
      EscalationAction.Reassign reassign = (EscalationAction.Reassign) action;
      return reassign.team().isEmpty() && reassign.assignee().isEmpty()
          ? List.of("reassign") : List.empty();
    }
    if (action instanceof EscalationAction.RaisePriority) {
      return ((EscalationAction.RaisePriority) action).atLeast() == Priority.LOW
          ? List.of("raise_priority") : List.empty();
    }
    return List.empty();
  }

  /** Returns the names of the broken policy invariants. */
  static List<String> broken(SlaPolicy p) {
    List<String> broken = broken(p.when());
    if (!text(p.name(), 100) || p.rank() < 0) {
      broken = broken.append("name_rank");
    }
    if (p.targets().isEmpty()
        || p.targets().map(SlaTarget::kind).distinct().size() != p.targets().size()
        || p.targets().exists(t -> t.within().isNegative() || t.within().isZero()
            || t.within().compareTo(YEAR) > 0)) {
      broken = broken.append("targets");
    }
    if (p.pausedIn().exists(s -> !s.isPending())) {
      broken = broken.append("paused_in");
    }
    if (p.warnAt().compareTo(Percentage.ZERO) <= 0
        || p.warnAt().compareTo(Percentage.ONE_HUNDRED) >= 0) {
      broken = broken.append("warn_at");
    }
    Set<SlaTargetKind> kinds = p.targets().map(SlaTarget::kind).toSet();
    if (p.escalations().exists(rule -> !kinds.contains(rule.target()))
        || p.escalations().distinct().size() != p.escalations().size()) {
      broken = broken.append("escalations");
    }
    Option<SlaTarget> resolution = p.targets().find(t -> t.kind() == SlaTargetKind.RESOLUTION);
    for (SlaTarget target : p.targets()) {
      if (target.kind() != SlaTargetKind.RESOLUTION && resolution.exists(r ->
          r.businessHours() == target.businessHours()
              && target.within().compareTo(r.within()) > 0)) {
        broken = broken.append("targets.order");
      }
    }
    for (EscalationRule rule : p.escalations()) {
      broken = broken.appendAll(broken(rule.action()));
      if (rule.action() instanceof EscalationAction.RaisePriority) {
        Priority atLeast = ((EscalationAction.RaisePriority) rule.action()).atLeast();
        if (p.when().priorities().min().exists(lowest -> atLeast.compareTo(lowest) <= 0)) {
          broken = broken.append("raise_priority.no_effect");
        }
      }
    }
    return broken;
  }

  @Test
  void ticketsKeepEveryInvariantAndReachEveryStatusAndShape() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(ServiceGenerators.tickets()).checkAssert(ticket -> {
      assertThat(broken(ticket)).as("%s", ticket).isEmpty();
      seen.merge(ticket.status().name(), 1, Integer::sum);
      seen.merge("history " + Math.min(ticket.history().size(), 2), 1, Integer::sum);
      if (ticket.comments().exists(c -> c.author() == CommentAuthor.CUSTOMER)) {
        seen.merge("customer comment", 1, Integer::sum);
      }
      if (ticket.comments().exists(c -> c.copiedFrom().isDefined())) {
        seen.merge("copied comment", 1, Integer::sum);
      }
      if (ticket.firstResponseAt().isDefined()) {
        seen.merge("responded", 1, Integer::sum);
      }
      if (ticket.satisfaction().isDefined()) {
        seen.merge("satisfaction", 1, Integer::sum);
      }
      if (ticket.sla().exists(sla -> !sla.running().isEmpty())) {
        seen.merge("sla running", 1, Integer::sum);
      }
      if (ticket.sla().exists(sla -> sla.running().isEmpty())) {
        seen.merge("sla stopped", 1, Integer::sum);
      }
      ticket.cause().forEach(cause -> seen.merge("cause " + cause.kind(), 1, Integer::sum));
      if (ticket.parent().isDefined() && !ticket.related().isEmpty()
          && !ticket.solvedBy().isEmpty()) {
        seen.merge("linked", 1, Integer::sum);
      }
      if (ticket.description().isEmpty()) {
        seen.merge("no description", 1, Integer::sum);
      }
    });
    for (TicketStatus status : TicketStatus.values()) {
      assertThat(seen).containsKey(status.name());
    }
    assertThat(seen).containsKeys("history 1", "history 2", "customer comment", "copied comment",
        "responded", "satisfaction", "sla running", "sla stopped", "cause surveyId",
        "cause ticketId", "cause interactionId", "linked", "no description");
  }

  @Test
  void ticketsOfOneStatusHaveThatStatus() {
    for (TicketStatus status : TicketStatus.values()) {
      qt().withExamples(100).forAll(ServiceGenerators.tickets(status)).checkAssert(ticket -> {
        assertThat(ticket.status()).isEqualTo(status);
        assertThat(broken(ticket)).as("%s", ticket).isEmpty();
      });
    }
    assertThat(TicketStatus.values()).hasSize(8);
  }

  @Test
  void policiesKeepEveryInvariantAndUseEveryKindOfTargetAndAction() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(ServiceGenerators.slaPolicies()).checkAssert(policy -> {
      assertThat(broken(policy)).as("%s", policy).isEmpty();
      policy.targets().forEach(t -> seen.merge(t.kind() + (t.businessHours() ? " business"
          : " clock"), 1, Integer::sum));
      policy.escalations().forEach(rule -> seen.merge(rule.action().getClass().getSimpleName()
          + " on " + rule.level(), 1, Integer::sum));
      seen.merge("paused in " + policy.pausedIn().size(), 1, Integer::sum);
      if (!policy.when().priorities().isEmpty() && policy.escalations()
          .exists(rule -> rule.action() instanceof EscalationAction.RaisePriority)) {
        seen.merge("raise with priorities", 1, Integer::sum);
      }
    });
    assertThat(seen).containsKeys("FIRST_RESPONSE business", "FIRST_RESPONSE clock",
        "NEXT_RESPONSE business", "NEXT_RESPONSE clock", "RESOLUTION business",
        "RESOLUTION clock", "Reassign on WARNING", "RaisePriority on BREACH",
        "NotifyRole on WARNING", "paused in 0", "paused in 1", "paused in 2",
        "raise with priorities");
  }

  @Test
  void smallValuesAreValidAndVaried() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(ServiceGenerators.escalationActions()).checkAssert(action -> {
      assertThat(broken(action)).isEmpty();
      seen.merge(action.getClass().getSimpleName(), 1, Integer::sum);
    });
    qt().forAll(ServiceGenerators.slaConditions()).checkAssert(when -> {
      assertThat(broken(when)).isEmpty();
      if (!when.tiers().isEmpty() && !when.teams().isEmpty()) {
        seen.merge("tiers and teams", 1, Integer::sum);
      }
    });
    qt().forAll(ServiceGenerators.customerStandings()).checkAssert(standing -> {
      assertThat(standing.tier().forAll(t -> !t.isBlank())
          && standing.segments().forAll(s -> !s.isBlank())).isTrue();
      if (standing.equals(CustomerStanding.NONE)) {
        seen.merge("no standing", 1, Integer::sum);
      }
    });
    qt().forAll(ServiceGenerators.satisfactions()).checkAssert(s ->
        assertThat(broken(s)).isEmpty());
    qt().forAll(ServiceGenerators.ticketComments()).checkAssert(c ->
        assertThat(broken(c)).isEmpty());
    qt().forAll(ServiceGenerators.ticketSlas()).checkAssert(sla -> {
      assertThat(broken(sla)).isEmpty();
      sla.running().forEach(d -> seen.merge("running " + d.target(), 1, Integer::sum));
    });
    qt().forAll(ServiceGenerators.categories()).checkAssert(category ->
        assertThat(category.code()).matches("[a-z0-9][a-z0-9._-]{0,63}"));
    assertThat(seen).containsKeys("Reassign", "RaisePriority", "NotifyRole", "tiers and teams",
        "no standing", "running FIRST_RESPONSE", "running NEXT_RESPONSE", "running RESOLUTION");
  }

  @Test
  void theConstructorsRefuseWhatTheCheckerFlags() {
    Ticket ticket = SalesJsonRoundTripProperties.sample(ServiceGenerators.tickets(
        TicketStatus.RESOLVED), 4);
    assertThat(broken(ticket)).isEmpty();
    assertThatThrownBy(() -> new Ticket(ticket.id(), ticket.subject(), ticket.description(),
        ticket.customer(), ticket.origin(), ticket.category(), ticket.priority(), ticket.status(),
        ticket.assignee(), ticket.team(), ticket.tags(), ticket.comments(),
        ticket.firstResponseAt(), ticket.parent(), ticket.related(), ticket.mergedInto(),
        ticket.mergedFrom(), ticket.splitFrom(), ticket.solvedBy(), ticket.satisfaction(),
        ticket.cause(), ticket.sla(), ticket.createdAt(), ticket.createdBy(), ticket.updatedAt(),
        Option.none(), ticket.closedAt(), ticket.history()))
        .as("the constructor guards what the checker checks")
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ticket.resolved_at.mismatch");
    SlaPolicy policy = SalesJsonRoundTripProperties.sample(ServiceGenerators.slaPolicies(), 8);
    assertThatThrownBy(() -> new SlaPolicy(policy.id(), policy.name(), policy.rank(),
        policy.when(), policy.targets(), policy.pausedIn(), Percentage.ONE_HUNDRED,
        policy.escalations()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("sla.policy.warn_at.out_of_range");
  }
}
