package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

/**
 * Names why a customer may be contacted: {@link #MARKETING}, {@link #SERVICE}, {@link #SURVEYS},
 * or a purpose of the host's own such as {@code loyalty.birthday}. Immutable and thread-safe.
 *
 * @param code lower-case letters, digits, dots and underscores, 1 to 64 characters
 */
public record ConsentPurpose(String code) {

  /** Promotions, offers and newsletters. */
  public static final ConsentPurpose MARKETING = new ConsentPurpose("marketing");
  /** Messages about the customer's own orders, tickets and account. */
  public static final ConsentPurpose SERVICE = new ConsentPurpose("service");
  /** Satisfaction and NPS surveys. */
  public static final ConsentPurpose SURVEYS = new ConsentPurpose("surveys");

  /**
   * Checks the code.
   *
   * @throws NullPointerException if code is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is malformed
   *     ({@code consent.purpose.malformed})
   */
  public ConsentPurpose {
    requireNonNull(code, "code");
    if (!code.matches("[a-z][a-z0-9._]{0,63}")) {
      Checks.orThrow(Checks.invalid("consent.purpose.malformed", "purpose",
          "Expected a purpose code such as 'marketing', but got " + Checks.quote(code)));
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
