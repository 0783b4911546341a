package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.RoundingMode;

/**
 * Records one product on an opportunity or a purchase: how much of it (pieces, or a weight such as
 * 12.5 jin), at what unit price, and with what discount. Immutable and thread-safe.
 *
 * <p>Its {@link #total() total} is the unit price times the quantity (converted exactly to the
 * price's unit), rounded half-even to the currency's minor unit, less the discount, rounded
 * half-even again.
 *
 * @param product the product
 * @param description a description shown on documents, not blank, at most
 *     {@value #MAX_DESCRIPTION} characters, or empty
 * @param quantity how much, not zero, in any unit the price's unit converts to
 * @param unitPrice the price per unit
 * @param discount the discount off the line's gross amount, 0 to 100 %
 */
public record LineItem(ProductId product, Option<String> description, Quantity quantity,
    UnitPrice unitPrice, Percentage discount) {

  /** The longest description, in characters. */
  public static final int MAX_DESCRIPTION = 500;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code line_item.description.blank},
   *     {@code line_item.description.too_long}, {@code line_item.discount.out_of_range},
   *     {@code line_item.quantity.zero}
   */
  public LineItem {
    requireNonNull(product, "product");
    requireNonNull(description, "description");
    requireNonNull(quantity, "quantity");
    requireNonNull(unitPrice, "unitPrice");
    requireNonNull(discount, "discount");
    description.forEach(value -> requireNonNull(value, "description"));
    PipelineChecks.orThrow(problems(description, quantity, discount));
  }

  /**
   * Returns a line without description or discount.
   *
   * @param product the product
   * @param quantity how much
   * @param unitPrice the price per unit
   * @return the line
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the quantity is zero
   */
  public static LineItem of(ProductId product, Quantity quantity, UnitPrice unitPrice) {
    return new LineItem(product, Option.none(), quantity, unitPrice, Percentage.ZERO);
  }

  /**
   * Returns this line with another discount.
   *
   * @param newDiscount the discount, 0 to 100 %
   * @return the line
   * @throws NullPointerException if newDiscount is null
   * @throws InvalidValueException if the discount is out of range
   */
  public LineItem withDiscount(Percentage newDiscount) {
    return new LineItem(product, description, quantity, unitPrice, newDiscount);
  }

  /**
   * Returns this line with a description.
   *
   * @param text the description
   * @return the line
   * @throws NullPointerException if text is null
   * @throws InvalidValueException if the description is blank or too long
   */
  public LineItem withDescription(String text) {
    return new LineItem(product, Option.of(requireNonNull(text, "text")), quantity, unitPrice,
        discount);
  }

  /** Tells whether the quantity's unit converts to the price's unit, so the line can be priced. */
  public boolean isPriceable() {
    return unitPrice.unit().isConvertibleTo(quantity.unit());
  }

  private static List<Violation> problems(Option<String> description, Quantity quantity,
      Percentage discount) {
    List<Violation> problems = List.empty();
    if (description.isDefined()) {
      problems = PipelineChecks.requiredText(description.get(), MAX_DESCRIPTION,
          "line_item.description", "description", "A line's description");
    }
    if (!PipelineChecks.isProbability(discount)) {
      problems = problems.append(Violation.of("line_item.discount.out_of_range", "discount",
          "A discount lies between 0 and 100 %, but got " + discount));
    }
    if (quantity.isZero()) {
      problems = problems.append(Violation.of("line_item.quantity.zero", "quantity",
          "A line's quantity is not zero"));
    }
    return problems;
  }

  /**
   * Returns the gross amount: unit price times quantity, before the discount.
   *
   * @return the gross amount in the price's currency
   * @throws io.rapport.crm.kernel.UnitMismatchException if the line is not
   *     {@link #isPriceable() priceable}
   */
  public Money gross() {
    return unitPrice.priceOf(quantity, RoundingMode.HALF_EVEN);
  }

  /**
   * Returns the net amount: the gross amount less the discount.
   *
   * @return the net amount in the price's currency
   * @throws io.rapport.crm.kernel.UnitMismatchException if the line is not
   *     {@link #isPriceable() priceable}
   */
  public Money total() {
    Money gross = gross();
    return gross.minus(discount.of(gross, RoundingMode.HALF_EVEN));
  }
}
