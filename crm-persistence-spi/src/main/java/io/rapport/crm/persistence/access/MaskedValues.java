package io.rapport.crm.persistence.access;

import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;

/**
 * Puts stored values back into a command's events and finds masked values a write still holds:
 * those the type's {@link FieldMasker} names, and any masked contact value anywhere in the state
 * or an event (records, collections, options and tuples are searched), whatever the type, so a
 * host event or a journal copying a masked contact is caught even if its masker knows nothing of
 * it.
 */
final class MaskedValues {

  /** How many objects one search visits at most; a bigger graph is searched that far. */
  private static final int MAX_VISITS = 100_000;

  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      if (!type.isRecord()) {
        return new Method[0];
      }
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        try {
          accessor.setAccessible(true);
          accessors[i] = accessor;
        } catch (RuntimeException closed) {
          accessors[i] = null; // a module that does not open the record: left to its masker
        }
      }
      return accessors;
    }
  };

  private final java.util.Map<String, FieldMasker<Object>> maskers;

  MaskedValues(java.util.Map<String, FieldMasker<Object>> maskers) {
    this.maskers = maskers;
  }

  /** Passes every event through the type's masker, putting the stored values back. */
  @SuppressWarnings("unchecked")
  <A> Seq<DomainEvent> restoreEvents(String type, Seq<DomainEvent> events, A stored,
      Set<String> masked) {
    FieldMasker<A> typed = (FieldMasker<A>) (FieldMasker<?>) maskers.get(type);
    if (typed == null || masked.isEmpty()) {
      return events;
    }
    return events.map(event -> java.util.Objects.requireNonNull(
        typed.restoreEvent(event, stored, masked), "the masker's restored event"));
  }

  /**
   * Answers the refusal of a write whose state or events still hold a masked value, or empty.
   */
  @SuppressWarnings("unchecked")
  <A extends Aggregate<?>> Option<MaskedValueRefused> refusal(String type, A state,
      Seq<DomainEvent> events) {
    Option<FieldMasker<A>> masker =
        Option.of((FieldMasker<A>) (FieldMasker<?>) maskers.get(type));
    Set<String> inState = masker.map(found -> found.maskedIn(state))
        .getOrElse(TreeSet.empty()).addAll(contactsIn(state));
    if (!inState.isEmpty()) {
      return Option.some(new MaskedValueRefused(type, state.id().value(),
          MaskedValueRefused.Problem.STILL_MASKED, TreeSet.ofAll(inState).toList(), "state"));
    }
    for (DomainEvent event : events) {
      Set<String> inEvent = masker.map(found -> found.maskedInEvent(event))
          .getOrElse(TreeSet.empty()).addAll(contactsIn(event));
      if (!inEvent.isEmpty()) {
        return Option.some(new MaskedValueRefused(type, state.id().value(),
            MaskedValueRefused.Problem.STILL_MASKED, TreeSet.ofAll(inEvent).toList(),
            "event " + event.getClass().getSimpleName()));
      }
    }
    return Option.none();
  }

  /**
   * Answers the refusal of a command that changed fields it saw masked, which putting the stored
   * values back undid, or empty: a masked field changed when the masked copies of the command's
   * state and of the state to save differ in it.
   */
  @SuppressWarnings("unchecked")
  <A extends Aggregate<?>> Option<MaskedValueRefused> changedMasked(String type, A changed,
      A restored, A stored, Set<String> masked) {
    FieldMasker<A> masker = (FieldMasker<A>) (FieldMasker<?>) maskers.get(type);
    if (masker == null || masked.isEmpty()) {
      return Option.none();
    }
    A shown = masker.mask(restored, masked);
    if (shown.equals(masker.mask(changed, masked))) {
      return Option.none();
    }
    Seq<String> fields = TreeSet.ofAll(masked).toList().filter(field -> !shown.equals(
        masker.mask(masker.restore(changed, stored, masked.remove(field)), masked)));
    return Option.some(new MaskedValueRefused(type, restored.id().value(),
        MaskedValueRefused.Problem.CHANGED,
        fields.isEmpty() ? TreeSet.ofAll(masked).toList() : fields, "state"));
  }

  private static final Map<ContactKind, String> FIELDS = HashMap.of(ContactKind.PHONE, "phone",
      ContactKind.EMAIL, "email", ContactKind.POSTAL, "postal_address", ContactKind.MESSAGING,
      "messaging");

  /** Names the contact fields of the masked contact values anywhere in a value. */
  static Set<String> contactsIn(Object root) {
    java.util.Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    Set<String> found = TreeSet.empty();
    int visits = 0;
    while (!todo.isEmpty() && visits++ < MAX_VISITS) {
      Object next = todo.pop();
      if (next == null || isLeaf(next) || !seen.add(next)) {
        continue;
      }
      if (next instanceof ContactValue) {
        ContactValue value = (ContactValue) next;
        if (value.isMasked()) {
          found = found.add(FIELDS.get(value.kind()).getOrElse(value.kind().name()));
        }
      } else if (next instanceof io.vavr.Tuple) {
        ((io.vavr.Tuple) next).toSeq().forEach(todo::push);
      } else if (next instanceof Iterable) {
        ((Iterable<?>) next).forEach(todo::push);
      } else if (next instanceof java.util.Map) {
        ((java.util.Map<?, ?>) next).forEach((key, value) -> {
          todo.push(key);
          todo.push(value);
        });
      } else if (next instanceof java.util.Optional) {
        ((java.util.Optional<?>) next).ifPresent(todo::push);
      } else {
        for (Method accessor : ACCESSORS.get(next.getClass())) {
          if (accessor != null) {
            todo.push(read(accessor, next));
          }
        }
      }
    }
    return found;
  }

  private static boolean isLeaf(Object value) {
    return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Enum || value instanceof java.time.temporal.TemporalAccessor
        || value instanceof java.time.temporal.TemporalAmount;
  }

  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      return null;
    }
  }
}
