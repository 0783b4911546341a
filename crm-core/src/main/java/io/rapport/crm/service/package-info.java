/**
 * The service process: tickets with their conversation and a checked state machine, SLA policies
 * whose clocks run on the team's business calendar and pause while a ticket waits, escalation,
 * customer satisfaction and the follow-up of complaints.
 *
 * <p>See docs/guides/service.md.
 */
package io.rapport.crm.service;
