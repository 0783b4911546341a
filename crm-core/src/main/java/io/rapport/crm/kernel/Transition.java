package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Carries what an accepted command produced: the aggregate's new state and the domain events that
 * state the change. Commands answer {@code Either<Rejection, Transition<S>>}; the store saves the
 * state and writes the events to its outbox in one transaction. Immutable and thread-safe.
 *
 * @param state the new state
 * @param events the events the command produced, in order; possibly none
 * @param <S> the type of the new state
 */
public record Transition<S>(S state, Seq<DomainEvent> events) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an event is null
   */
  public Transition {
    requireNonNull(state, "state");
    requireNonNull(events, "events");
    events.forEach(event -> requireNonNull(event, "events element"));
  }

  /**
   * Returns a transition to a state with the events that state the change.
   *
   * @param state the new state
   * @param events the events, in order
   * @param <S> the type of the new state
   * @return the transition
   */
  public static <S> Transition<S> of(S state, DomainEvent... events) {
    return new Transition<>(state, List.of(requireNonNull(events, "events")));
  }
}
