package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TicketId;

/**
 * Says what to do after a customer rated a ticket, as decided by
 * {@link SatisfactionPolicy#decide}: nothing, reopen the ticket, or open a follow-up ticket.
 */
public sealed interface SatisfactionOutcome {

  /**
   * Nothing to do: the customer was content.
   *
   * @param ticket the rated ticket
   */
  record Content(TicketId ticket) implements SatisfactionOutcome {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if ticket is null
     */
    public Content {
      requireNonNull(ticket, "ticket");
    }
  }

  /**
   * Reopen the rated ticket ({@link Ticket#reopen}): it is resolved, within its reopen window, and
   * the policy allows it.
   *
   * @param ticket the ticket to reopen
   */
  record Reopen(TicketId ticket) implements SatisfactionOutcome {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if ticket is null
     */
    public Reopen {
      requireNonNull(ticket, "ticket");
    }
  }

  /**
   * Open a follow-up ticket from the draft ({@link Ticket#open}).
   *
   * @param draft the follow-up: same customer and team, parent and cause the rated ticket,
   *     priority and category from the policy
   */
  record FollowUp(TicketDraft draft) implements SatisfactionOutcome {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if draft is null
     */
    public FollowUp {
      requireNonNull(draft, "draft");
    }
  }
}
