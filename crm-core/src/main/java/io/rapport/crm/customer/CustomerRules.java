package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Gathers a host's rules for customers: the custom attribute schema, the lifecycle moves it allows,
 * and the region whose national phone format applies when a number has no country code.
 * Immutable and thread-safe.
 *
 * @param schema the custom attributes
 * @param lifecyclePolicy the allowed lifecycle moves
 * @param defaultRegion an ISO 3166-1 alpha-2 region such as {@code CN}
 */
public record CustomerRules(AttributeSchema schema, LifecyclePolicy lifecyclePolicy,
    String defaultRegion) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the region is not one libphonenumber knows
   */
  public CustomerRules {
    requireNonNull(schema, "schema");
    requireNonNull(lifecyclePolicy, "lifecyclePolicy");
    requireNonNull(defaultRegion, "defaultRegion");
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException("Unknown phone region: " + Checks.quote(defaultRegion));
    }
  }

  /**
   * Returns the standard rules for a default phone region: no custom attributes and the standard
   * lifecycle.
   *
   * @param defaultRegion such as {@code CN}
   * @return the rules
   */
  public static CustomerRules standard(String defaultRegion) {
    return new CustomerRules(AttributeSchema.EMPTY, LifecyclePolicy.standard(), defaultRegion);
  }

  /** Returns these rules with another attribute schema. */
  public CustomerRules withSchema(AttributeSchema newSchema) {
    return new CustomerRules(newSchema, lifecyclePolicy, defaultRegion);
  }

  /** Returns these rules with another lifecycle policy. */
  public CustomerRules withLifecyclePolicy(LifecyclePolicy policy) {
    return new CustomerRules(schema, policy, defaultRegion);
  }
}
