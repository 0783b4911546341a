/**
 * Storage ports: {@link io.rapport.crm.persistence.Repository} per aggregate type with optimistic
 * {@link io.rapport.crm.persistence.Version}s, {@link io.rapport.crm.persistence.CrmStore} with
 * all-or-nothing transactions and an outbox, and provider discovery through
 * {@link io.rapport.crm.persistence.CrmStores}. See docs/adapters.md.
 */
package io.rapport.crm.persistence;
