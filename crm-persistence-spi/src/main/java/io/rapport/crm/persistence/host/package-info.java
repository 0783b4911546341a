/**
 * The wiring a host needs once: the customer timeline and merges across every kind of stored
 * record ({@link io.rapport.crm.persistence.host.CrmServices}).
 */
package io.rapport.crm.persistence.host;
