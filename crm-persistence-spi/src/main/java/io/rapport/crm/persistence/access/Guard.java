package io.rapport.crm.persistence.access;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.Permission;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies one actor's policy decisions and field masks. The facts and maskers are plain maps
 * shared by every view of a {@link SecuredCrmStore}; the policy is pure, so the masked fields of
 * each type are worked out once per actor. Reads ask {@link AccessPolicy#allows}, which skips the
 * explanation; refusals ask {@link AccessPolicy#decide} for it.
 */
final class Guard {

  private final AccessPolicy policy;
  private final Map<String, AccessFacts<Object>> facts;
  private final Map<String, FieldMasker<Object>> maskers;
  private final Actor actor;
  private final ConcurrentHashMap<String, Set<String>> masked = new ConcurrentHashMap<>();

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
    AccessFacts<Object> of = facts.get(type);
    return of != null && policy.allows(actor, Permission.READ, of.of(aggregate));
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

  @SuppressWarnings("unchecked")
  <A> A mask(String type, A value) {
    Set<String> fields = maskedFields(type);
    if (fields.isEmpty()) {
      return value;
    }
    return (A) maskers.get(type).mask(value, fields);
  }

  @SuppressWarnings("unchecked")
  <A> A restore(String type, A changed, A stored) {
    Set<String> fields = maskedFields(type);
    if (fields.isEmpty()) {
      return changed;
    }
    return (A) maskers.get(type).restore(changed, stored, fields);
  }

  <A> Versioned<A> shown(String type, Versioned<A> stored) {
    A value = mask(type, stored.value());
    return value == stored.value() ? stored : new Versioned<>(value, stored.version());
  }
}
