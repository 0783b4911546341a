package io.rapport.crm.work;

/** Names what kind of work an activity is. */
public enum ActivityType {
  /** Something to do, with or without a due time. */
  TASK,
  /** A phone call to make at a time. */
  CALL,
  /** A meeting at a time. */
  MEETING,
  /** A promised return to a customer, an opportunity or a ticket, by a time. */
  FOLLOW_UP;

  /** Tells whether an activity of this type needs a due time: every type but {@link #TASK}. */
  public boolean requiresDue() {
    return this != TASK;
  }
}
