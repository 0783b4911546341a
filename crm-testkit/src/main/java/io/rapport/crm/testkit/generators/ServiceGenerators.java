package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.service.AlertLevel;
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
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketComment;
import io.rapport.crm.service.TicketHistoryEntry;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates the service package's types for property tests: tickets in every status (with
 * comments, history, links, satisfaction and an SLA record), SLA policies with their conditions,
 * targets and escalation rules, customer standings and escalation actions. Every value is valid:
 * it keeps exactly the invariants the service records' constructors check (listed in
 * docs/guides/service-storage.md), and is built through the canonical constructors. Texts mix
 * Latin letters, punctuation and Chinese characters; times fall between 2020 and 2030.
 *
 * <p>Use them in your own laws:
 * {@code Theories.qt().forAll(ServiceGenerators.tickets()).check(…)}.
 */
public final class ServiceGenerators {

  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration MAX_TARGET = Duration.ofDays(365);
  private static final String CODE_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String CODE_REST = CODE_FIRST + "._-";
  private static final TicketCategory[] CATEGORIES = {TicketCategory.COMPLAINT,
      TicketCategory.INQUIRY, TicketCategory.REPAIR, TicketCategory.RETURN,
      TicketCategory.DELIVERY, TicketCategory.BILLING, TicketCategory.of("installation"),
      TicketCategory.of("care.advice")};
  private static final String[] TAGS = {"rosewood", "zitan", "红木", "紫檀", "黄花梨", "vip",
      "repeat", "double-11 双十一", "scratch", "delivery/late", "warranty"};
  private static final String[] TIERS = {"gold", "silver", "bronze", "platinum", "黄金"};
  private static final String[] SEGMENTS = {"vip", "champions", "at-risk", "new", "wholesale",
      "老客户"};
  private static final Role[] ROLES = {Role.MANAGER, Role.AGENT, Role.of("service-manager"),
      Role.of("quality.lead")};
  private static final TicketStatus[] ACTIVE = {TicketStatus.NEW, TicketStatus.OPEN,
      TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_THIRD_PARTY};
  private static final TicketStatus[] PENDING = {TicketStatus.PENDING_CUSTOMER,
      TicketStatus.PENDING_THIRD_PARTY};
  private static final Gen<String> SUBJECTS = WorkGenerators.texts(200);
  private static final Gen<String> NAMES = WorkGenerators.texts(100);
  private static final Gen<String> SHORT_TEXTS = WorkGenerators.texts(64);
  private static final Gen<String> BODIES = WorkGenerators.texts(600);
  private static final Gen<String> LONG_BODIES = WorkGenerators.texts(20_000);
  private static final Gen<String> DESCRIPTIONS = WorkGenerators.texts(3000);
  private static final Gen<String> REMARKS = WorkGenerators.texts(2000);

  private ServiceGenerators() {}

  private static <E extends Enum<E>> E constant(RandomnessSource in, Class<E> type) {
    return oneOf(in, type.getEnumConstants());
  }

  private static String code(RandomnessSource in) {
    int length = chance(in, 80) ? 1 + pick(in, 12) : 1 + pick(in, 64);
    StringBuilder code = new StringBuilder(length);
    code.append(CODE_FIRST.charAt(pick(in, CODE_FIRST.length())));
    for (int i = 1; i < length; i++) {
      code.append(CODE_REST.charAt(pick(in, CODE_REST.length())));
    }
    return code.toString();
  }

  /** Returns a time from {@code from} to {@code until}, both included. */
  private static Instant between(RandomnessSource in, Instant from, Instant until) {
    long seconds = Duration.between(from, until).getSeconds();
    Instant at = from.plusSeconds(pickLong(in, seconds + 1));
    return at.isAfter(until) ? until : at;
  }

  /** Returns {@code count} times from {@code from} to {@code until}, in order. */
  private static Vector<Instant> times(RandomnessSource in, int count, Instant from,
      Instant until) {
    Instant[] times = new Instant[count];
    for (int i = 0; i < count; i++) {
      times[i] = between(in, from, until);
    }
    Arrays.sort(times);
    return Vector.of(times);
  }

  private static ActorId employee(RandomnessSource in) {
    return ActorId.parse("employee:E-" + pick(in, 40));
  }

  private static TeamId team(RandomnessSource in) {
    return TeamId.parse("team-" + pick(in, 5));
  }

  private static EmployeeId agent(RandomnessSource in) {
    return EmployeeId.parse("E-" + pick(in, 40));
  }

  /** Returns a ticket id other than the given one. */
  private static TicketId otherTicket(RandomnessSource in, TicketId not) {
    TicketId other = TicketId.parse("T-" + pick(in, 10_000));
    return other.equals(not) ? TicketId.parse(not.value().length() < 64 ? not.value() + "x"
        : "T-other") : other;
  }

  private static Set<String> tags(RandomnessSource in) {
    Set<String> tags = HashSet.empty();
    for (int i = chance(in, 3) ? 50 : pick(in, 5); i > 0; i--) {
      tags = tags.add(chance(in, 60) ? oneOf(in, TAGS) : SHORT_TEXTS.generate(in));
    }
    return tags;
  }

  // ---- small values

  /**
   * Returns ticket categories: the common ones ({@code complaint}, {@code repair}, …) and codes of
   * 1 to 64 lower-case letters, digits and {@code . _ -}, starting with a letter or digit.
   */
  public static Gen<TicketCategory> categories() {
    return in -> chance(in, 70) ? oneOf(in, CATEGORIES) : TicketCategory.of(code(in));
  }

  /** Returns CSAT scales: mostly 1 to 5, also 0 to 10, 1 to 100 and any valid range. */
  public static Gen<CsatScale> csatScales() {
    return ServiceGenerators::scale;
  }

  private static CsatScale scale(RandomnessSource in) {
    switch (pick(in, 4)) {
      case 0:
      case 1:
        return CsatScale.ONE_TO_FIVE;
      case 2:
        return new CsatScale(0, 10, 6);
      default:
        int min = pick(in, 100);
        int max = min + 1 + pick(in, 100 - min);
        return new CsatScale(min, max, min + pick(in, max - min));
    }
  }

  /** Returns satisfaction answers on any generated scale, sometimes with a comment. */
  public static Gen<Satisfaction> satisfactions() {
    return in -> satisfaction(in, instantsBetween(EARLIEST, LATEST).generate(in));
  }

  private static Satisfaction satisfaction(RandomnessSource in, Instant at) {
    CsatScale scale = scale(in);
    return new Satisfaction(scale.min() + pick(in, scale.max() - scale.min() + 1), scale,
        chance(in, 50) ? Option.of(REMARKS.generate(in)) : Option.none(), at);
  }

  /**
   * Returns customer standings: with or without a tier, in 0 to 3 segments, codes and texts in
   * Latin and Chinese.
   */
  public static Gen<CustomerStanding> customerStandings() {
    return in -> new CustomerStanding(
        chance(in, 60) ? Option.of(chance(in, 70) ? oneOf(in, TIERS) : NAMES.generate(in))
            : Option.none(),
        words(in, SEGMENTS, 3));
  }

  private static Set<String> words(RandomnessSource in, String[] known, int most) {
    Set<String> words = HashSet.empty();
    for (int i = pick(in, most + 1); i > 0; i--) {
      words = words.add(chance(in, 70) ? oneOf(in, known) : NAMES.generate(in));
    }
    return words;
  }

  /**
   * Returns SLA conditions: each of priorities, categories, channels, tiers, segments and teams
   * empty half of the time (matching any value), otherwise 1 to 3 values.
   */
  public static Gen<SlaConditions> slaConditions() {
    return ServiceGenerators::conditions;
  }

  private static SlaConditions conditions(RandomnessSource in) {
    return new SlaConditions(
        some(in, () -> constant(in, Priority.class)),
        some(in, () -> chance(in, 70) ? oneOf(in, CATEGORIES) : TicketCategory.of(code(in))),
        some(in, () -> constant(in, Channel.Kind.class)),
        some(in, () -> chance(in, 80) ? oneOf(in, TIERS) : NAMES.generate(in)),
        some(in, () -> chance(in, 80) ? oneOf(in, SEGMENTS) : NAMES.generate(in)),
        some(in, () -> team(in)));
  }

  private static <T> Set<T> some(RandomnessSource in, java.util.function.Supplier<T> values) {
    Set<T> set = HashSet.empty();
    if (chance(in, 50)) {
      for (int i = 1 + pick(in, 3); i > 0; i--) {
        set = set.add(values.get());
      }
    }
    return set;
  }

  /**
   * Returns escalation actions of every kind: reassignments to a team, an agent or both, raised
   * priorities above low, and notifications of a role.
   */
  public static Gen<EscalationAction> escalationActions() {
    return in -> action(in, HashSet.empty());
  }

  /**
   * Returns an escalation action valid in a policy matching the given priorities: a raised
   * priority is above low and above the lowest of them, so it can take effect.
   */
  private static EscalationAction action(RandomnessSource in, Set<Priority> matched) {
    int floor = Math.max(Priority.LOW.ordinal(),
        matched.map(Priority::ordinal).min().getOrElse(0));
    List<Priority> raises = List.of(Priority.values()).filter(p -> p.ordinal() > floor);
    int kind = pick(in, 3);
    if (kind == 1 && !raises.isEmpty()) {
      return new EscalationAction.RaisePriority(raises.get(pick(in, raises.size())));
    }
    if (kind == 0) {
      switch (pick(in, 3)) {
        case 0:
          return new EscalationAction.Reassign(Option.of(team(in)), Option.none());
        case 1:
          return new EscalationAction.Reassign(Option.none(), Option.of(agent(in)));
        default:
          return new EscalationAction.Reassign(Option.of(team(in)), Option.of(agent(in)));
      }
    }
    return new EscalationAction.NotifyRole(oneOf(in, ROLES));
  }

  /**
   * Returns valid SLA policies: a name, a rank from 0, conditions as {@link #slaConditions()};
   * 1 to 3 targets of distinct kinds, each within a positive time of at most 365 days, counted in
   * business hours or around the clock, first and next response never longer than resolution when
   * counted alike; pausing in none, one or both pending statuses; a warning threshold above 0 and
   * below 100 %; 0 to 4 distinct escalation rules on the policy's targets, whose raised priorities
   * can take effect on the tickets matched.
   */
  public static Gen<SlaPolicy> slaPolicies() {
    return ServiceGenerators::policy;
  }

  private static Duration within(RandomnessSource in, Duration most) {
    long seconds = most.getSeconds();
    long chosen = chance(in, 70) ? 60L * (1 + pickLong(in, Math.max(1, seconds / 60)))
        : 1 + pickLong(in, seconds);
    return Duration.ofSeconds(Math.min(chosen, seconds));
  }

  private static SlaPolicy policy(RandomnessSource in) {
    SlaConditions when = conditions(in);
    java.util.List<SlaTargetKind> kinds = new java.util.ArrayList<>();
    for (SlaTargetKind kind : SlaTargetKind.values()) {
      if (chance(in, 60)) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      kinds.add(constant(in, SlaTargetKind.class));
    }
    Option<SlaTarget> resolution = Option.none();
    if (kinds.contains(SlaTargetKind.RESOLUTION)) {
      resolution = Option.of(new SlaTarget(SlaTargetKind.RESOLUTION, within(in, MAX_TARGET),
          chance(in, 60)));
    }
    Vector<SlaTarget> targets = Vector.empty();
    for (SlaTargetKind kind : kinds) {
      if (kind == SlaTargetKind.RESOLUTION) {
        targets = targets.append(resolution.get());
        continue;
      }
      boolean businessHours = chance(in, 60);
      Duration most = resolution.filter(r -> r.businessHours() == businessHours)
          .map(SlaTarget::within).getOrElse(MAX_TARGET);
      targets = targets.append(new SlaTarget(kind, within(in, most), businessHours));
    }
    if (chance(in, 50)) {
      targets = targets.reverse();
    }
    Set<TicketStatus> pausedIn = HashSet.empty();
    for (TicketStatus pending : PENDING) {
      if (chance(in, 60)) {
        pausedIn = pausedIn.add(pending);
      }
    }
    LinkedHashSet<EscalationRule> rules = LinkedHashSet.empty();
    for (int i = pick(in, 5); i > 0; i--) {
      rules = rules.add(new EscalationRule(targets.get(pick(in, targets.size())).kind(),
          constant(in, AlertLevel.class), action(in, when.priorities())));
    }
    return new SlaPolicy(ids(SlaPolicyId.KIND).generate(in), NAMES.generate(in),
        chance(in, 80) ? pick(in, 100) : pick(in, Integer.MAX_VALUE), when, targets, pausedIn,
        Percentage.ofBasisPoints(1 + pick(in, 9_999)), rules.toVector());
  }

  // ---- tickets

  /**
   * Returns standalone ticket comments numbered from 1: public or internal, by an agent, the
   * customer (always public) or the system, some copied from another ticket, some very long.
   */
  public static Gen<TicketComment> ticketComments() {
    return in -> comment(in, 1 + pick(in, 50), instantsBetween(EARLIEST, LATEST).generate(in),
        TicketId.parse("T-none"));
  }

  private static TicketComment comment(RandomnessSource in, int number, Instant at,
      TicketId ticket) {
    CommentAuthor author = constant(in, CommentAuthor.class);
    CommentVisibility visibility = author == CommentAuthor.CUSTOMER ? CommentVisibility.PUBLIC
        : chance(in, 70) ? CommentVisibility.PUBLIC : CommentVisibility.INTERNAL;
    ActorId by = author == CommentAuthor.CUSTOMER ? ActorId.parse("customer:C-" + pick(in, 1000))
        : author == CommentAuthor.SYSTEM ? ActorId.parse("system") : employee(in);
    return new TicketComment(number, author, visibility, by, at,
        chance(in, 2) ? LONG_BODIES.generate(in) : BODIES.generate(in),
        chance(in, 10) ? Option.of(otherTicket(in, ticket)) : Option.none());
  }

  /**
   * Returns SLA records as a review leaves them: under a policy, with 0 to 3 running targets of
   * distinct (target, cycle) (cycle 0 for first response and resolution, 1 or more for next
   * response), each warning at or before its due time, which may lie before or after the review;
   * with 0 to 4 marks of alerts already raised.
   */
  public static Gen<TicketSla> ticketSlas() {
    return in -> {
      Instant reviewedAt = instantsBetween(EARLIEST, LATEST).generate(in);
      return sla(in, reviewedAt, true);
    };
  }

  private static int cycleOf(RandomnessSource in, SlaTargetKind kind) {
    return kind == SlaTargetKind.NEXT_RESPONSE ? 1 + pick(in, chance(in, 90) ? 5 : 1000) : 0;
  }

  private static TicketSla sla(RandomnessSource in, Instant reviewedAt, boolean running) {
    Vector<SlaDue> dues = Vector.empty();
    if (running) {
      for (SlaTargetKind kind : SlaTargetKind.values()) {
        if (chance(in, 50)) {
          Instant dueAt = reviewedAt.plusSeconds(pickLong(in, 14L * 86_400) - 2L * 86_400);
          Instant warnAt = dueAt.minusSeconds(pickLong(in, 3L * 86_400));
          dues = dues.append(new SlaDue(kind, cycleOf(in, kind), warnAt, dueAt));
        }
      }
    }
    Set<SlaMark> marks = HashSet.empty();
    for (int i = pick(in, 5); i > 0; i--) {
      SlaTargetKind kind = constant(in, SlaTargetKind.class);
      marks = marks.add(new SlaMark(kind, cycleOf(in, kind), constant(in, AlertLevel.class)));
    }
    return new TicketSla(SlaPolicyId.parse("SP-" + pick(in, 20)), dues, marks, reviewedAt);
  }

  /**
   * Returns tickets of every status, as {@link #tickets(TicketStatus)} makes them; each status
   * comes up about as often as the others.
   */
  public static Gen<Ticket> tickets() {
    return in -> ticket(in, constant(in, TicketStatus.class));
  }

  /**
   * Returns valid tickets of one status: a subject, a description (sometimes empty), a customer, a
   * channel, a category, a priority, often a team and an agent, up to 5 tags (rarely 50); 0 to 8
   * comments (rarely 20) in time order, numbered from 1, the first public agent reply being the
   * first response; a history of 1 to 8 entries from creation, the last one matching the ticket,
   * a resolved or closed ticket having passed through resolution; often a parent, related,
   * merged or split tickets, solving articles, a cause; resolved and closed tickets often with a
   * satisfaction answer; an SLA record more often than not, with running targets only while the
   * ticket is new or open.
   *
   * @param status the status
   * @return the generator
   * @throws NullPointerException if status is null
   */
  public static Gen<Ticket> tickets(TicketStatus status) {
    requireNonNull(status, "status");
    return in -> ticket(in, status);
  }

  private static Ticket ticket(RandomnessSource in, TicketStatus status) {
    TicketId id = chance(in, 70) ? TicketId.parse("T-" + pick(in, 10_000))
        : ids(TicketId.KIND).generate(in);
    Instant createdAt = instantsBetween(EARLIEST, LATEST).generate(in);
    Instant updatedAt = chance(in, 10) ? createdAt
        : createdAt.plusSeconds(1 + pickLong(in, 60L * 86_400));
    Priority priority = constant(in, Priority.class);
    Option<TeamId> team = chance(in, 80) ? Option.of(team(in)) : Option.none();
    Option<EmployeeId> assignee = chance(in, 70) ? Option.of(agent(in)) : Option.none();

    int entries = chance(in, 20) ? 1 : 1 + pick(in, 8);
    boolean closing = status == TicketStatus.CLOSED && entries > 1;
    Vector<Instant> at = times(in, entries - 1, createdAt, updatedAt).prepend(createdAt);
    Vector<TicketHistoryEntry> history = Vector.empty();
    for (int i = 0; i < entries; i++) {
      boolean last = i == entries - 1;
      TicketStatus step = last ? status
          : closing && i == entries - 2 ? TicketStatus.RESOLVED
          : i == 0 ? (chance(in, 70) ? TicketStatus.NEW : TicketStatus.OPEN) : oneOf(in, ACTIVE);
      history = history.append(new TicketHistoryEntry(at.get(i), employee(in), step,
          last ? priority : constant(in, Priority.class),
          last ? team : chance(in, 50) ? team : Option.of(team(in)),
          last ? assignee : chance(in, 50) ? assignee : Option.none()));
    }
    boolean resolved = status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    Option<Instant> resolvedAt = resolved
        ? Option.of(closing ? at.get(entries - 2) : at.last()) : Option.none();
    Option<Instant> closedAt = status == TicketStatus.CLOSED ? Option.of(at.last())
        : Option.none();

    int count = chance(in, 5) ? 20 : pick(in, 9);
    Vector<Instant> commentTimes = times(in, count, createdAt, updatedAt);
    Vector<TicketComment> comments = Vector.empty();
    for (int i = 0; i < count; i++) {
      comments = comments.append(comment(in, i + 1, commentTimes.get(i), id));
    }
    Option<Instant> firstResponseAt = comments.find(TicketComment::isAgentResponse)
        .map(TicketComment::at);

    Set<TicketId> related = HashSet.empty();
    for (int i = pick(in, 4); i > 0; i--) {
      related = related.add(otherTicket(in, id));
    }
    Vector<TicketId> mergedFrom = Vector.empty();
    for (int i = chance(in, 20) ? 1 + pick(in, 3) : 0; i > 0; i--) {
      mergedFrom = mergedFrom.append(otherTicket(in, id));
    }
    Vector<ArticleId> solvedBy = Vector.empty();
    for (int i = chance(in, 30) ? 1 + pick(in, 3) : 0; i > 0; i--) {
      solvedBy = solvedBy.append(ArticleId.parse("A-" + pick(in, 200)));
    }
    Option<Satisfaction> satisfaction = resolved && chance(in, 50)
        ? Option.of(satisfaction(in, between(in, resolvedAt.get(), updatedAt)))
        : Option.none();
    Option<RecordRef> cause = Option.none();
    if (chance(in, 25)) {
      switch (pick(in, 3)) {
        case 0:
          cause = Option.of(RecordRef.to(SurveyId.parse("S-" + pick(in, 1000))));
          break;
        case 1:
          cause = Option.of(RecordRef.to(otherTicket(in, id)));
          break;
        default:
          cause = Option.of(RecordRef.to(InteractionId.parse("I-" + pick(in, 1000))));
      }
    }
    boolean clocking = status == TicketStatus.NEW || status == TicketStatus.OPEN;
    Option<TicketSla> sla = chance(in, 60)
        ? Option.of(sla(in, between(in, createdAt, updatedAt), clocking)) : Option.none();

    return new Ticket(id, SUBJECTS.generate(in),
        chance(in, 30) ? "" : DESCRIPTIONS.generate(in),
        CustomerId.parse("C-" + pick(in, 1000)), constant(in, Channel.Kind.class),
        chance(in, 70) ? oneOf(in, CATEGORIES) : TicketCategory.of(code(in)), priority, status,
        assignee, team, tags(in), comments, firstResponseAt,
        chance(in, 20) ? Option.of(otherTicket(in, id)) : Option.none(), related,
        status == TicketStatus.MERGED ? Option.of(otherTicket(in, id)) : Option.none(),
        mergedFrom.distinct(),
        chance(in, 10) ? Option.of(otherTicket(in, id)) : Option.none(), solvedBy.distinct(),
        satisfaction, cause, sla, createdAt, employee(in), updatedAt, resolvedAt, closedAt,
        history);
  }
}
