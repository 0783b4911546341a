package io.rapport.crm.service;

/** Tells how far an SLA target has gone: past its warning threshold, or past its due time. */
public enum AlertLevel {
  /** The configured share of the target has elapsed. */
  WARNING,
  /** The due time has passed before the target was met. */
  BREACH
}
