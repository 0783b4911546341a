/**
 * The shared kernel: values every bounded context speaks in.
 *
 * <ul>
 *   <li>{@link io.rapport.crm.kernel.Money}, {@link io.rapport.crm.kernel.Quantity} with
 *       {@link io.rapport.crm.kernel.QuantityUnit} (pieces and weights, including 市斤 jin and 两
 *       liang), {@link io.rapport.crm.kernel.UnitPrice} and
 *       {@link io.rapport.crm.kernel.Percentage}: exact decimal values, never double;</li>
 *   <li>typed ids ({@link io.rapport.crm.kernel.CustomerId}, …) and the
 *       {@link io.rapport.crm.kernel.IdGenerator} port;</li>
 *   <li>{@link io.rapport.crm.kernel.BusinessCalendar}: working time on a time zone's working
 *       hours, holidays and special days;</li>
 *   <li>problems: {@link io.rapport.crm.kernel.Violation} for invalid outside input,
 *       {@link io.rapport.crm.kernel.Rejection} for refused commands, and the exceptions thrown
 *       for programming errors;</li>
 *   <li>{@link io.rapport.crm.kernel.DomainEvent}, the base of every event.</li>
 * </ul>
 *
 * <p>Conventions: factories named {@code of} and {@code parse} take trusted input and throw
 * {@link io.rapport.crm.kernel.InvalidValueException} with every violation; the {@code validated}
 * factories take outside input and return {@code Validation<Seq<Violation>, T>}. A null argument
 * throws a {@code NullPointerException} naming the parameter.
 */
package io.rapport.crm.kernel;
