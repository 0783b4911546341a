package io.rapport.crm.kernel;

/**
 * Reports a command that the domain refused, such as redeeming more points than a balance holds.
 *
 * <p>Commands on aggregates answer {@code Either<Rejection, Result>}: a rejection is an expected
 * outcome, not an exception, and the aggregate's state is unchanged by it. Each bounded context
 * defines its own rejection types with a reason enum and the data a caller needs to act (for
 * example the available balance); their {@link #code()} is derived from that reason.
 */
public interface Rejection extends Problem {}
