package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.Violation;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records the SLA of a ticket as of its last review: the policy that applies, the running
 * targets with their due times, and the alerts already raised. The authority is the replay
 * ({@link SlaClock}); this is what storage indexes. Immutable and thread-safe.
 *
 * @param policy the policy that applied at the review
 * @param running the targets whose clocks were running, with their warning and due times
 * @param marks the alerts raised so far
 * @param reviewedAt the time the review was made as of
 */
public record TicketSla(SlaPolicyId policy, Seq<SlaDue> running, Set<SlaMark> marks,
    Instant reviewedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException if two running entries share a target and cycle
   *     ({@code sla.ticket.running.duplicate}, field such as {@code running[2]})
   */
  public TicketSla {
    requireNonNull(policy, "policy");
    requireNonNull(running, "running");
    requireNonNull(marks, "marks");
    requireNonNull(reviewedAt, "reviewedAt");
    running.forEach(value -> requireNonNull(value, "running"));
    marks.forEach(value -> requireNonNull(value, "marks"));
    List<Violation> problems = List.empty();
    java.util.Set<Tuple2<SlaTargetKind, Integer>> seen = new java.util.HashSet<>();
    int i = 0;
    for (SlaDue due : running) {
      if (!seen.add(Tuple.of(due.target(), due.cycle()))) {
        problems = problems.append(Violation.of("sla.ticket.running.duplicate",
            "running[" + i + "]", "The " + SlaChecks.describe(due.target()) + " target, cycle "
                + due.cycle() + ", is running twice"));
      }
      i++;
    }
    SlaChecks.orThrow(problems);
  }

  /**
   * Returns the earliest due time of a running target: the time by which the ticket must be
   * acted on, or has been overdue since.
   *
   * @return the earliest due time, or empty when no clock was running
   */
  public Option<Instant> nextDue() {
    return running.map(SlaDue::dueAt).min();
  }
}
