package io.rapport.crm.customer;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * States a change to a customer. Events name what changed but carry no personal values (no names,
 * addresses or numbers). The one free text, a lifecycle move's reason, is emptied by
 * {@link StageChanged#redacted()} as erasure empties it on the customer.
 */
public sealed interface CustomerEvent extends StampedEvent {

  /** Returns the customer the event happened to. */
  CustomerId customerId();

  @Override
  default CustomerId aggregateId() {
    return customerId();
  }

  /**
   * States that a customer was registered.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param kind person or organization
   * @param stage the lifecycle stage it starts in
   */
  record Registered(EventStamp stamp, CustomerId customerId, PartyKind kind, LifecycleStage stage)
      implements CustomerEvent {}

  /**
   * States that profile fields changed (name, organization, tax id, parent, source, attributes).
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param fields the names of the fields that changed
   */
  record ProfileChanged(EventStamp stamp, CustomerId customerId, Set<String> fields)
      implements CustomerEvent {}

  /**
   * States that the customer's contact points changed.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param kind the kind of contact point concerned
   * @param change what happened to it
   */
  record ContactPointsChanged(EventStamp stamp, CustomerId customerId, ContactKind kind,
      Change change) implements CustomerEvent {

    /** Names what happened to a contact point. */
    public enum Change {
      /** One was added. */
      ADDED,
      /** One was removed. */
      REMOVED,
      /** One was verified. */
      VERIFIED,
      /** Another one became primary. */
      PRIMARY_CHANGED
    }
  }

  /**
   * States a move in the lifecycle.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param change the recorded move
   */
  record StageChanged(EventStamp stamp, CustomerId customerId, LifecycleChange change)
      implements CustomerEvent, RedactableEvent {

    /**
     * Returns this event as {@link Customer#erase} leaves the lifecycle history: the move's
     * reason becomes empty; the stages, time and actor are kept.
     *
     * @return the redacted event, or this event if its reason is already empty
     */
    @Override
    public StageChanged redacted() {
      LifecycleChange plain = change.withoutReason();
      return plain == change ? this : new StageChanged(stamp, customerId, plain);
    }
  }

  /**
   * States that the customer's owner or team changed.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param owner the new owner, or none
   * @param team the new team, or none
   */
  record Assigned(EventStamp stamp, CustomerId customerId, Option<EmployeeId> owner,
      Option<TeamId> team) implements CustomerEvent {}

  /**
   * States that tags were added or removed.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param added the tags added
   * @param removed the tags removed
   */
  record Tagged(EventStamp stamp, CustomerId customerId, Set<String> added, Set<String> removed)
      implements CustomerEvent {}

  /**
   * States that a consent statement was recorded.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   * @param purpose the purpose
   * @param channel the channel
   * @param status what the customer said
   */
  record ConsentRecorded(EventStamp stamp, CustomerId customerId, ConsentPurpose purpose,
      ConsentChannel channel, ConsentRecord.Status status) implements CustomerEvent {}

  /**
   * States that the customer's personal data was erased.
   *
   * @param stamp id, time and actor
   * @param customerId the customer
   */
  record Erased(EventStamp stamp, CustomerId customerId) implements CustomerEvent {}

  /**
   * States that another customer was merged into this one, which survives.
   *
   * @param stamp id, time and actor
   * @param customerId the surviving customer
   * @param absorbed the customer merged into it
   */
  record Absorbed(EventStamp stamp, CustomerId customerId, CustomerId absorbed)
      implements CustomerEvent {}

  /**
   * States that this customer was merged into another and now only points to it.
   *
   * @param stamp id, time and actor
   * @param customerId the merged customer
   * @param survivor the customer it was merged into
   */
  record MergedInto(EventStamp stamp, CustomerId customerId, CustomerId survivor)
      implements CustomerEvent {}

  /**
   * States that a merge was undone and this customer restored to its state before it.
   *
   * @param stamp id, time and actor
   * @param customerId the restored customer
   * @param other the other customer of the merge
   */
  record MergeUndone(EventStamp stamp, CustomerId customerId, CustomerId other)
      implements CustomerEvent {}
}
