package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * States a fact about a {@link Lead}: one event per accepted command. Events carry ids, codes and
 * counts but no personal values (no names, addresses, numbers or free-text notes), so the outbox
 * and the systems it feeds hold nothing that erasure would have to chase.
 */
public sealed interface LeadEvent extends StampedEvent {

  /** Returns the id of the lead the event happened to. */
  LeadId leadId();

  /** Returns the lead's id. */
  @Override
  default LeadId aggregateId() {
    return leadId();
  }

  /**
   * States that a lead was captured. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param channel the channel it came through
   * @param campaign the campaign's code, or empty
   * @param contactPoints how many contact points it was captured with
   * @param owner who works it, or empty
   * @param team the team that works it, or empty
   */
  record LeadCaptured(EventStamp stamp, LeadId leadId, String channel, Option<String> campaign,
      int contactPoints, Option<EmployeeId> owner, Option<TeamId> team) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadCaptured {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(channel, "channel");
      requireNonNull(campaign, "campaign");
      requireNonNull(owner, "owner");
      requireNonNull(team, "team");
    }
  }

  /**
   * States that work on a lead started: {@code NEW} to {@code WORKING}. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   */
  record LeadWorkStarted(EventStamp stamp, LeadId leadId) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadWorkStarted {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
    }
  }

  /**
   * States that a lead was qualified. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param from the status it was qualified from: {@code NEW} or {@code WORKING}
   */
  record LeadQualified(EventStamp stamp, LeadId leadId, LeadStatus from) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadQualified {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(from, "from");
    }
  }

  /**
   * States that what qualifies a lead changed. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param fields the parts that changed: {@code budget}, {@code decisionMaker}, {@code need},
   *     {@code timeline}
   */
  record LeadQualificationUpdated(EventStamp stamp, LeadId leadId, Seq<String> fields)
      implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadQualificationUpdated {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(fields, "fields");
    }
  }

  /**
   * States that a contact point was added to a lead. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param kind the kind of the contact point added
   * @param contactPoints how many contact points the lead has now
   */
  record LeadContactPointAdded(EventStamp stamp, LeadId leadId, ContactKind kind,
      int contactPoints) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadContactPointAdded {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(kind, "kind");
    }
  }

  /**
   * States that an attribute of a lead was set or removed; the value is not repeated. Immutable
   * and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param attribute the attribute's name
   * @param removed whether it was removed rather than set
   */
  record LeadAttributesChanged(EventStamp stamp, LeadId leadId, String attribute, boolean removed)
      implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadAttributesChanged {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(attribute, "attribute");
    }
  }

  /**
   * States that a lead got another owner or team. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param owner the new owner, or empty
   * @param team the new team, or empty
   */
  record LeadAssigned(EventStamp stamp, LeadId leadId, Option<EmployeeId> owner,
      Option<TeamId> team) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadAssigned {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(owner, "owner");
      requireNonNull(team, "team");
    }
  }

  /**
   * States that a lead got a new score. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param previous the score before, or empty when never scored
   * @param score the new score, 0 to 100
   */
  record LeadScored(EventStamp stamp, LeadId leadId, Option<Integer> previous, int score)
      implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadScored {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(previous, "previous");
    }
  }

  /**
   * States that a lead was disqualified; the note stays on the lead. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param reason the reason code
   * @param from the status it was disqualified from
   */
  record LeadDisqualified(EventStamp stamp, LeadId leadId, String reason, LeadStatus from)
      implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadDisqualified {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(reason, "reason");
      requireNonNull(from, "from");
    }
  }

  /**
   * States that a disqualified lead is worked again: {@code DISQUALIFIED} to {@code WORKING}.
   * Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param previousReason the reason it had been disqualified for
   */
  record LeadRequalified(EventStamp stamp, LeadId leadId, String previousReason)
      implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadRequalified {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(previousReason, "previousReason");
    }
  }

  /**
   * States that a lead was converted into a customer and possibly an opportunity. Immutable and
   * thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param leadId the lead
   * @param customer the customer it became or was linked to
   * @param existing whether that customer existed before (found by the duplicate check)
   * @param opportunity the opportunity opened, or empty
   */
  record LeadConverted(EventStamp stamp, LeadId leadId, CustomerId customer, boolean existing,
      Option<OpportunityId> opportunity) implements LeadEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public LeadConverted {
      requireNonNull(stamp, "stamp");
      requireNonNull(leadId, "leadId");
      requireNonNull(customer, "customer");
      requireNonNull(opportunity, "opportunity");
    }
  }
}
