package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.CustomerRejection.Reason;
import io.rapport.crm.customer.Survivorship.Side;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Merges two customers found to be the same, and undoes merges. Pure: the caller (for example the
 * storage layer's merge service) loads both customers, saves the results in one transaction and
 * re-points related records, recording them in the {@link MergeJournal}.
 *
 * <p>The survivor keeps its id and lifecycle history; single-valued fields follow the
 * {@link Survivorship} rules; contact points, tags and consent statements are united (the
 * survivor's primary contact points stay primary); the earlier creation time is kept. The absorbed
 * customer keeps its data (for undo) and only points to the survivor from then on.
 */
public final class CustomerMerge {

  private CustomerMerge() {}

  /**
   * Holds the outcome of a merge: both customers' transitions and the journal to undo it.
   *
   * @param survivor the survivor's new state and its {@link CustomerEvent.Absorbed} event
   * @param absorbed the absorbed customer's new state and its {@link CustomerEvent.MergedInto} event
   * @param journal the journal, without re-pointed records yet
   */
  public record Outcome(Transition<Customer> survivor, Transition<Customer> absorbed,
      MergeJournal journal) {}

  /**
   * Merges {@code absorbed} into {@code survivor}.
   *
   * @param survivor the customer that stays
   * @param absorbed the customer merged into it
   * @param rules how to choose single-valued fields
   * @param stamp the merge's id (also the journal's id; the absorbed customer's event takes
   *     {@code stamp.next(1)}), time and actor
   * @return the outcome, or why not: {@code customer.merge_self}, {@code customer.merge_erased},
   *     {@code customer.merge_merged}
   */
  public static Either<CustomerRejection, Outcome> merge(Customer survivor, Customer absorbed,
      Survivorship rules, EventStamp stamp) {
    requireNonNull(survivor, "survivor");
    requireNonNull(absorbed, "absorbed");
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    if (survivor.id().equals(absorbed.id())) {
      return Either.left(CustomerRejection.of(Reason.MERGE_SELF, survivor.id(),
          "A customer cannot be merged with itself"));
    }
    for (Customer each : List.of(survivor, absorbed)) {
      if (each.isErased()) {
        return Either.left(CustomerRejection.of(Reason.MERGE_ERASED, each.id(),
            "Customer " + each.id() + " was erased and cannot be merged"));
      }
      if (each.isMerged()) {
        return Either.left(CustomerRejection.of(Reason.MERGE_MERGED, each.id(),
            "Customer " + each.id() + " was already merged into " + each.mergedInto().get()));
      }
    }
    boolean absorbedIsNewer = absorbed.updatedAt().isAfter(survivor.updatedAt());
    Customer merged = new Customer(survivor.id(), survivor.kind(),
        pick(MergeField.NAME, rules, absorbedIsNewer, survivor.name(), absorbed.name(),
            name -> (double) (name.displayName().length() + name.familyName().map(String::length)
                .getOrElse(0) + name.givenNames().map(String::length).getOrElse(0)
                + name.phonetic().map(String::length).getOrElse(0))),
        survivor.kind() == PartyKind.PERSON ? Option.none()
            : pickOption(MergeField.PARENT, rules, absorbedIsNewer, survivor.parent(),
                absorbed.parent().filter(parent -> !parent.equals(survivor.id()))),
        pickOption(MergeField.ORGANIZATION_NAME, rules, absorbedIsNewer,
            survivor.organizationName(), absorbed.organizationName()),
        pickOption(MergeField.TAX_ID, rules, absorbedIsNewer, survivor.taxId(), absorbed.taxId()),
        uniteContacts(survivor.contactPoints(), absorbed.contactPoints()),
        survivor.lifecycle(),
        pickOption(MergeField.OWNER, rules, absorbedIsNewer, survivor.owner(), absorbed.owner()),
        pickOption(MergeField.TEAM, rules, absorbedIsNewer, survivor.team(), absorbed.team()),
        survivor.tags().addAll(absorbed.tags()),
        uniteAttributes(rules, absorbedIsNewer, survivor.attributes(), absorbed.attributes()),
        pickOption(MergeField.SOURCE, rules, absorbedIsNewer, survivor.source(), absorbed.source()),
        new ConsentLedger(survivor.consent().records().appendAll(absorbed.consent().records()
            .filter(r -> !survivor.consent().records().contains(r)))),
        survivor.createdAt().isBefore(absorbed.createdAt()) ? survivor.createdAt()
            : absorbed.createdAt(),
        stamp.at(), Option.none(), Option.none());
    Customer pointer = new Customer(absorbed.id(), absorbed.kind(), absorbed.name(),
        absorbed.parent(), absorbed.organizationName(), absorbed.taxId(), absorbed.contactPoints(),
        absorbed.lifecycle(), absorbed.owner(), absorbed.team(), absorbed.tags(),
        absorbed.attributes(), absorbed.source(), absorbed.consent(), absorbed.createdAt(),
        stamp.at(), absorbed.erasedAt(), Option.of(survivor.id()));
    MergeJournal journal = new MergeJournal(stamp.eventId(), survivor.id(), absorbed.id(), survivor,
        absorbed, merged, pointer, List.empty(), stamp.at(), stamp.by(), Option.none());
    return Either.right(new Outcome(
        Transition.of(merged, new CustomerEvent.Absorbed(stamp, survivor.id(), absorbed.id())),
        Transition.of(pointer, new CustomerEvent.MergedInto(stamp.next(1), absorbed.id(),
            survivor.id())),
        journal));
  }

  /**
   * Undoes a merge exactly: both customers return to their state before it. Refused if either
   * changed since the merge, because an exact undo would then lose that change.
   *
   * @param journal the merge's journal
   * @param survivorNow the survivor as stored now
   * @param absorbedNow the absorbed customer as stored now
   * @param stamp the undo's id (the absorbed customer's event takes {@code stamp.next(1)}), time and
   *     actor
   * @return both customers restored with {@link CustomerEvent.MergeUndone} events, or why not:
   *     {@code customer.undo_mismatch}, {@code customer.undo_changed}
   */
  public static Either<CustomerRejection, Seq<Transition<Customer>>> undo(MergeJournal journal,
      Customer survivorNow, Customer absorbedNow, EventStamp stamp) {
    requireNonNull(journal, "journal");
    requireNonNull(survivorNow, "survivorNow");
    requireNonNull(absorbedNow, "absorbedNow");
    requireNonNull(stamp, "stamp");
    if (!survivorNow.id().equals(journal.survivor()) || !absorbedNow.id().equals(journal.absorbed())) {
      return Either.left(CustomerRejection.of(Reason.UNDO_MISMATCH, survivorNow.id(),
          "The journal records the merge of " + journal.absorbed() + " into " + journal.survivor()));
    }
    if (journal.isUndone()) {
      return Either.left(CustomerRejection.of(Reason.UNDO_MISMATCH, survivorNow.id(),
          "The merge was already undone at " + journal.undoneAt().get()));
    }
    for (Customer[] pair : new Customer[][] {{survivorNow, journal.survivorAfter()},
        {absorbedNow, journal.absorbedAfter()}}) {
      if (!pair[0].equals(pair[1])) {
        return Either.left(CustomerRejection.of(Reason.UNDO_CHANGED, pair[0].id(),
            "Customer " + pair[0].id() + " changed after the merge (last at " + pair[0].updatedAt()
                + "); undo those changes first or merge the other way"));
      }
    }
    return Either.right(List.of(
        Transition.of(journal.survivorBefore(),
            new CustomerEvent.MergeUndone(stamp, journal.survivor(), journal.absorbed())),
        Transition.of(journal.absorbedBefore(),
            new CustomerEvent.MergeUndone(stamp.next(1), journal.absorbed(), journal.survivor()))));
  }

  private static <T> T pick(MergeField field, Survivorship rules, boolean absorbedIsNewer,
      T survivorValue, T absorbedValue, Function<T, Double> completeness) {
    switch (rules.ruleOf(field)) {
      case MOST_RECENT:
        return absorbedIsNewer ? absorbedValue : survivorValue;
      case MOST_COMPLETE:
        return completeness.apply(absorbedValue) > completeness.apply(survivorValue)
            ? absorbedValue : survivorValue;
      case MANUAL:
        return rules.choiceOf(field) == Side.ABSORBED ? absorbedValue : survivorValue;
      default:
        return survivorValue;
    }
  }

  private static <T> Option<T> pickOption(MergeField field, Survivorship rules,
      boolean absorbedIsNewer, Option<T> survivorValue, Option<T> absorbedValue) {
    if (rules.ruleOf(field) == SurvivorshipRule.MANUAL) {
      return rules.choiceOf(field) == Side.ABSORBED ? absorbedValue : survivorValue;
    }
    if (survivorValue.isEmpty() || absorbedValue.isEmpty()) {
      return survivorValue.orElse(absorbedValue);
    }
    return pick(field, rules, absorbedIsNewer, survivorValue, absorbedValue,
        value -> (double) String.valueOf(value.get()).length());
  }

  private static Seq<ContactPoint> uniteContacts(Seq<ContactPoint> kept, Seq<ContactPoint> added) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    java.util.Set<ContactKind> primaries = java.util.EnumSet.noneOf(ContactKind.class);
    for (ContactPoint point : kept) {
      keys.add(point.value().matchKey());
      if (point.primary()) {
        primaries.add(point.kind());
      }
    }
    Seq<ContactPoint> united = kept;
    for (ContactPoint point : added) {
      if (keys.add(point.value().matchKey())) {
        boolean primary = point.primary() && primaries.add(point.kind());
        united = united.append(point.withPrimary(primary));
      } else if (point.verified()) {
        String key = point.value().matchKey();
        united = united.map(p -> p.value().matchKey().equals(key) ? p.withVerified(true) : p);
      }
    }
    return united;
  }

  private static SortedMap<String, AttributeValue> uniteAttributes(Survivorship rules,
      boolean absorbedIsNewer, SortedMap<String, AttributeValue> kept,
      SortedMap<String, AttributeValue> added) {
    SortedMap<String, AttributeValue> united = TreeMap.empty();
    for (String name : kept.keySet().addAll(added.keySet())) {
      Option<AttributeValue> value = pickOption(MergeField.ATTRIBUTES, rules, absorbedIsNewer,
          kept.get(name), added.get(name));
      united = value.isDefined() ? united.put(name, value.get()) : united;
    }
    return united;
  }
}
