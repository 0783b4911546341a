package io.rapport.crm.access;

import io.rapport.crm.kernel.DomainEvent;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

/**
 * Masks the sensitive fields of one aggregate type, such as a customer's phone numbers or a price
 * book's costs: the masked value is visibly masked (a reader can always tell), and a change
 * written by someone who saw masked fields gets the stored values of those fields back, so a
 * masked value is never stored. Pure and thread-safe.
 *
 * <p>A command run on the masked copy may also put what it saw into its events. The store
 * decorator passes each event through {@link #restoreEvent} (which puts the stored values back
 * where the event carries masked stand-ins) and then refuses the whole change if
 * {@link #maskedIn} or {@link #maskedInEvent} still finds a masked value: a masked value is never
 * stored and never published. The three have defaults (events unchanged, nothing found) so that a
 * masker whose type's events carry no maskable value has nothing more to write. The decorator
 * also compares the masked copies of the command's state and of the restored state to refuse a
 * command that changed a field it saw masked, so {@link #mask} must be idempotent (masking a
 * masked copy changes nothing).
 *
 * @param <A> the aggregate type
 */
public interface FieldMasker<A> {

  /** Returns the names of the fields this masker can mask. */
  Set<String> fields();

  /**
   * Returns the aggregate with the given fields visibly masked.
   *
   * @param value the aggregate as stored
   * @param masked the fields to mask, a subset of {@link #fields()}
   * @return the masked copy
   */
  A mask(A value, Set<String> masked);

  /**
   * Returns a changed aggregate with the stored values of the masked fields put back.
   *
   * @param changed the aggregate a reader of the masked copy wants to save
   * @param stored the aggregate as stored
   * @param masked the fields the reader saw masked
   * @return what to save
   */
  A restore(A changed, A stored, Set<String> masked);

  /**
   * Returns an event a command built from the masked copy with the stored values of the masked
   * fields put back where it carries their masked stand-ins. The default returns the event
   * unchanged: right for events that carry no maskable value.
   *
   * @param event an event the command returned
   * @param stored the aggregate as stored before the command
   * @param masked the fields the command saw masked
   * @return the event to publish; a masked value it still holds makes the decorator refuse the
   *     change
   */
  default DomainEvent restoreEvent(DomainEvent event, A stored, Set<String> masked) {
    return event;
  }

  /**
   * Returns the fields whose value in an aggregate is a masked stand-in, such as a contact point
   * holding a masked phone number after {@link #restore} could not put a stored value in its
   * place. The default finds none.
   *
   * @param value an aggregate about to be stored
   * @return the names of the fields holding a masked value, empty if none
   */
  default Set<String> maskedIn(A value) {
    return HashSet.empty();
  }

  /**
   * Returns the fields whose masked stand-in an event still carries after
   * {@link #restoreEvent}. The default finds none.
   *
   * @param event an event about to be published
   * @return the names of the fields whose masked value the event carries, empty if none
   */
  default Set<String> maskedInEvent(DomainEvent event) {
    return HashSet.empty();
  }
}
