package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sets the service levels promised for the tickets it matches: targets for first response, next
 * response and resolution, the statuses in which the clocks pause, when to warn, and how to
 * escalate. Policies are tried by rank, the lowest first; the first that matches a ticket applies.
 * Immutable and thread-safe.
 *
 * @param id the policy's id
 * @param name the name shown to people, such as {@code VIP complaints}
 * @param rank the order in which policies are tried, from 0; unique among the policies in use
 * @param when the tickets it applies to
 * @param targets the targets, at most one of each kind
 * @param pausedIn the statuses in which every clock pauses, among the pending ones
 * @param warnAt the share of a target's time after which it warns, above 0 and below 100 %
 * @param escalations what to do on warnings and breaches
 */
public record SlaPolicy(SlaPolicyId id, String name, int rank, SlaConditions when,
    Seq<SlaTarget> targets, Set<TicketStatus> pausedIn, Percentage warnAt,
    Seq<EscalationRule> escalations) implements Aggregate<SlaPolicyId> {

  /** The longest policy name, in characters. */
  public static final int MAX_NAME = 100;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException with every broken rule, as {@link #validated} reports them
   */
  public SlaPolicy {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(when, "when");
    requireNonNull(targets, "targets");
    requireNonNull(pausedIn, "pausedIn");
    requireNonNull(warnAt, "warnAt");
    requireNonNull(escalations, "escalations");
    targets.forEach(value -> requireNonNull(value, "targets"));
    pausedIn.forEach(value -> requireNonNull(value, "pausedIn"));
    escalations.forEach(value -> requireNonNull(value, "escalations"));
    SlaChecks.orThrow(problems(name, rank, when, targets.map(SlaTargetDraft::of), pausedIn,
        warnAt, escalations));
  }

  /**
   * Validates the parts of a policy, reporting every broken rule at once.
   *
   * <p>Codes and fields:
   * <ul>
   *   <li>{@code sla.policy.name.blank}, {@code sla.policy.name.too_long} (over
   *       {@value #MAX_NAME} characters): {@code name};
   *   <li>{@code sla.policy.rank.negative}: {@code rank};
   *   <li>{@code sla.policy.targets.empty}: {@code targets};
   *   <li>{@code sla.policy.target.duplicate}: a second target of a kind, such as
   *       {@code targets[2]};
   *   <li>{@code sla.policy.target.exceeds_resolution}: a first- or next-response target that
   *       allows more than the resolution target counted the same way, such as
   *       {@code targets[0].within};
   *   <li>{@code sla.policy.paused_in.not_pending}: {@code pausedIn}, for a status other than
   *       the two pending ones;
   *   <li>{@code sla.policy.warn_at.out_of_range}: {@code warnAt}, unless above 0 % and below
   *       100 %;
   *   <li>{@code sla.policy.escalation.target_unknown}: a rule on a kind the policy has no
   *       target for, such as {@code escalations[1].target};
   *   <li>{@code sla.policy.escalation.duplicate}: a rule given twice, such as
   *       {@code escalations[3]};
   *   <li>{@code sla.policy.escalation.raise_to_low}: a {@link EscalationAction.RaisePriority}
   *       to {@code LOW}, which never has an effect, such as {@code escalations[0].action};
   *   <li>{@code sla.policy.escalation.raise_ineffective}: a raise to a priority at or below the
   *       lowest priority the policy applies to, which never has an effect either.
   * </ul>
   *
   * @param id the policy's id
   * @param name the name shown to people
   * @param rank the order in which policies are tried
   * @param when the tickets it applies to
   * @param targets the targets
   * @param pausedIn the statuses in which the clocks pause
   * @param warnAt the share of a target's time after which it warns
   * @param escalations what to do on warnings and breaches
   * @return the policy, or every violation
   * @throws NullPointerException if an argument or an element is null
   */
  public static Validation<Seq<Violation>, SlaPolicy> validated(SlaPolicyId id, String name,
      int rank, SlaConditions when, Seq<SlaTarget> targets, Set<TicketStatus> pausedIn,
      Percentage warnAt, Seq<EscalationRule> escalations) {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(when, "when");
    requireNonNull(targets, "targets");
    requireNonNull(pausedIn, "pausedIn");
    requireNonNull(warnAt, "warnAt");
    requireNonNull(escalations, "escalations");
    targets.forEach(value -> requireNonNull(value, "targets"));
    pausedIn.forEach(value -> requireNonNull(value, "pausedIn"));
    escalations.forEach(value -> requireNonNull(value, "escalations"));
    Seq<Violation> problems = problems(name, rank, when, targets.map(SlaTargetDraft::of),
        pausedIn, warnAt, escalations);
    return problems.isEmpty()
        ? Validation.valid(new SlaPolicy(id, name, rank, when, targets, pausedIn, warnAt,
            escalations))
        : Validation.invalid(problems);
  }

  /**
   * Starts a policy with a name: rank 0, for any ticket, no targets yet, no pausing, a warning
   * at 75 % and no escalation.
   *
   * @param id the policy's id
   * @param name the name shown to people
   * @return a new builder
   * @throws NullPointerException if an argument is null
   */
  public static SlaPolicyBuilder builder(SlaPolicyId id, String name) {
    return new SlaPolicyBuilder(id, name);
  }

  /**
   * Finds the target of a kind.
   *
   * @param kind the kind
   * @return the target, or empty if the policy has none of that kind
   * @throws NullPointerException if kind is null
   */
  public Option<SlaTarget> target(SlaTargetKind kind) {
    requireNonNull(kind, "kind");
    return targets.find(target -> target.kind() == kind);
  }

  /**
   * Tells whether the clocks pause while a ticket is in a status.
   *
   * @param status the status
   * @return true if the status is among {@link #pausedIn()}
   * @throws NullPointerException if status is null
   */
  public boolean pausesIn(TicketStatus status) {
    return pausedIn.contains(requireNonNull(status, "status"));
  }

  /**
   * Tells whether the policy applies to a ticket of a customer, by its conditions alone (the
   * rank decides among several matching policies).
   *
   * @param ticket the ticket
   * @param standing the tier and segments of the ticket's customer
   * @return true if the ticket meets {@link #when()}
   * @throws NullPointerException if an argument is null
   */
  public boolean matches(Ticket ticket, CustomerStanding standing) {
    return when.matches(ticket, standing);
  }

  /**
   * Returns the time after which a target warns: its allowed time times {@link #warnAt()},
   * truncated to the nanosecond, and at least one nanosecond.
   *
   * @param target the target
   * @return the warning threshold, above zero and at most the target's time
   * @throws NullPointerException if target is null
   */
  public Duration warningAfter(SlaTarget target) {
    requireNonNull(target, "target");
    return Duration.ofNanos(SlaClock.warnNanos(target.within(), warnAt));
  }

  /** Checks the parts of a policy, the targets as drafts so that their times are checked too. */
  static List<Violation> problems(String name, int rank, SlaConditions when,
      Seq<SlaTargetDraft> targets, Set<TicketStatus> pausedIn, Percentage warnAt,
      Seq<EscalationRule> escalations) {
    List<Violation> problems = List.empty();
    if (name.isBlank()) {
      problems = problems.append(Violation.of("sla.policy.name.blank", "name",
          "A policy's name must not be blank"));
    } else if (name.length() > MAX_NAME) {
      problems = problems.append(Violation.of("sla.policy.name.too_long", "name",
          "A policy's name has at most " + MAX_NAME + " characters, but got " + name.length()));
    }
    if (rank < 0) {
      problems = problems.append(Violation.of("sla.policy.rank.negative", "rank",
          "A policy's rank is 0 or more, but got " + rank));
    }
    if (targets.isEmpty()) {
      problems = problems.append(Violation.of("sla.policy.targets.empty", "targets",
          "A policy needs at least one target"));
    }
    Map<SlaTargetKind, SlaTargetDraft> byKind = new EnumMap<>(SlaTargetKind.class);
    int i = 0;
    for (SlaTargetDraft target : targets) {
      problems =
          problems.appendAll(SlaChecks.within(target.within(), "targets[" + i + "].within"));
      if (byKind.putIfAbsent(target.kind(), target) != null) {
        problems = problems.append(Violation.of("sla.policy.target.duplicate",
            "targets[" + i + "]", "A policy has at most one " + SlaChecks.describe(target.kind())
                + " target"));
      }
      i++;
    }
    SlaTargetDraft resolution = byKind.get(SlaTargetKind.RESOLUTION);
    i = 0;
    for (SlaTargetDraft target : targets) {
      if (resolution != null && target.kind() != SlaTargetKind.RESOLUTION
          && target.businessHours() == resolution.businessHours()
          && target.within().compareTo(resolution.within()) > 0) {
        problems = problems.append(Violation.of("sla.policy.target.exceeds_resolution",
            "targets[" + i + "].within", "The " + SlaChecks.describe(target.kind())
                + " target allows " + target.within() + ", more than the resolution target's "
                + resolution.within()));
      }
      i++;
    }
    for (TicketStatus status : pausedIn) {
      if (!status.isPending()) {
        problems = problems.append(Violation.of("sla.policy.paused_in.not_pending", "pausedIn",
            "Clocks pause only in PENDING_CUSTOMER and PENDING_THIRD_PARTY, not in " + status));
      }
    }
    if (warnAt.compareTo(Percentage.ZERO) <= 0 || warnAt.compareTo(Percentage.ONE_HUNDRED) >= 0) {
      problems = problems.append(Violation.of("sla.policy.warn_at.out_of_range", "warnAt",
          "A policy warns above 0% and below 100% of a target's time, but got " + warnAt));
    }
    Option<Priority> lowest = when.priorities().min();
    java.util.Set<EscalationRule> seen = new java.util.HashSet<>();
    i = 0;
    for (EscalationRule rule : escalations) {
      String field = "escalations[" + i++ + "]";
      if (!byKind.containsKey(rule.target())) {
        problems = problems.append(Violation.of("sla.policy.escalation.target_unknown",
            field + ".target", "The policy has no " + SlaChecks.describe(rule.target())
                + " target to escalate on"));
      }
      if (!seen.add(rule)) {
        problems = problems.append(Violation.of("sla.policy.escalation.duplicate", field,
            "The escalation rule " + rule + " is given twice"));
      }
      if (rule.action() instanceof EscalationAction.RaisePriority) {
        Priority atLeast = ((EscalationAction.RaisePriority) rule.action()).atLeast();
        if (atLeast == Priority.LOW) {
          problems = problems.append(Violation.of("sla.policy.escalation.raise_to_low",
              field + ".action", "Raising the priority to at least LOW never has an effect"));
        } else if (lowest.exists(low -> atLeast.compareTo(low) <= 0)) {
          problems = problems.append(Violation.of("sla.policy.escalation.raise_ineffective",
              field + ".action", "Raising the priority to at least " + atLeast
                  + " never has an effect on tickets of priority " + lowest.get() + " or above"));
        }
      }
    }
    return problems;
  }
}
