package io.rapport.crm.work;

/** Ranks how urgent an activity is, from {@link #LOW} to {@link #URGENT}. */
public enum Priority {
  /** Whenever there is time. */
  LOW,
  /** The default. */
  NORMAL,
  /** Before normal work. */
  HIGH,
  /** Before everything else. */
  URGENT
}
