package io.rapport.crm.persistence.access;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.Permission;
import io.rapport.crm.access.RecordFacts;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Applies one actor's policy decisions and field masks. The facts and maskers are plain maps
 * shared by every view of a {@link SecuredCrmStore}; the policy is pure, so the masked fields of
 * each type are worked out once per actor, and so is the read test of each type
 * ({@link AccessPolicy#prepare}); refusals ask {@link AccessPolicy#decide} for the explanation.
 */
final class Guard {

  private final AccessPolicy policy;
  private final Map<String, AccessFacts<Object>> facts;
  private final Map<String, FieldMasker<Object>> maskers;
  private final Actor actor;
  private final ConcurrentHashMap<String, Set<String>> masked = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

  Guard(AccessPolicy policy, Map<String, AccessFacts<Object>> facts,
      Map<String, FieldMasker<Object>> maskers, Actor actor) {
    this.policy = policy;
    this.facts = facts;
    this.maskers = maskers;
    this.actor = actor;
  }

  Actor actor() {
    return actor;
  }

  AccessDecision decide(Permission permission, String type, Object aggregate) {
    AccessFacts<Object> of = facts.get(type);
    if (of == null) {
      return AccessDecision.deny("No access facts are registered for " + type + " records");
    }
    AccessDecision decision = policy.decide(actor, permission, of.of(aggregate));
    if (decision == null) {
      return AccessDecision.deny("The access policy gave no decision");
    }
    return decision;
  }

  boolean readable(String type, Object aggregate) {
    return gate(type).readable(aggregate);
  }

  /** Returns what the guard applies to the records of one type, worked out once. */
  Gate gate(String type) {
    Gate known = gates.get(type);
    if (known != null) {
      return known;
    }
    AccessFacts<Object> of = facts.get(type);
    Predicate<RecordFacts> reader = null;
    if (of != null) {
      Predicate<RecordFacts> prepared = policy.prepare(actor, Permission.READ, type);
      reader = prepared != null ? prepared
          : record -> policy.allows(actor, Permission.READ, record);
    }
    Gate made = new Gate(of, reader, maskers.get(type), maskedFields(type));
    Gate raced = gates.putIfAbsent(type, made);
    return raced == null ? made : raced;
  }

  /** Throws if the permission is denied on the aggregate. */
  void require(Permission permission, String type, Aggregate<?> aggregate) {
    AccessDecision decision = decide(permission, type, aggregate);
    if (!decision.allowed()) {
      throw new AccessDeniedException(denial(permission, type, aggregate, decision));
    }
  }

  AccessDenied denial(Permission permission, String type, Aggregate<?> aggregate,
      AccessDecision decision) {
    return new AccessDenied(type, aggregate.id().value(), permission, decision.reason());
  }

  Set<String> maskedFields(String type) {
    Set<String> known = masked.get(type);
    if (known != null) {
      return known;
    }
    FieldMasker<Object> masker = maskers.get(type);
    Set<String> fields = masker == null ? HashSet.empty() : masker.fields().filter(
        field -> policy.field(actor, type, field) == FieldAccess.MASKED);
    Set<String> raced = masked.putIfAbsent(type, fields);
    return raced == null ? fields : raced;
  }

  <A> A mask(String type, A value) {
    return gate(type).mask(value);
  }

  <A> A restore(String type, A changed, A stored) {
    return gate(type).restore(changed, stored);
  }

  <A> Versioned<A> shown(String type, Versioned<A> stored) {
    return gate(type).shown(stored);
  }

  /**
   * The read test, facts and masks of one aggregate type for the guard's actor, so a read of a
   * record looks nothing up.
   */
  static final class Gate {

    private final AccessFacts<Object> facts;
    private final Predicate<RecordFacts> reader;
    private final FieldMasker<Object> masker;
    private final Set<String> masked;
    private final boolean masks;

    Gate(AccessFacts<Object> facts, Predicate<RecordFacts> reader, FieldMasker<Object> masker,
        Set<String> masked) {
      this.facts = facts;
      this.reader = reader;
      this.masker = masker;
      this.masked = masked;
      this.masks = !masked.isEmpty();
    }

    boolean readable(Object aggregate) {
      return facts != null && reader.test(facts.of(aggregate));
    }

    @SuppressWarnings("unchecked")
    <A> A mask(A value) {
      return masks ? (A) masker.mask(value, masked) : value;
    }

    @SuppressWarnings("unchecked")
    <A> A restore(A changed, A stored) {
      return masks ? (A) masker.restore(changed, stored, masked) : changed;
    }

    <A> Versioned<A> shown(Versioned<A> stored) {
      A value = mask(stored.value());
      return value == stored.value() ? stored : new Versioned<>(value, stored.version());
    }
  }
}
