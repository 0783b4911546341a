/**
 * Enforces an {@link io.rapport.crm.access.AccessPolicy} on any
 * {@link io.rapport.crm.persistence.CrmStore}: {@link
 * io.rapport.crm.persistence.access.SecuredCrmStore#as(io.rapport.crm.access.Actor)} gives one
 * actor's view of a store, in which reads see only the records the policy lets the actor read
 * (with their masked fields visibly masked), pages stay full, and writes the policy denies are
 * refused with {@code access.denied}.
 */
package io.rapport.crm.persistence.access;
