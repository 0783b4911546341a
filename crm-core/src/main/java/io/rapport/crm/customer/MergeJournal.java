package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one merge completely enough to undo it exactly: both customers as they were before, the
 * survivor as the merge left it, and every related record (interactions, activities, tickets…)
 * that was re-pointed from the absorbed customer to the survivor. Stored as an aggregate of its
 * own, identified by the merge's event id. Immutable and thread-safe.
 *
 * @param id the merge's event id
 * @param survivor the survivor's id
 * @param absorbed the absorbed customer's id
 * @param survivorBefore the survivor before the merge
 * @param absorbedBefore the absorbed customer before the merge
 * @param survivorAfter the survivor as the merge left it
 * @param absorbedAfter the absorbed customer as the merge left it
 * @param repointed the related records moved to the survivor
 * @param at when the merge happened
 * @param by who merged
 * @param undoneAt when the merge was undone, if it was
 */
public record MergeJournal(EventId id, CustomerId survivor, CustomerId absorbed,
    Customer survivorBefore, Customer absorbedBefore, Customer survivorAfter, Customer absorbedAfter,
    Seq<RecordRef> repointed, Instant at, ActorId by, Option<Instant> undoneAt)
    implements Aggregate<EventId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the snapshots are not of the named customers
   */
  public MergeJournal {
    requireNonNull(id, "id");
    requireNonNull(survivor, "survivor");
    requireNonNull(absorbed, "absorbed");
    requireNonNull(survivorBefore, "survivorBefore");
    requireNonNull(absorbedBefore, "absorbedBefore");
    requireNonNull(survivorAfter, "survivorAfter");
    requireNonNull(absorbedAfter, "absorbedAfter");
    requireNonNull(repointed, "repointed");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(undoneAt, "undoneAt");
    if (!survivorBefore.id().equals(survivor) || !survivorAfter.id().equals(survivor)
        || !absorbedBefore.id().equals(absorbed) || !absorbedAfter.id().equals(absorbed)) {
      throw new IllegalArgumentException("The journal's snapshots must be of " + survivor + " and "
          + absorbed);
    }
  }

  /** Returns whether the merge was undone. */
  public boolean isUndone() {
    return undoneAt.isDefined();
  }

  /** Returns this journal with the related records the merge moved. */
  public MergeJournal withRepointed(Seq<RecordRef> records) {
    return new MergeJournal(id, survivor, absorbed, survivorBefore, absorbedBefore, survivorAfter,
        absorbedAfter, requireNonNull(records, "records"), at, by, undoneAt);
  }

  /**
   * Returns this journal with the snapshots of one of its customers erased
   * ({@link Customer#erase}), for that customer's erasure; the other customer's snapshots are kept. A journal that does not
   * name the customer, or whose snapshots of them are already erased, is answered unchanged.
   *
   * @param customer the customer being erased
   * @param schema the schema saying which attributes are personal
   * @param stamp the erasure's id, time and actor
   * @return the journal without that customer's personal data
   * @throws NullPointerException if an argument is null
   */
  public MergeJournal erasing(CustomerId customer, AttributeSchema schema, EventStamp stamp) {
    requireNonNull(customer, "customer");
    requireNonNull(schema, "schema");
    requireNonNull(stamp, "stamp");
    boolean ofSurvivor = survivor.equals(customer);
    boolean ofAbsorbed = absorbed.equals(customer);
    Customer sb = ofSurvivor ? survivorBefore.erase(schema, stamp).state() : survivorBefore;
    Customer sa = ofSurvivor ? survivorAfter.erase(schema, stamp).state() : survivorAfter;
    Customer ab = ofAbsorbed ? absorbedBefore.erase(schema, stamp).state() : absorbedBefore;
    Customer aa = ofAbsorbed ? absorbedAfter.erase(schema, stamp).state() : absorbedAfter;
    if (sb == survivorBefore && sa == survivorAfter && ab == absorbedBefore && aa == absorbedAfter) {
      return this;
    }
    return new MergeJournal(id, survivor, absorbed, sb, ab, sa, aa, repointed, at, by, undoneAt);
  }

  /** Returns this journal marked as undone at an instant. */
  public MergeJournal undone(Instant when) {
    return new MergeJournal(id, survivor, absorbed, survivorBefore, absorbedBefore, survivorAfter,
        absorbedAfter, repointed, at, by, Option.of(requireNonNull(when, "when")));
  }
}
