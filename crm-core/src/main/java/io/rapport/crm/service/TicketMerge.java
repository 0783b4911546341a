package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.service.TicketRejection.Reason;
import io.vavr.collection.List;
import io.vavr.control.Either;

/**
 * Merges a duplicate ticket into the one that carries on with the conversation. Pure: the caller
 * (for example the storage layer's service) loads both tickets and saves both results in one
 * transaction.
 *
 * <p>The source becomes {@link TicketStatus#MERGED}, points at the target and gets a SYSTEM
 * INTERNAL note naming it. The target gets a copy of every comment of the source, in order,
 * numbered after its own, dated at the merge, naming the source as where it was copied from
 * (author, actor, visibility and body kept), then a SYSTEM INTERNAL note naming the source; the
 * source joins its {@code mergedFrom}. The target's status does not change. Copies never count
 * as responses for the SLA.
 */
public final class TicketMerge {

  private TicketMerge() {}

  /**
   * Holds the outcome of a merge: both tickets' transitions.
   *
   * @param source the merged ticket's new state and its {@link TicketEvent.Merged} event, which
   *     takes {@code stamp.next(1)}
   * @param target the ticket that carries on, and its {@link TicketEvent.MergeReceived} event,
   *     which takes the stamp
   */
  public record Outcome(Transition<Ticket> source, Transition<Ticket> target) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Outcome {
      requireNonNull(source, "source");
      requireNonNull(target, "target");
    }
  }

  /**
   * Merges {@code source} into {@code target}.
   *
   * @param source the duplicate, which becomes MERGED
   * @param target the ticket that carries on
   * @param stamp the merge's id (the target's event; the source's takes {@code stamp.next(1)}),
   *     time and actor
   * @return both transitions, or why not, naming the ticket at fault:
   *     {@code ticket.merge.same_ticket}, {@code ticket.merge.different_customers},
   *     {@code ticket.merged}, {@code ticket.closed}, {@code ticket.spam} (either ticket),
   *     {@code ticket.out_of_order} (the merge is dated before either ticket's last change)
   * @throws NullPointerException if an argument is null
   */
  public static Either<TicketRejection, Outcome> merge(Ticket source, Ticket target,
      EventStamp stamp) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(stamp, "stamp");
    if (source.id().equals(target.id())) {
      return Either.left(TicketRejection.of(Reason.MERGE_SAME_TICKET, source,
          "A ticket cannot be merged into itself"));
    }
    if (!source.customer().equals(target.customer())) {
      return Either.left(TicketRejection.of(Reason.MERGE_DIFFERENT_CUSTOMERS, source,
          "Only tickets of one customer are merged: " + source.id() + " is for "
              + source.customer() + ", " + target.id() + " for " + target.customer()
              + "; merge the customers first"));
    }
    for (Ticket each : List.of(source, target)) {
      TicketRejection refusal = each.mergeRefusal(stamp);
      if (refusal != null) {
        return Either.left(refusal);
      }
    }
    Ticket merged = source.mergedInto(target.id(), stamp);
    Ticket carrying = target.receiving(source, stamp);
    return Either.right(new Outcome(
        Transition.of(merged, new TicketEvent.Merged(stamp.next(1), source.id(), target.id())),
        Transition.of(carrying, new TicketEvent.MergeReceived(stamp, target.id(), source.id(),
            source.comments().size()))));
  }
}
