/**
 * Who may see and change what: actors, permissions, the facts of a record a policy decides on,
 * field masking, and a configurable deny-by-default policy (ownership, team sharing, managers,
 * role hierarchy, explicit shares, field rules). A store decorator in crm-persistence-spi applies
 * a policy to every port.
 */
package io.rapport.crm.access;
