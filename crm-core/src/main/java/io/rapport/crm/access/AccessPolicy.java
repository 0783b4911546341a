package io.rapport.crm.access;

/**
 * Decides who may read, change and erase which records, and which fields a reader sees masked.
 * Implementations are pure and thread-safe; the host supplies one (Rapport ships a configurable one, {@code ConfigurablePolicy}). Everything not allowed is denied.
 */
public interface AccessPolicy {

  /**
   * Decides whether an actor may act on a record.
   *
   * @param actor who acts
   * @param permission what they want to do
   * @param record the record's facts
   * @return the decision with its reason
   */
  AccessDecision decide(Actor actor, Permission permission, RecordFacts record);

  /**
   * Tells whether an actor may act on a record, without the reason: what a store decorator asks
   * for every record it reads. It must answer exactly {@code decide(actor, permission,
   * record).allowed()}; a policy may override it to skip building the explanation.
   *
   * @param actor who acts
   * @param permission what they want to do
   * @param record the record's facts
   * @return true if {@link #decide} would allow it
   */
  default boolean allows(Actor actor, Permission permission, RecordFacts record) {
    AccessDecision decision = decide(actor, permission, record);
    return decision != null && decision.allowed();
  }

  /**
   * Returns a test of whether one actor may act with one permission on records of one type,
   * prepared once and asked for every record a store decorator reads. It must answer exactly
   * {@link #allows} for every record; a policy may override it to work out once what does not
   * depend on the record. The default asks {@link #allows} each time.
   *
   * @param actor who acts
   * @param permission what they want to do
   * @param type the aggregate type's name the records will have
   * @return the test
   */
  default java.util.function.Predicate<RecordFacts> prepare(Actor actor, Permission permission,
      String type) {
    return record -> allows(actor, permission, record);
  }

  /**
   * Says how an actor allowed to read a record of a type sees one of its maskable fields.
   *
   * @param actor who reads
   * @param type the aggregate type's name
   * @param field the field's name, as its {@link FieldMasker} names it
   * @return visible or masked
   */
  FieldAccess field(Actor actor, String type, String field);
}
