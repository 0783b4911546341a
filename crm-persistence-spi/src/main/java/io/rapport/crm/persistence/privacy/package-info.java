/**
 * Privacy services over the storage ports: the export of every personal datum held about a
 * customer ({@link io.rapport.crm.persistence.privacy.PrivacyExport}), the consent gate before any
 * outbound contact ({@link io.rapport.crm.persistence.privacy.OutboundContact}), and the erasure of
 * a customer from every kind of record Rapport stores
 * ({@link io.rapport.crm.persistence.privacy.ErasureParticipants}).
 */
package io.rapport.crm.persistence.privacy;
