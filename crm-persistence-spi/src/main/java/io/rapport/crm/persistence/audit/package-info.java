/**
 * The audit trail: every change to an aggregate recorded with its actor, time, command and the
 * before and after values of the changed fields, in an append-only log stored through the
 * {@link io.rapport.crm.persistence.CrmStore} itself, so that each entry commits with its change.
 * {@link io.rapport.crm.persistence.audit.AuditedCrmStore} records the entries;
 * {@link io.rapport.crm.persistence.audit.AuditLog} reads a record's history, restores an earlier
 * field value as a new change and scrubs personal values for erasure.
 */
package io.rapport.crm.persistence.audit;
