package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PriceBookId;

/**
 * Explains why a price entry was not the one selected: filtered out (another currency, not valid
 * then, another channel or customer group, another target) or less specific than the winner.
 * Immutable and thread-safe.
 *
 * @param book the entry's book
 * @param entry the entry's code
 * @param code why, as a stable code such as {@code pricing.price.currency},
 *     {@code pricing.price.not_valid}, {@code pricing.price.channel},
 *     {@code pricing.price.customer_group}, {@code pricing.price.unit},
 *     {@code pricing.price.less_specific}
 * @param reason a readable explanation
 */
public record ConsideredPrice(PriceBookId book, String entry, String code, String reason) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ConsideredPrice {
    requireNonNull(book, "book");
    requireNonNull(entry, "entry");
    requireNonNull(code, "code");
    requireNonNull(reason, "reason");
  }
}
