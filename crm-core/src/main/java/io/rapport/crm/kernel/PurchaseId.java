package io.rapport.crm.kernel;

/**
 * Identifies a purchase: a sale recorded for a customer. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record PurchaseId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<PurchaseId> KIND = IdKind.of("purchaseId", PurchaseId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public PurchaseId {
    IdKind.check(value, "purchaseId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static PurchaseId parse(String value) {
    return new PurchaseId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
