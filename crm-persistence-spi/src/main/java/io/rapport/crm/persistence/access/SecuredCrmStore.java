package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.persistence.CrmStore;
import io.vavr.collection.Map;

/**
 * Applies an {@link AccessPolicy} to a {@link CrmStore}: {@link #as(Actor)} gives the view of the
 * store one actor is allowed, itself a {@code CrmStore} that the typed ports
 * ({@code CustomerRepository.in(view)}, ...) and services use unchanged. Immutable and thread-safe
 * if the store, policy, facts and maskers are.
 *
 * <p>In a view, for every repository (also those of its transactions):
 * <ul>
 *   <li>{@code find} answers only records the actor may read, and empty for the others, exactly as
 *       for a missing record;</li>
 *   <li>{@code list}, {@code query} and {@code streamAll} leave out unreadable records; a page is
 *       refilled from the store's next pages until it is full or the records end, and has a next
 *       cursor only when a readable record follows, so neither reveals how many were hidden;</li>
 *   <li>every record read has the fields its type's {@link FieldMasker} masks and the policy
 *       marks {@code MASKED} for the actor visibly masked; {@link SecuredView#maskedFields} names
 *       them. A write through the view puts the stored values of those fields back
 *       ({@link FieldMasker#restore}), so a masked value is never stored;</li>
 *   <li>{@code save} needs {@code WRITE} on the stored record (if any) and on the new state, so no
 *       one saves a record into an ownership they may not write; a denial throws an
 *       {@link AccessDeniedException} and writes nothing;</li>
 *   <li>{@code erase} needs {@code DELETE} on the stored record; a denial throws an
 *       {@link AccessDeniedException}; a record the actor may not read is not erased and the
 *       answer is {@code false}, as for a missing one;</li>
 *   <li>{@code update} needs {@code WRITE} on the current and the new state; the command sees the
 *       masked state; a denial is an {@code UpdateFailure} of reason {@code REJECTED} holding an
 *       {@link AccessDenied} ({@code access.denied}); a record the actor may not read answers
 *       {@code NOT_FOUND};</li>
 *   <li>the events of an {@code update} are restored as the state is: each passes through
 *       {@link FieldMasker#restoreEvent}, which puts the stored values back where the command
 *       copied masked ones, so listeners never receive a masked value;</li>
 *   <li>an {@code update} whose command changed a field it saw masked (which restoring would
 *       silently undo while its events state the change), or whose state or events still hold a
 *       masked value after restoring ({@link FieldMasker#maskedIn},
 *       {@link FieldMasker#maskedInEvent}, and any
 *       {@link io.rapport.crm.customer.MaskedContact} found anywhere in the state or an event) is
 *       an {@code UpdateFailure} of reason {@code REJECTED} holding a {@link MaskedValueRefused}
 *       ({@code access.masked_value}) naming the fields, never their values; nothing is written or
 *       published;</li>
 *   <li>a {@code save} whose aggregate still holds a masked value after restoring throws a
 *       {@link MaskedValueException} ({@code access.masked_value}, an
 *       {@link AccessDeniedException}) and stores nothing; a save expecting an older version than
 *       the stored one is answered with its conflict by the view, before the store sees it.</li>
 * </ul>
 * The JSON codec's refusal of a masked contact value is the last line of defence, not the check:
 * a masked value never reaches the store or the outbox through a view.
 * The outbox ({@code subscribe}, {@code dispatchPending}, {@code pendingEvents}) passes through.
 * A type with no registered {@link AccessFacts} is denied to everyone (deny by default); a type
 * with no {@link FieldMasker} has no masked fields.
 */
public final class SecuredCrmStore {

  private final CrmStore store;
  private final AccessPolicy policy;
  private final java.util.Map<String, AccessFacts<Object>> facts;
  private final java.util.Map<String, FieldMasker<Object>> maskers;

  private SecuredCrmStore(CrmStore store, AccessPolicy policy,
      java.util.Map<String, AccessFacts<Object>> facts,
      java.util.Map<String, FieldMasker<Object>> maskers) {
    this.store = store;
    this.policy = policy;
    this.facts = facts;
    this.maskers = maskers;
  }

  /**
   * Secures a store with a policy.
   *
   * @param store the store to guard
   * @param policy who may do what
   * @param facts the facts of each aggregate type, by the type's name (such as {@code customer});
   *     each must read aggregates of that type
   * @param maskers the field maskers of the types that have maskable fields, by the type's name
   * @return the secured store, to be viewed {@link #as(Actor)} an actor
   * @throws NullPointerException if an argument is null
   */
  @SuppressWarnings("unchecked")
  public static SecuredCrmStore of(CrmStore store, AccessPolicy policy,
      Map<String, ? extends AccessFacts<?>> facts, Map<String, ? extends FieldMasker<?>> maskers) {
    requireNonNull(store, "store");
    requireNonNull(policy, "policy");
    requireNonNull(facts, "facts");
    requireNonNull(maskers, "maskers");
    return new SecuredCrmStore(store, policy, plain(facts), plain(maskers));
  }

  /** Copies a map into an unmodifiable map whose look-ups allocate nothing. */
  @SuppressWarnings("unchecked")
  private static <V> java.util.Map<String, V> plain(Map<String, ?> map) {
    return (java.util.Map<String, V>) java.util.Map.copyOf(map.toJavaMap());
  }

  /**
   * Secures a store with a policy, reading every Rapport aggregate's owners with
   * {@link io.rapport.crm.access.StandardAccessFacts} and masking with
   * {@link io.rapport.crm.access.FieldMaskers} (customers' and leads' contact values, price
   * books' margins): what a host uses unless it stores aggregates of its own.
   *
   * @param store the store to guard
   * @param policy who may do what, such as {@code ConfigurablePolicy.standard()}
   * @return the secured store
   * @throws NullPointerException if an argument is null
   */
  public static SecuredCrmStore standard(CrmStore store, AccessPolicy policy) {
    io.vavr.collection.Map<String, AccessFacts<?>> facts = io.vavr.collection.HashMap.empty();
    for (String type : io.rapport.crm.access.StandardAccessFacts.types()) {
      facts = facts.put(type, io.rapport.crm.access.StandardAccessFacts.factsOf(type).get());
    }
    io.vavr.collection.Map<String, FieldMasker<?>> maskers = io.vavr.collection.HashMap.empty();
    for (String type : io.rapport.crm.access.FieldMaskers.types()) {
      maskers = maskers.put(type, io.rapport.crm.access.FieldMaskers.forType(type).get());
    }
    return of(store, policy, facts, maskers);
  }

  /**
   * Returns the view of the store an actor is allowed. Views are cheap; make one per request.
   *
   * @param actor who acts
   * @return the actor's view
   * @throws NullPointerException if actor is null
   */
  public SecuredView as(Actor actor) {
    requireNonNull(actor, "actor");
    return new SecuredView(store, new Guard(policy, facts, maskers, actor),
        new MaskedValues(maskers));
  }
}
