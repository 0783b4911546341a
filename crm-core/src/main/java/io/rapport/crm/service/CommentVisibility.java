package io.rapport.crm.service;

/** Tells who may read a ticket comment: the customer too (a public reply) or only the staff. */
public enum CommentVisibility {
  /** Seen by the customer: a reply, or the customer's own message. */
  PUBLIC,
  /** Seen only by the staff: an internal note. */
  INTERNAL
}
