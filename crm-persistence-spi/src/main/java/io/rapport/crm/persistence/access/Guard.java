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
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.concurrent.ConcurrentHashMap;

/** Applies one actor's policy decisions and field masks; the policy is pure, so masks are cached. */
final class Guard {

  private final AccessPolicy policy;
  private final Map<String, AccessFacts<?>> facts;
  private final Map<String, FieldMasker<?>> maskers;
  private final Actor actor;
  private final ConcurrentHashMap<String, Set<String>> masked = new ConcurrentHashMap<>();

  Guard(AccessPolicy policy, Map<String, AccessFacts<?>> facts, Map<String, FieldMasker<?>> maskers,
      Actor actor) {
    this.policy = policy;
    this.facts = facts;
    this.maskers = maskers;
    this.actor = actor;
  }

  Actor actor() {
    return actor;
  }

  @SuppressWarnings("unchecked")
  Option<RecordFacts> factsOf(String type, Object aggregate) {
    return facts.get(type).map(of -> ((AccessFacts<Object>) of).of(aggregate));
  }

  AccessDecision decide(Permission permission, String type, Object aggregate) {
    Option<RecordFacts> record = factsOf(type, aggregate);
    if (record.isEmpty()) {
      return AccessDecision.deny("No access facts are registered for " + type + " records");
    }
    AccessDecision decision = policy.decide(actor, permission, record.get());
    if (decision == null) {
      return AccessDecision.deny("The access policy gave no decision");
    }
    return decision;
  }

  boolean readable(String type, Object aggregate) {
    return decide(Permission.READ, type, aggregate).allowed();
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
    return masked.computeIfAbsent(type, name -> maskers.get(name)
        .map(masker -> masker.fields().filter(
            field -> policy.field(actor, name, field) == FieldAccess.MASKED))
        .getOrElse(HashSet.empty()));
  }

  @SuppressWarnings("unchecked")
  <A> A mask(String type, A value) {
    Set<String> fields = maskedFields(type);
    if (fields.isEmpty()) {
      return value;
    }
    return ((FieldMasker<A>) maskers.get(type).get()).mask(value, fields);
  }

  @SuppressWarnings("unchecked")
  <A> A restore(String type, A changed, A stored) {
    Set<String> fields = maskedFields(type);
    if (fields.isEmpty()) {
      return changed;
    }
    return ((FieldMasker<A>) maskers.get(type).get()).restore(changed, stored, fields);
  }

  <A> Versioned<A> shown(String type, Versioned<A> stored) {
    A value = mask(type, stored.value());
    return value == stored.value() ? stored : new Versioned<>(value, stored.version());
  }
}
