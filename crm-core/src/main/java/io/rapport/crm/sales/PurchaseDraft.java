package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.function.Function;

/**
 * Collects outside input for a purchase, as text, exactly as a till, an order form or an import
 * file gives it; {@link Purchase#record} validates all of it at once. A builder: mutable and not
 * thread-safe; use one per purchase.
 *
 * <pre>{@code
 * PurchaseDraft draft = PurchaseDraft.forCustomer("C-1001")
 *     .channel("store")
 *     .line("P-tea-table", "12.5", "jin", "1280.00", "CNY")          // priced per jin
 *     .line("P-stool", "Matching stool", "2", "pc", "3800.00", "CNY", "pc", "5%")
 *     .terms(PaymentTerms.PREPAID);
 * }</pre>
 *
 * <p>Without {@link #purchasedAt(Instant)}, the purchase happens at the stamp's time. A blank
 * description or discount counts as not given (no discount is 0 %).
 */
public final class PurchaseDraft {

  private String customer;
  private String opportunity;
  private String channel;
  private final java.util.List<Function<String, Validation<Seq<Violation>, LineItem>>> lines =
      new ArrayList<>();
  private Validation<Seq<Violation>, PaymentTerms> terms;
  private Instant purchasedAt;

  private PurchaseDraft(String customer) {
    this.customer = customer;
  }

  /**
   * Starts the draft of a purchase by a customer.
   *
   * @param customerId the customer's id, possibly null (then reported as a violation)
   * @return the draft
   */
  public static PurchaseDraft forCustomer(String customerId) {
    return new PurchaseDraft(customerId);
  }

  /** Sets the customer's id; returns this draft. */
  public PurchaseDraft customer(String customerId) {
    this.customer = customerId;
    return this;
  }

  /** Sets the id of the opportunity the purchase closes (null for none); returns this draft. */
  public PurchaseDraft opportunity(String opportunityId) {
    this.opportunity = opportunityId;
    return this;
  }

  /** Sets where it was sold, such as {@code store} or {@code call-center}; returns this draft. */
  public PurchaseDraft channel(String code) {
    this.channel = code;
    return this;
  }

  /**
   * Adds a line priced per the unit its quantity is given in, without description or discount,
   * such as ({@code P-tea-table}, {@code 12.5}, {@code jin}, {@code 1280.00}, {@code CNY}).
   */
  public PurchaseDraft line(String product, String quantity, String unit, String unitPrice,
      String currencyCode) {
    return line(product, null, quantity, unit, unitPrice, currencyCode, unit, null);
  }

  /**
   * Adds a line with every part as text: the product id, a description (null for none), the
   * quantity and its unit symbol, the unit price, its currency code and the unit it is per, and
   * the discount such as {@code 5%} (null for none).
   */
  public PurchaseDraft line(String product, String description, String quantity,
      String quantityUnit, String unitPrice, String currencyCode, String priceUnit,
      String discount) {
    lines.add(field -> readLine(field, product, description, quantity, quantityUnit, unitPrice,
        currencyCode, priceUnit, discount));
    return this;
  }

  /** Adds a line built in code; it is checked like the others. */
  public PurchaseDraft line(LineItem item) {
    requireNonNull(item, "item");
    lines.add(field -> {
      List<Violation> problems = Purchase.lineProblems(item).map(v -> v.under(field));
      return problems.isEmpty() ? Validation.valid(item) : Validation.invalid(problems);
    });
    return this;
  }

  /** Sets the payment terms; returns this draft. */
  public PurchaseDraft terms(PaymentTerms paymentTerms) {
    this.terms = Validation.valid(requireNonNull(paymentTerms, "paymentTerms"));
    return this;
  }

  /**
   * Sets the payment terms from text: the share paid before delivery, such as {@code "30%"}, and
   * the days after the purchase by which everything is due.
   */
  public PurchaseDraft terms(String prepayment, int dueDays) {
    this.terms = PaymentTerms.validated(prepayment, dueDays);
    return this;
  }

  /** Sets when it was bought, for a purchase recorded later (an import); returns this draft. */
  public PurchaseDraft purchasedAt(Instant at) {
    this.purchasedAt = at;
    return this;
  }

  /** Validates everything and builds the purchase; every problem is reported at once. */
  Validation<Seq<Violation>, Purchase> validate(PurchaseId id, EventStamp stamp) {
    List<Violation> problems = List.empty();
    Option<CustomerId> buyer = Option.none();
    String customerText = LeadChecks.blankless(customer);
    if (customerText == null) {
      problems = problems.append(Violation.of("purchase.customer.missing", "customer",
          "A purchase needs the customer who bought"));
    } else {
      Validation<Seq<Violation>, CustomerId> checked = CustomerId.KIND.validated(customerText);
      problems = problems.appendAll(LeadChecks.at(LeadChecks.errors(checked), "customer"));
      buyer = checked.toOption();
    }
    Option<OpportunityId> closes = Option.none();
    String opportunityText = LeadChecks.blankless(opportunity);
    if (opportunityText != null) {
      Validation<Seq<Violation>, OpportunityId> checked =
          OpportunityId.KIND.validated(opportunityText);
      problems = problems.appendAll(LeadChecks.at(LeadChecks.errors(checked), "opportunity"));
      closes = checked.toOption();
    }
    String channelText = channel == null ? null : channel.strip();
    problems = problems.appendAll(LeadChecks.code(channelText, "purchase.channel.malformed",
        "channel", "A sales channel"));
    if (lines.isEmpty()) {
      problems = problems.append(Violation.of("purchase.lines.empty", "lines",
          "A purchase has at least one line"));
    }
    List<LineItem> items = List.empty();
    Currency currency = null;
    for (int i = 0; i < lines.size(); i++) {
      String field = "lines[" + i + "]";
      Validation<Seq<Violation>, LineItem> line = lines.get(i).apply(field);
      problems = problems.appendAll(LeadChecks.errors(line));
      if (line.isValid()) {
        Currency lineCurrency = line.get().unitPrice().currency();
        if (currency == null) {
          currency = lineCurrency;
        } else if (!currency.equals(lineCurrency)) {
          problems = problems.append(Violation.of("purchase.lines.currency_mismatch",
              field + ".unitPrice.currency", "Every line of a purchase is in one currency, "
                  + currency + ", not " + lineCurrency));
        }
        items = items.append(line.get());
      }
    }
    if (terms == null) {
      problems = problems.append(Violation.of("purchase.terms.missing", "terms",
          "A purchase needs payment terms, such as PaymentTerms.PREPAID"));
    } else {
      problems = problems.appendAll(LeadChecks.errors(terms).map(v -> v.under("terms")));
    }
    Instant at = purchasedAt == null ? stamp.at() : purchasedAt;
    if (at.isAfter(stamp.at())) {
      problems = problems.append(Violation.of("purchase.purchased_at.in_future", "purchasedAt",
          "A purchase is recorded when or after it happens, but " + at + " is after "
              + stamp.at()));
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    try {
      Money total = Money.sum(currency, items.map(LineItem::total));
      return Validation.valid(new Purchase(id, buyer.get(), closes, channelText, items, total,
          terms.get(), at, stamp.by(), List.empty(), List.empty(), Option.none(), stamp.at()));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
  }

  private static Validation<Seq<Violation>, LineItem> readLine(String field, String product,
      String description, String quantity, String quantityUnit, String unitPrice,
      String currencyCode, String priceUnit, String discount) {
    List<Violation> problems = List.empty();
    Validation<Seq<Violation>, ProductId> productId = product == null
        ? Violation.invalid("purchase.line.product.missing", "product", "A line needs a product")
        : ProductId.KIND.validated(product.strip());
    problems = problems.appendAll(LeadChecks.at(LeadChecks.errors(productId), field + ".product"));
    Validation<Seq<Violation>, Quantity> amount = Quantity.validated(
        quantity == null ? null : quantity.strip(), quantityUnit);
    problems = problems.appendAll(LeadChecks.errors(amount).map(v -> v.under(field + ".quantity")));
    Validation<Seq<Violation>, UnitPrice> price = UnitPrice.validated(
        unitPrice == null ? null : unitPrice.strip(), currencyCode, priceUnit);
    problems = problems.appendAll(
        LeadChecks.errors(price).map(v -> v.under(field + ".unitPrice")));
    String discountText = LeadChecks.blankless(discount);
    Validation<Seq<Violation>, Percentage> off = discountText == null
        ? Validation.valid(Percentage.ZERO)
        : Percentage.validated(discountText, field + ".discount");
    problems = problems.appendAll(LeadChecks.errors(off));
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    LineItem item;
    try {
      item = new LineItem(productId.get(), Option.of(LeadChecks.blankless(description)),
          amount.get(), price.get(), off.get());
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations().map(v -> v.under(field)));
    }
    List<Violation> broken = Purchase.lineProblems(item).map(v -> v.under(field));
    return broken.isEmpty() ? Validation.valid(item) : Validation.invalid(broken);
  }
}
