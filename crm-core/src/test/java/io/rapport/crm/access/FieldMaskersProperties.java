package io.rapport.crm.access;

import static io.rapport.crm.access.PropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceTarget;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the field maskers, for random customers and price books and random field sets. */
class FieldMaskersProperties {

  static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  static final Currency CNY = Currency.getInstance("CNY");

  /** Decodes a customer with up to three phones, emails and addresses, a handle and a tax id. */
  static Customer customer(java.util.List<Integer> codes) {
    CustomerDraft draft = CustomerDraft.person("王小明").owner("E-7").team("beijing-store");
    int index = 0;
    for (int code : codes) {
      int kind = code % 4;
      String digits = String.format("%08d", (code / 4) % 100_000_000);
      if (kind == 0) {
        draft.phone("+86 13" + (5 + code % 5) + digits, index == 0);
      } else if (kind == 1) {
        draft.email("user" + code + "@ex" + (code % 3) + ".com", false);
      } else if (kind == 2) {
        draft.address(java.util.List.of("建国路 " + code + " 号"), "北京", "北京", "100022", "CN");
      } else {
        draft.taxId("91110000" + digits);
      }
      index++;
    }
    draft.handle("wechat", "wx_" + codes.size());
    return Customer.register(CustomerId.parse("C-" + codes.size()), draft,
        CustomerRules.standard("CN"), EventStamp.of(EventId.parse("ev-1"), T0,
            ActorId.parse("E-7"))).get().state();
  }

  static Gen<Customer> customers() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 6)
        .map(FieldMaskersProperties::customer);
  }

  static <T> Gen<Set<String>> fieldSets(FieldMasker<T> masker) {
    List<String> fields = masker.fields().toList().sorted();
    return integers().between(0, (1 << fields.size()) - 1).map(bits -> AccessFixtures.subset(fields,
        bits));
  }

  static UnitPrice cny(int amount) {
    return UnitPrice.of(Money.of(amount + ".00", CNY), QuantityUnit.PIECE);
  }

  /** Decodes a price book whose entries have a cost, a floor, both or neither. */
  static PriceBook priceBook(java.util.List<Integer> codes) {
    List<PriceEntry> entries = List.ofAll(codes).zipWithIndex().map(t -> {
      int code = t._1;
      int list = 1000 + code % 9000;
      return new PriceEntry("e" + t._2, new PriceTarget.ForProduct(ProductId.parse("P-" + t._2)),
          cny(list), Option.none(), List.empty(), HashSet.empty(), HashSet.empty(), Option.none(),
          (code & 1) == 0 ? Option.some(cny(list / 2)) : Option.none(),
          (code & 2) == 0 ? Option.some(cny(list * 3 / 4)) : Option.none());
    });
    return new PriceBook(PriceBookId.parse("cny-main"), "Main", CNY, entries, T0);
  }

  static Gen<PriceBook> priceBooks() {
    return lists().of(integers().between(0, 1 << 20)).ofSizeBetween(0, 5)
        .map(FieldMaskersProperties::priceBook);
  }

  @Test
  void maskingThenRestoringACustomerGivesBackTheStoredCustomer() {
    qt().forAll(customers(), fieldSets(FieldMaskers.CUSTOMER)).checkAssert((stored, fields) -> {
      Customer masked = FieldMaskers.CUSTOMER.mask(stored, fields);
      assertThat(FieldMaskers.CUSTOMER.restore(masked, stored, fields)).isEqualTo(stored);
    });
  }

  @Test
  void maskingACustomerIsIdempotent() {
    qt().forAll(customers(), fieldSets(FieldMaskers.CUSTOMER)).checkAssert((stored, fields) -> {
      Customer once = FieldMaskers.CUSTOMER.mask(stored, fields);
      assertThat(FieldMaskers.CUSTOMER.mask(once, fields)).isEqualTo(once);
    });
  }

  @Test
  void everyMaskedContactValueIsRecognisablyMaskedAndDiffersFromEveryRealValue() {
    qt().forAll(customers(), customers()).checkAssert((stored, other) -> {
      Customer masked = FieldMaskers.CUSTOMER.mask(stored, FieldMaskers.CUSTOMER.fields());
      Set<String> realKeys = stored.contactPoints().appendAll(other.contactPoints())
          .map(p -> p.value().matchKey()).toSet();
      for (ContactPoint point : masked.contactPoints()) {
        ContactValue value = point.value();
        assertThat(value.isMasked()).isTrue();
        assertThat(value.toString()).contains("***");
        assertThat(realKeys).doesNotContain(value.matchKey());
      }
      assertThat(masked.contactPoints().size()).isEqualTo(stored.contactPoints().size());
      assertThat(masked.matchKeys()).isEqualTo(stored.taxId().map(t ->
          HashSet.of("tax:***" + t.substring(t.length() - 3))).getOrElse(HashSet.empty()));
      assertThat(masked.taxId()).isEqualTo(stored.taxId().map(t -> "***"
          + t.substring(t.length() - 3)));
    });
  }

  @Test
  void fieldsNotAskedForStayAsStored() {
    qt().forAll(customers(), fieldSets(FieldMaskers.CUSTOMER)).checkAssert((stored, fields) -> {
      Customer masked = FieldMaskers.CUSTOMER.mask(stored, fields);
      List<ContactPoint> storedPoints = stored.contactPoints().toList();
      for (int i = 0; i < storedPoints.size(); i++) {
        ContactPoint before = storedPoints.get(i);
        ContactPoint after = masked.contactPoints().get(i);
        assertThat(after.value().isMasked())
            .isEqualTo(!before.value().isMasked() && isMaskedKind(fields, before));
        assertThat(after.primary()).isEqualTo(before.primary());
      }
      assertThat(masked.name()).isEqualTo(stored.name());
      assertThat(masked.owner()).isEqualTo(stored.owner());
    });
  }

  private static boolean isMaskedKind(Set<String> fields, ContactPoint point) {
    switch (point.kind()) {
      case PHONE:
        return fields.contains("phone");
      case EMAIL:
        return fields.contains("email");
      case POSTAL:
        return fields.contains("postal_address");
      default:
        return fields.contains("messaging");
    }
  }

  @Test
  void maskingThenRestoringAPriceBookGivesBackTheStoredBookAndHidesItsMargins() {
    qt().forAll(priceBooks(), fieldSets(FieldMaskers.PRICE_BOOK)).checkAssert((stored, fields) -> {
      PriceBook masked = FieldMaskers.PRICE_BOOK.mask(stored, fields);
      assertThat(FieldMaskers.PRICE_BOOK.restore(masked, stored, fields)).isEqualTo(stored);
      assertThat(FieldMaskers.PRICE_BOOK.mask(masked, fields)).isEqualTo(masked);
      for (PriceEntry entry : masked.entries()) {
        assertThat(fields.contains("cost") ? entry.cost().isEmpty() : true).isTrue();
        assertThat(fields.contains("floor") ? entry.floor().isEmpty() : true).isTrue();
      }
      assertThat(masked.entries().map(PriceEntry::list))
          .isEqualTo(stored.entries().map(PriceEntry::list));
    });
  }
}
