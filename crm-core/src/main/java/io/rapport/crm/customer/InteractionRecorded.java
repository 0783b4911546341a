package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.RedactableEvent;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * States that an interaction was recorded, with everything it recorded. Immutable and thread-safe.
 *
 * @param interactionId the interaction
 * @param customer the customer it was with
 * @param channel how it took place
 * @param occurredAt when it took place
 * @param employee the employee who took part, if any
 * @param summary what it was about
 * @param links the records it concerns
 * @param stamp the id, time and actor of the recording
 */
public record InteractionRecorded(InteractionId interactionId, CustomerId customer, Channel channel,
    Instant occurredAt, Option<EmployeeId> employee, String summary, Set<RecordRef> links,
    EventStamp stamp) implements InteractionEvent, RedactableEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InteractionRecorded {
    requireNonNull(interactionId, "interactionId");
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(employee, "employee");
    requireNonNull(summary, "summary");
    requireNonNull(links, "links");
    requireNonNull(stamp, "stamp");
  }

  /**
   * Returns this event as {@link Interaction#redact} leaves the interaction: the summary becomes
   * {@value Channel#REDACTED} and the channel {@link Channel#redacted() redacted} (personal text
   * replaced, phone numbers dropped); everything else is kept.
   *
   * @return the redacted event, or this event if it holds nothing to redact
   */
  @Override
  public InteractionRecorded redacted() {
    Channel plainChannel = channel.redacted();
    if (summary.equals(Channel.REDACTED) && plainChannel.equals(channel)) {
      return this;
    }
    return new InteractionRecorded(interactionId, customer, plainChannel, occurredAt, employee,
        Channel.REDACTED, links, stamp);
  }
}
