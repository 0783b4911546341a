package io.rapport.crm.testkit.storage;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexEntry;
import io.vavr.control.Either;
import java.time.Instant;

/**
 * A small aggregate the storage contract suite stores: a running count and total per customer.
 * It exercises what every real aggregate needs from storage (an id, a version, a value with money,
 * events) without depending on any bounded context. Adapters must be able to store it; as a record
 * of kernel values it needs no JSON mapping of its own ({@code codec.register("tally",
 * Tally.class)}). Immutable.
 *
 * @param id the customer the tally belongs to
 * @param count how many times it was incremented
 * @param total the sum of the amounts added
 * @param note free text, possibly empty
 */
public record Tally(CustomerId id, long count, Money total, String note) implements Aggregate<CustomerId> {

  /** The aggregate type of tallies, with the two indexes the index contract queries. */
  public static final AggregateType<CustomerId, Tally> TYPE =
      AggregateType.of("tally", Tally.class, CustomerId.KIND)
          .withIndex(Index.byKey(Tally.BY_NOTE_WORD, Tally::noteWords))
          .withIndex(Index.sorted(Tally.BY_COUNT, tally -> io.vavr.collection.List.of(
              new IndexEntry(tally.total().currency().getCurrencyCode(), countKey(tally.count())))));

  /** The index of tallies by each word of their note, ordered by id. */
  public static final String BY_NOTE_WORD = "by_note_word";

  /** The index of tallies by currency, ordered by count. */
  public static final String BY_COUNT = "by_count";

  /** Returns the distinct words of the note, split at spaces. */
  public io.vavr.collection.Set<String> noteWords() {
    return io.vavr.collection.TreeSet.of(note.split(" ")).filter(word -> !word.isEmpty());
  }

  /** Returns the sort key of a count: 20 digits, so string order is numeric order. */
  public static String countKey(long count) {
    String digits = Long.toString(count);
    return "0".repeat(Math.max(0, 20 - digits.length())) + digits;
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Tally {
    requireNonNull(id, "id");
    requireNonNull(total, "total");
    requireNonNull(note, "note");
  }

  /** The event a tally increment states. */
  public record Incremented(EventId eventId, CustomerId aggregateId, Instant occurredAt,
      ActorId actor, long countAfter) implements io.rapport.crm.kernel.DomainEvent {}

  /** Refuses an increment that would pass a limit. */
  public record LimitReached(long limit) implements Rejection {
    @Override
    public String code() {
      return "tally.limit_reached";
    }

    @Override
    public String message() {
      return "The tally is at its limit of " + limit;
    }
  }

  /**
   * Adds one to the count and an amount to the total, up to a limit on the count.
   *
   * @param amount the amount to add
   * @param limit the largest count allowed
   * @param eventId the id of the event to produce
   * @param at when it happened
   * @return the new tally with its event, or the refusal
   */
  public Either<Rejection, Transition<Tally>> increment(Money amount, long limit, EventId eventId,
      Instant at) {
    if (count >= limit) {
      return Either.left(new LimitReached(limit));
    }
    Tally next = new Tally(id, count + 1, total.plus(amount), note);
    return Either.right(Transition.of(next,
        new Incremented(eventId, id, at, ActorId.parse("tck"), next.count())));
  }
}
