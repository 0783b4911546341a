package io.rapport.crm.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.MaskedContact;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.sales.Lead;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

/**
 * Holds the {@link FieldMasker}s of the aggregate types with sensitive fields, by type name.
 * Pure and thread-safe.
 *
 * <p>{@link #CUSTOMER} masks the fields {@code phone}, {@code email}, {@code postal_address},
 * {@code messaging} (each: every contact point of that kind, its value replaced by a
 * {@link MaskedContact} such as {@code +86 138 **** 8000}, label, primary and verified flags kept)
 * and {@code tax_id} (shown as {@code ***} and its last three characters). Masked contact values
 * are recognisable by {@link io.rapport.crm.customer.ContactValue#isMasked()}. {@link #LEAD}
 * masks a lead's contact points in the same way.
 *
 * <p>{@link #PRICE_BOOK} masks the margins: the fields {@code cost} and {@code floor} of every
 * entry are <em>removed</em> (empty), because an amount cannot be shown masked without looking
 * like a real amount. An empty cost is therefore ambiguous on its own: the store decorator reports
 * the list of masked fields with the record, and readers must consult it before reading an empty
 * cost or floor as "none".
 *
 * <p>{@code restore} gives a reader no way to change a field they saw masked: it puts back the
 * stored values of every masked field (for contact points, every point of the masked kinds; for a
 * price book, the cost and floor of each entry with a stored entry of the same code, and none for
 * a new entry).
 *
 * <p>What {@code restore} cannot put back is refused by the store decorator:
 * {@link FieldMasker#maskedIn} of customers and leads names the kind of every contact point still
 * holding a masked value (one the reader added, or a stand-in with no stored point left for it),
 * and for customers {@code tax_id} when the tax id is in its masked form ({@code ***} and three
 * characters). The customer and lead events of Rapport carry no contact value (only kinds and
 * counts), so their {@code restoreEvent} keeps the default; a host whose own events carry contact
 * values restores them with {@link #unmasked}. A price book's masked cost or floor is removed, not
 * replaced, so there is no masked amount to find or to restore.
 */
public final class FieldMaskers {

  /** The masker of customers. */
  public static final FieldMasker<Customer> CUSTOMER = new CustomerMasker();

  /**
   * The masker of leads: the fields {@code phone}, {@code email}, {@code postal_address} and
   * {@code messaging}, as for customers.
   */
  public static final FieldMasker<Lead> LEAD = new LeadMasker();

  /** The masker of price books. */
  public static final FieldMasker<PriceBook> PRICE_BOOK = new PriceBookMasker();

  private static final TreeMap<String, FieldMasker<?>> MASKERS = TreeMap.<String, FieldMasker<?>>empty()
      .put(StandardAccessFacts.CUSTOMER, CUSTOMER)
      .put("lead", LEAD)
      .put(StandardAccessFacts.PRICE_BOOK, PRICE_BOOK);

  private FieldMaskers() {}

  /**
   * Returns the masker of an aggregate type, if it has maskable fields.
   *
   * @param typeName the aggregate type's name, such as {@code customer}
   * @return the masker, or empty when the type has nothing to mask
   * @throws NullPointerException if typeName is null
   */
  public static Option<FieldMasker<?>> forType(String typeName) {
    requireNonNull(typeName, "typeName");
    return MASKERS.get(typeName);
  }

  /** Returns the type names that have a masker. */
  public static Set<String> types() {
    return MASKERS.keySet();
  }

  private static final Map<String, ContactKind> KINDS = HashMap.of(
      "phone", ContactKind.PHONE,
      "email", ContactKind.EMAIL,
      "postal_address", ContactKind.POSTAL,
      "messaging", ContactKind.MESSAGING);

  /**
   * Returns the stored contact value a masked stand-in was made from, so that a host's
   * {@link FieldMasker#restoreEvent} can put it back into an event: the value of the only stored
   * point whose masked stand-in equals it. A value that is not masked is returned as it is.
   *
   * @param value a contact value a command took from the masked copy
   * @param stored the contact points as stored
   * @return the stored value; empty when no stored point, or more than one (two numbers that
   *     share the shown digits), masks to that stand-in
   * @throws NullPointerException if an argument is null
   */
  public static Option<ContactValue> unmasked(ContactValue value, Seq<ContactPoint> stored) {
    requireNonNull(value, "value");
    requireNonNull(stored, "stored");
    if (!value.isMasked()) {
      return Option.some(value);
    }
    Seq<ContactValue> candidates = stored.map(ContactPoint::value)
        .filter(real -> !real.isMasked() && MaskedContact.of(real).equals(value)).distinct();
    return candidates.size() == 1 ? Option.some(candidates.head()) : Option.none();
  }

  /** Names the fields of the contact points that hold a masked value. */
  static Set<String> maskedPoints(Seq<ContactPoint> points) {
    return points.filter(point -> point.value().isMasked())
        .flatMap(point -> KINDS.find(entry -> entry._2 == point.kind()).map(entry -> entry._1))
        .toSet();
  }

  private static Set<ContactKind> kinds(Set<String> masked) {
    return masked.flatMap(KINDS::get);
  }

  /** Replaces the values of the points of the masked kinds by their masked stand-ins. */
  static Seq<ContactPoint> maskPoints(Seq<ContactPoint> points, Set<String> masked) {
    Set<ContactKind> kinds = kinds(masked);
    return points.map(point -> kinds.contains(point.kind())
        ? new ContactPoint(MaskedContact.of(point.value()), point.label(), point.primary(),
            point.verified(), point.validFrom(), point.validUntil())
        : point);
  }

  /**
   * Keeps the changed points of unmasked kinds and puts the stored points of masked kinds back,
   * each in the place of a masked stand-in, the rest at the end.
   */
  static Seq<ContactPoint> restorePoints(Seq<ContactPoint> changed, Seq<ContactPoint> stored,
      Set<String> masked) {
    Set<ContactKind> kinds = kinds(masked);
    java.util.Map<ContactKind, java.util.Iterator<ContactPoint>> storedByKind =
        new java.util.EnumMap<>(ContactKind.class);
    for (ContactKind kind : kinds) {
      storedByKind.put(kind, stored.filter(p -> p.kind() == kind).iterator());
    }
    List<ContactPoint> points = List.empty();
    for (ContactPoint point : changed) {
      if (!kinds.contains(point.kind())) {
        points = points.append(point);
      } else if (point.value().isMasked() && storedByKind.get(point.kind()).hasNext()) {
        points = points.append(storedByKind.get(point.kind()).next());
      }
    }
    for (ContactKind kind : kinds) {
      java.util.Iterator<ContactPoint> rest = storedByKind.get(kind);
      while (rest.hasNext()) {
        points = points.append(rest.next());
      }
    }
    return points;
  }

  /** Masks a lead's contact points. */
  static final class LeadMasker implements FieldMasker<Lead> {

    @Override
    public Set<String> fields() {
      return KINDS.keySet();
    }

    @Override
    public Lead mask(Lead value, Set<String> masked) {
      requireNonNull(value, "value");
      requireNonNull(masked, "masked");
      return with(value, maskPoints(value.contactPoints(), masked));
    }

    @Override
    public Lead restore(Lead changed, Lead stored, Set<String> masked) {
      requireNonNull(changed, "changed");
      requireNonNull(stored, "stored");
      requireNonNull(masked, "masked");
      return with(changed, restorePoints(changed.contactPoints(), stored.contactPoints(), masked));
    }

    @Override
    public Set<String> maskedIn(Lead value) {
      requireNonNull(value, "value");
      return maskedPoints(value.contactPoints());
    }

    private static Lead with(Lead l, Seq<ContactPoint> points) {
      return new Lead(l.id(), l.status(), l.name(), l.organizationName(), points, l.source(),
          l.qualification(), l.interests(), l.estimatedValue(), l.attributes(), l.score(),
          l.owner(), l.team(), l.disqualification(), l.conversion(), l.createdAt(), l.createdBy(),
          l.updatedAt());
    }
  }

  /** Masks a customer's contact points and tax id. */
  static final class CustomerMasker implements FieldMasker<Customer> {

    static final String TAX_ID = "tax_id";

    @Override
    public Set<String> fields() {
      return KINDS.keySet().add(TAX_ID);
    }

    @Override
    public Customer mask(Customer value, Set<String> masked) {
      requireNonNull(value, "value");
      requireNonNull(masked, "masked");
      Seq<ContactPoint> points = maskPoints(value.contactPoints(), masked);
      Option<String> taxId = masked.contains(TAX_ID) ? value.taxId().map(CustomerMasker::maskTax)
          : value.taxId();
      return with(value, points, taxId);
    }

    @Override
    public Customer restore(Customer changed, Customer stored, Set<String> masked) {
      requireNonNull(changed, "changed");
      requireNonNull(stored, "stored");
      requireNonNull(masked, "masked");
      Seq<ContactPoint> points = restorePoints(changed.contactPoints(), stored.contactPoints(),
          masked);
      Option<String> taxId = masked.contains(TAX_ID) ? stored.taxId() : changed.taxId();
      return with(changed, points, taxId);
    }

    @Override
    public Set<String> maskedIn(Customer value) {
      requireNonNull(value, "value");
      Set<String> fields = maskedPoints(value.contactPoints());
      return value.taxId().exists(CustomerMasker::isMaskedTax) ? fields.add(TAX_ID) : fields;
    }

    static boolean isMaskedTax(String taxId) {
      return taxId.startsWith("***") && taxId.length() <= 6;
    }

    static String maskTax(String taxId) {
      if (taxId.startsWith("***")) {
        return taxId;
      }
      return "***" + taxId.substring(Math.max(0, taxId.length() - 3));
    }

    private static Customer with(Customer c, Seq<ContactPoint> points, Option<String> taxId) {
      return new Customer(c.id(), c.kind(), c.name(), c.parent(), c.organizationName(), taxId,
          points, c.lifecycle(), c.owner(), c.team(), c.tags(), c.attributes(), c.source(),
          c.consent(), c.createdAt(), c.updatedAt(), c.erasedAt(), c.mergedInto());
    }
  }

  /** Removes a price book's costs and floors. */
  static final class PriceBookMasker implements FieldMasker<PriceBook> {

    static final String COST = "cost";
    static final String FLOOR = "floor";

    @Override
    public Set<String> fields() {
      return HashSet.of(COST, FLOOR);
    }

    @Override
    public PriceBook mask(PriceBook value, Set<String> masked) {
      requireNonNull(value, "value");
      requireNonNull(masked, "masked");
      boolean cost = masked.contains(COST);
      boolean floor = masked.contains(FLOOR);
      return new PriceBook(value.id(), value.name(), value.currency(), value.entries().map(e ->
          entry(e, cost ? Option.none() : e.cost(), floor ? Option.none() : e.floor())),
          value.updatedAt());
    }

    @Override
    public PriceBook restore(PriceBook changed, PriceBook stored, Set<String> masked) {
      requireNonNull(changed, "changed");
      requireNonNull(stored, "stored");
      requireNonNull(masked, "masked");
      boolean cost = masked.contains(COST);
      boolean floor = masked.contains(FLOOR);
      Map<String, PriceEntry> byCode = HashMap.ofEntries(stored.entries()
          .map(e -> io.vavr.Tuple.of(e.code(), e)));
      return new PriceBook(changed.id(), changed.name(), changed.currency(),
          changed.entries().map(e -> {
            Option<PriceEntry> before = byCode.get(e.code());
            return entry(e, cost ? before.flatMap(PriceEntry::cost) : e.cost(),
                floor ? before.flatMap(PriceEntry::floor) : e.floor());
          }), changed.updatedAt());
    }

    private static PriceEntry entry(PriceEntry e, Option<io.rapport.crm.kernel.UnitPrice> cost,
        Option<io.rapport.crm.kernel.UnitPrice> floor) {
      return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
          e.customerGroups(), e.validity(), cost, floor);
    }
  }
}
