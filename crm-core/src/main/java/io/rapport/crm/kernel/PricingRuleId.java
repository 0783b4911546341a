package io.rapport.crm.kernel;

/**
 * Identifies a pricing or discount rule. Immutable and thread-safe.
 *
 * @param value the id's value: 1 to 64 letters, digits or {@code - _ . :}
 */
public record PricingRuleId(String value) implements TypedId {

  /** The kind of these ids, for outside input, generators and storage. */
  public static final IdKind<PricingRuleId> KIND = IdKind.of("pricingRuleId", PricingRuleId::new);

  /**
   * Checks the value.
   *
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public PricingRuleId {
    IdKind.check(value, "pricingRuleId");
  }

  /**
   * Parses what {@link #toString()} prints.
   *
   * @param value the id's value
   * @return the id
   * @throws NullPointerException if value is null
   * @throws InvalidValueException if the value is not a valid id
   */
  public static PricingRuleId parse(String value) {
    return new PricingRuleId(value);
  }

  /** Returns the value. */
  @Override
  public String toString() {
    return value;
  }
}
