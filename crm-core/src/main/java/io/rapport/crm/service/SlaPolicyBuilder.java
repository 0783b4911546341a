package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;
import java.time.Duration;

/**
 * Collects the parts of an {@link SlaPolicy} and checks them all at once in {@link #build()}.
 * Started by {@link SlaPolicy#builder(SlaPolicyId, String)}:
 *
 * <pre>{@code
 * SlaPolicy vip = SlaPolicy.builder(SlaPolicyId.parse("vip"), "VIP customers")
 *     .rank(0).segments("vip")
 *     .target(SlaTargetKind.FIRST_RESPONSE, Duration.ofHours(1), true)
 *     .target(SlaTargetKind.RESOLUTION, Duration.ofHours(8), true)
 *     .pausedIn(TicketStatus.PENDING_CUSTOMER)
 *     .warnAt(Percentage.ofPercent(80))
 *     .escalate(SlaTargetKind.RESOLUTION, AlertLevel.BREACH,
 *         new EscalationAction.RaisePriority(Priority.URGENT))
 *     .build().get();
 * }</pre>
 *
 * <p>Not thread-safe: use one builder from one thread.
 */
public final class SlaPolicyBuilder {

  /** The warning threshold a builder starts with. */
  public static final Percentage DEFAULT_WARN_AT = Percentage.ofPercent(75);

  private final SlaPolicyId id;
  private final String name;
  private int rank;
  private Set<Priority> priorities = HashSet.empty();
  private Set<TicketCategory> categories = HashSet.empty();
  private Set<Channel.Kind> channels = HashSet.empty();
  private Set<String> tiers = HashSet.empty();
  private Set<String> segments = HashSet.empty();
  private Set<TeamId> teams = HashSet.empty();
  private Vector<SlaTargetDraft> targets = Vector.empty();
  private Set<TicketStatus> pausedIn = HashSet.empty();
  private Percentage warnAt = DEFAULT_WARN_AT;
  private Vector<EscalationRule> escalations = Vector.empty();

  SlaPolicyBuilder(SlaPolicyId id, String name) {
    this.id = requireNonNull(id, "id");
    this.name = requireNonNull(name, "name");
  }

  /**
   * Sets the rank: policies are tried from the lowest rank.
   *
   * @param rank from 0
   * @return this builder
   */
  public SlaPolicyBuilder rank(int rank) {
    this.rank = rank;
    return this;
  }

  /**
   * Replaces every condition by those given.
   *
   * @param when the conditions
   * @return this builder
   * @throws NullPointerException if when is null
   */
  public SlaPolicyBuilder when(SlaConditions when) {
    requireNonNull(when, "when");
    priorities = when.priorities();
    categories = when.categories();
    channels = when.channels();
    tiers = when.tiers();
    segments = when.segments();
    teams = when.teams();
    return this;
  }

  /**
   * Limits the policy to tickets of these priorities.
   *
   * @param values the priorities; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder priorities(Priority... values) {
    priorities = HashSet.of(requireNonNull(values, "values"));
    priorities.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Limits the policy to tickets of these categories.
   *
   * @param values the categories; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder categories(TicketCategory... values) {
    categories = HashSet.of(requireNonNull(values, "values"));
    categories.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Limits the policy to tickets that came in through these channels.
   *
   * @param values the channels; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder channels(Channel.Kind... values) {
    channels = HashSet.of(requireNonNull(values, "values"));
    channels.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Limits the policy to customers of these tiers.
   *
   * @param values the tiers' codes; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder tiers(String... values) {
    tiers = HashSet.of(requireNonNull(values, "values"));
    tiers.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Limits the policy to customers in at least one of these segments.
   *
   * @param values the segments' codes; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder segments(String... values) {
    segments = HashSet.of(requireNonNull(values, "values"));
    segments.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Limits the policy to tickets of these teams.
   *
   * @param values the teams; none for any
   * @return this builder
   * @throws NullPointerException if values or a value is null
   */
  public SlaPolicyBuilder teams(TeamId... values) {
    teams = HashSet.of(requireNonNull(values, "values"));
    teams.forEach(value -> requireNonNull(value, "values"));
    return this;
  }

  /**
   * Adds a target.
   *
   * @param kind what is measured
   * @param within the time allowed, positive, at most 365 days
   * @param businessHours true to count the team calendar's working time, false for every hour
   * @return this builder
   * @throws NullPointerException if kind or within is null
   */
  public SlaPolicyBuilder target(SlaTargetKind kind, Duration within, boolean businessHours) {
    requireNonNull(kind, "kind");
    requireNonNull(within, "within");
    targets = targets.append(new SlaTargetDraft(kind, within, businessHours));
    return this;
  }

  /**
   * Sets the statuses in which every clock pauses.
   *
   * @param statuses among {@code PENDING_CUSTOMER} and {@code PENDING_THIRD_PARTY}
   * @return this builder
   * @throws NullPointerException if statuses or a status is null
   */
  public SlaPolicyBuilder pausedIn(TicketStatus... statuses) {
    pausedIn = HashSet.of(requireNonNull(statuses, "statuses"));
    pausedIn.forEach(value -> requireNonNull(value, "statuses"));
    return this;
  }

  /**
   * Sets the share of a target's time after which it warns.
   *
   * @param share above 0 % and below 100 %
   * @return this builder
   * @throws NullPointerException if share is null
   */
  public SlaPolicyBuilder warnAt(Percentage share) {
    warnAt = requireNonNull(share, "share");
    return this;
  }

  /**
   * Adds an escalation rule.
   *
   * @param target the target watched
   * @param level the level that fires the rule
   * @param action what to do
   * @return this builder
   * @throws NullPointerException if an argument is null
   */
  public SlaPolicyBuilder escalate(SlaTargetKind target, AlertLevel level,
      EscalationAction action) {
    escalations = escalations.append(new EscalationRule(target, level, action));
    return this;
  }

  /**
   * Checks every part and builds the policy, or reports every violation at once: those of
   * {@link SlaPolicy#validated}, and {@code sla.target.within.not_positive} or
   * {@code sla.target.within.too_long} (field such as {@code targets[1].within}),
   * {@code sla.conditions.tier.blank} ({@code when.tiers}) and
   * {@code sla.conditions.segment.blank} ({@code when.segments}).
   *
   * @return the policy, or every violation
   */
  public Validation<Seq<Violation>, SlaPolicy> build() {
    List<Violation> problems = SlaChecks
        .noBlank(tiers, "sla.conditions.tier.blank", "when.tiers", "A tier")
        .appendAll(SlaChecks.noBlank(segments, "sla.conditions.segment.blank", "when.segments",
            "A segment"));
    SlaConditions when = new SlaConditions(priorities, categories, channels,
        tiers.reject(String::isBlank), segments.reject(String::isBlank), teams);
    problems = problems.appendAll(
        SlaPolicy.problems(name, rank, when, targets, pausedIn, warnAt, escalations));
    return problems.isEmpty()
        ? Validation.valid(new SlaPolicy(id, name, rank, when,
            targets.map(SlaTargetDraft::toTarget), pausedIn, warnAt, escalations))
        : Validation.invalid(problems);
  }
}
