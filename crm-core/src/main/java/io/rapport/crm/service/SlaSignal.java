package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One fact of a ticket's life that its SLA clocks depend on: a status change, a public reply of an
 * agent, or a message of the customer. {@link Ticket#slaSignals()} lists them in time order, the
 * first being the status the ticket was created in; {@link SlaClock} replays them.
 */
public sealed interface SlaSignal {

  /** Returns when it happened. */
  Instant at();

  /**
   * Records that the ticket entered a status.
   *
   * @param at when
   * @param status the new status
   */
  record StatusChanged(Instant at, TicketStatus status) implements SlaSignal {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public StatusChanged {
      requireNonNull(at, "at");
      requireNonNull(status, "status");
    }
  }

  /**
   * Records a public reply of an agent.
   *
   * @param at when
   */
  record AgentReplied(Instant at) implements SlaSignal {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if at is null
     */
    public AgentReplied {
      requireNonNull(at, "at");
    }
  }

  /**
   * Records a message of the customer.
   *
   * @param at when
   */
  record CustomerReplied(Instant at) implements SlaSignal {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if at is null
     */
    public CustomerReplied {
      requireNonNull(at, "at");
    }
  }
}
