package io.rapport.crm.kernel;

/**
 * Identifies one aggregate or record of one kind. Each kind has its own id type
 * ({@link CustomerId}, {@link TicketId}, …) so that a ticket id can never be passed where a customer
 * id is expected.
 *
 * <p>An id value is opaque text of 1 to {@value IdKind#MAX_LENGTH} characters drawn from letters,
 * digits and {@code - _ . :} — wide enough for UUIDs, ULIDs, and a host's own keys such as
 * {@code C-1001}. {@code toString()} prints the value and the kind's {@code parse} accepts exactly
 * that. New ids come from an injected {@link IdGenerator}.
 */
public interface TypedId {

  /** Returns the id's value, exactly as {@code toString()} prints it. */
  String value();
}
