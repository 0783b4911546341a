package io.rapport.crm.pricing;

import static io.rapport.crm.kernel.QuantityUnit.GRAM;
import static io.rapport.crm.kernel.QuantityUnit.JIN;
import static io.rapport.crm.kernel.QuantityUnit.KILOGRAM;
import static io.rapport.crm.kernel.QuantityUnit.PIECE;
import static io.rapport.crm.pricing.PriceFixtures.CNY;
import static io.rapport.crm.pricing.PriceFixtures.EUR;
import static io.rapport.crm.pricing.PriceFixtures.book;
import static io.rapport.crm.pricing.PriceFixtures.category;
import static io.rapport.crm.pricing.PriceFixtures.cny;
import static io.rapport.crm.pricing.PriceFixtures.cnyBook;
import static io.rapport.crm.pricing.PriceFixtures.days;
import static io.rapport.crm.pricing.PriceFixtures.entry;
import static io.rapport.crm.pricing.PriceFixtures.eur;
import static io.rapport.crm.pricing.PriceFixtures.from;
import static io.rapport.crm.pricing.PriceFixtures.product;
import static io.rapport.crm.pricing.PriceFixtures.request;
import static io.rapport.crm.pricing.PriceFixtures.withAt;
import static io.rapport.crm.pricing.PriceFixtures.withBreaks;
import static io.rapport.crm.pricing.PriceFixtures.withChannel;
import static io.rapport.crm.pricing.PriceFixtures.withChannels;
import static io.rapport.crm.pricing.PriceFixtures.withCode;
import static io.rapport.crm.pricing.PriceFixtures.withCost;
import static io.rapport.crm.pricing.PriceFixtures.withCurrency;
import static io.rapport.crm.pricing.PriceFixtures.withFloor;
import static io.rapport.crm.pricing.PriceFixtures.withGroups;
import static io.rapport.crm.pricing.PriceFixtures.withSale;
import static io.rapport.crm.pricing.PriceFixtures.withValidity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** Examples of every rule of price selection, in its documented order, and every rejection. */
class PriceSelectorTest {

  static final PriceEntry TABLE = entry("table", product("rosewood-table"), cny("1280.00", JIN));
  static final PriceEntry TABLES = entry("tables", category("tables"), cny("1500.00", JIN));

  static Either<PricingRejection, PriceSelection> select(PriceRequest request,
      PriceBook... books) {
    return PriceSelector.select(List.of(books), request);
  }

  static PriceSelection selected(PriceRequest request, PriceBook... books) {
    Either<PricingRejection, PriceSelection> result = select(request, books);
    assertThat(result.isRight()).as("%s", result).isTrue();
    return result.get();
  }

  static PriceRequest twoJin() {
    return request(Quantity.of(2, JIN));
  }

  @Test
  void pricesARosewoodTablePerJinForAWeightInKilogramsOrGrams() {
    PriceEntry table = withFloor(withCost(TABLE, cny("0.90", GRAM)), cny("1000.00", JIN));

    PriceSelection inKilograms = selected(request(Quantity.of("19.3", KILOGRAM)), cnyBook(table));
    PriceSelection inGrams = selected(request(Quantity.of("38601", GRAM)), cnyBook(table));

    assertThat(inKilograms.entry()).isEqualTo(table);
    assertThat(inKilograms.unitPrice()).isEqualTo(cny("1280.00", JIN));
    assertThat(inKilograms.basis()).isEqualTo("list");
    assertThat(inKilograms.cost().get()).isEqualTo(cny("0.90", GRAM));
    assertThat(inKilograms.floor().get()).isEqualTo(cny("1000.00", JIN));
    // 19.3 kg = 38.6 jin; 38.6 × 1280 = 49408 exactly
    assertThat(inKilograms.unitPrice()
        .priceOf(Quantity.of("19.3", KILOGRAM), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("49408.00", CNY));
    // 38601 g = 77.202 jin; 77.202 × 1280 = 98818.56 exactly
    assertThat(inGrams.unitPrice().priceOf(Quantity.of("38601", GRAM), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("98818.56", CNY));
    assertThat(inGrams.unitPrice().priceOf(Quantity.of("19300", GRAM), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("49408.00", CNY));
  }

  @Test
  void considersOnlyTheProductAndItsCategories() {
    PriceEntry other = entry("chair", product("rosewood-chair"), cny("900.00", PIECE));
    PriceEntry sofas = entry("sofas", category("sofas"), cny("900.00", PIECE));

    PriceSelection selection = selected(twoJin(), cnyBook(other, TABLES, sofas));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).isEmpty();
  }

  @Test
  void recordsAnEntryOfAnotherCurrencyAndSkipsIt() {
    PriceBook euros = book("eur-main", EUR, List.of(entry("table", product("rosewood-table"),
        eur("160.00", JIN))));

    PriceSelection selection = selected(twoJin(), euros, cnyBook(TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).extracting(ConsideredPrice::book, ConsideredPrice::entry,
        ConsideredPrice::code)
        .containsExactly(tuple(PriceBookId.parse("eur-main"), "table", "pricing.price.currency"));
  }

  @Test
  void recordsAnEntryNotValidAtTheRequestTime() {
    PriceEntry later = withValidity(TABLE, days(20, 30));

    PriceSelection selection = selected(twoJin(), cnyBook(later, TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.not_valid");
  }

  @Test
  void treatsTheValidityEndAsExclusive() {
    PriceEntry tenDays = withValidity(TABLE, days(0, 10));

    PriceSelection selection = selected(twoJin(), cnyBook(tenDays, TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selected(withAt(twoJin(), days(9, 10).start()), cnyBook(tenDays, TABLES)).entry())
        .isEqualTo(tenDays);
  }

  @Test
  void recordsAnEntryForOtherChannels() {
    PriceEntry online = withChannels(TABLE, "online", "app");

    PriceSelection selection = selected(twoJin(), cnyBook(online, TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.channel");
    assertThat(selected(withChannel(twoJin(), "app"), cnyBook(online, TABLES)).entry())
        .isEqualTo(online);
  }

  @Test
  void recordsAnEntryForOtherCustomerGroups() {
    PriceEntry vip = withGroups(TABLE, "platinum", "staff");

    PriceSelection selection = selected(twoJin(), cnyBook(vip, TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.customer_group");
    assertThat(selected(PriceFixtures.withGroups(twoJin(), "staff", "new"), cnyBook(vip, TABLES))
        .entry()).isEqualTo(vip);
  }

  @Test
  void recordsAnEntryPricedInAUnitTheQuantityDoesNotConvertTo() {
    PriceEntry perPiece = entry("table", product("rosewood-table"), cny("38000.00", PIECE));

    PriceSelection selection = selected(twoJin(), cnyBook(perPiece, TABLES));

    assertThat(selection.entry()).isEqualTo(TABLES);
    assertThat(selection.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.unit");
  }

  @Test
  void recordsOnlyTheFirstFilterAnEntryFails() {
    PriceEntry everythingWrong = withGroups(withChannels(withValidity(
        entry("table", product("rosewood-table"), cny("38000.00", PIECE)), days(20, 30)),
        "online"), "staff");

    Either<PricingRejection, PriceSelection> result = select(twoJin(), cnyBook(everythingWrong));
    PriceSelection inValidTime = selected(withAt(twoJin(), days(21, 22).start()),
        cnyBook(everythingWrong), cnyBook(TABLES).revise(List.of(TABLES), PriceFixtures.T0).get());

    assertThat(result.getLeft().message()).contains("[pricing.price.not_valid]")
        .doesNotContain("pricing.price.channel");
    assertThat(inValidTime.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.channel");
  }

  @Test
  void prefersAProductPriceOverACategoryDefault() {
    PriceSelection selection = selected(twoJin(), cnyBook(TABLES, TABLE));

    assertThat(selection.entry()).isEqualTo(TABLE);
    assertThat(selection.considered()).extracting(ConsideredPrice::entry, ConsideredPrice::code)
        .containsExactly(tuple("tables", "pricing.price.less_specific"));
    assertThat(selection.considered().head().reason()).contains("product price");
  }

  @Test
  void prefersAPriceForTheCustomersGroupsOverOneForEveryCustomer() {
    PriceEntry gold = withCode(withGroups(TABLE, "gold", "platinum"), "table-gold");
    PriceEntry store = withCode(withChannels(TABLE, "store"), "table-store");

    PriceSelection selection = selected(twoJin(), cnyBook(store, gold));

    assertThat(selection.entry()).isEqualTo(gold);
    assertThat(selection.considered()).extracting(ConsideredPrice::entry)
        .containsExactly("table-store");
    assertThat(selection.considered().head().reason()).contains("customer's groups");
  }

  @Test
  void prefersAPriceForTheChannelOverOneForEveryChannel() {
    PriceEntry store = withCode(withChannels(TABLE, "store"), "table-store");

    PriceSelection selection = selected(twoJin(), cnyBook(TABLE, store));

    assertThat(selection.entry()).isEqualTo(store);
    assertThat(selection.considered().head().reason()).contains("channel");
  }

  @Test
  void prefersAPromotionOverTheStandingPrice() {
    PriceEntry promotion = withValidity(withCode(TABLE, "spring"), days(0, 30));
    PriceBook promotions = book("promotions", CNY, List.of(promotion));

    PriceSelection selection = selected(twoJin(), cnyBook(TABLE), promotions);

    assertThat(selection.entry()).isEqualTo(promotion);
    assertThat(selection.book()).isEqualTo(PriceBookId.parse("promotions"));
    assertThat(selection.considered().head().reason()).contains("validity window");
  }

  @Test
  void prefersTheLaterValidityStart() {
    PriceEntry month = withValidity(withCode(TABLE, "march"), days(0, 30));
    PriceEntry week = withValidity(withCode(withChannels(TABLE, "store", "online"), "week"),
        days(7, 14));
    PriceEntry march = withChannels(month, "store");

    PriceSelection selection = selected(twoJin(), cnyBook(week, march));

    assertThat(selection.entry()).isEqualTo(week);
    assertThat(selection.considered()).extracting(ConsideredPrice::entry, ConsideredPrice::code)
        .containsExactly(tuple("march", "pricing.price.less_specific"));
  }

  @Test
  void breaksRemainingTiesByBookOrderThenEntryOrder() {
    PriceEntry store = withCode(withChannels(TABLE, "store"), "table-store");
    PriceEntry storeAndApp = withCode(withChannels(TABLE, "store", "app"), "table-app");
    PriceBook first = book("first", CNY, List.of(store, storeAndApp));
    PriceBook second = book("second", CNY, List.of(store));

    PriceSelection selection = selected(twoJin(), second, first);
    PriceSelection inOneBook = selected(twoJin(), first);

    assertThat(selection.book()).isEqualTo(PriceBookId.parse("second"));
    assertThat(selection.considered()).extracting(ConsideredPrice::book, ConsideredPrice::entry)
        .containsExactly(tuple(PriceBookId.parse("first"), "table-store"),
            tuple(PriceBookId.parse("first"), "table-app"));
    assertThat(selection.considered().head().reason()).contains("earlier book");
    assertThat(inOneBook.entry()).isEqualTo(store);
    assertThat(inOneBook.considered().head().reason()).contains("earlier entry");
  }

  @Test
  void appliesTheSalePriceWhenLower() {
    PriceSelection selection = selected(twoJin(), cnyBook(withSale(TABLE, cny("1200.00", JIN))));

    assertThat(selection.listPrice()).isEqualTo(cny("1280.00", JIN));
    assertThat(selection.unitPrice()).isEqualTo(cny("1200.00", JIN));
    assertThat(selection.basis()).isEqualTo("sale");
  }

  @Test
  void appliesTheHighestQuantityBreakReachedComparedAfterConversion() {
    PriceEntry tiers = withBreaks(TABLE, from(Quantity.of(10, JIN), cny("1250.00", JIN)),
        from(Quantity.of(10, KILOGRAM), cny("2400.00", KILOGRAM)),
        from(Quantity.of(50, KILOGRAM), cny("2300.00", KILOGRAM)));

    PriceSelection below = selected(request(Quantity.of("9.999", JIN)), cnyBook(tiers));
    PriceSelection first = selected(request(Quantity.of("5000", GRAM)), cnyBook(tiers));
    PriceSelection second = selected(request(Quantity.of(20, JIN)), cnyBook(tiers));

    assertThat(below.basis()).isEqualTo("list");
    assertThat(first.unitPrice()).isEqualTo(cny("1250.00", JIN));
    assertThat(first.basis()).isEqualTo("break");
    assertThat(second.unitPrice()).isEqualTo(cny("2400.00", KILOGRAM));
    assertThat(second.unitPrice().priceOf(Quantity.of(20, JIN), RoundingMode.UNNECESSARY))
        .isEqualTo(Money.of("24000.00", CNY));
  }

  @Test
  void takesTheLowestOfSaleAndBreakPreferringTheSaleOnATie() {
    PriceEntry both = withBreaks(withSale(TABLE, cny("1200.00", JIN)),
        from(Quantity.of(10, JIN), cny("2400.00", KILOGRAM)),
        from(Quantity.of(20, JIN), cny("1100.00", JIN)));

    PriceSelection tie = selected(request(Quantity.of(10, JIN)), cnyBook(both));
    PriceSelection lower = selected(request(Quantity.of(20, JIN)), cnyBook(both));

    assertThat(tie.basis()).isEqualTo("sale");
    assertThat(tie.unitPrice()).isEqualTo(cny("1200.00", JIN));
    assertThat(lower.basis()).isEqualTo("break");
    assertThat(lower.unitPrice()).isEqualTo(cny("1100.00", JIN));
  }

  @Test
  void rejectsAZeroQuantity() {
    Either<PricingRejection, PriceSelection> result =
        select(request(Quantity.of(0, JIN)), cnyBook(TABLE));

    assertThat(result.getLeft().code()).isEqualTo("pricing.quantity.not_positive");
  }

  @Test
  void rejectsAProductWithoutAnyEntry() {
    Either<PricingRejection, PriceSelection> result =
        select(twoJin(), cnyBook(entry("sofas", category("sofas"), cny("1.00", JIN))));

    assertThat(result.getLeft().code()).isEqualTo("pricing.price.not_found");
    assertThat(result.getLeft().message()).contains("rosewood-table", "tables",
        "no entry prices them");
  }

  @Test
  void rejectsWhenEveryEntryIsFilteredOutListingEachReason() {
    PriceEntry online = withChannels(TABLE, "online");
    PriceEntry staff = withGroups(TABLES, "staff");

    Either<PricingRejection, PriceSelection> result = select(twoJin(), cnyBook(online, staff));

    assertThat(result.getLeft().code()).isEqualTo("pricing.price.not_found");
    assertThat(result.getLeft().message())
        .contains("table of book cny-main", "[pricing.price.channel]")
        .contains("tables of book cny-main", "[pricing.price.customer_group]");
  }

  @Test
  void refusesNullArguments() {
    assertThatThrownBy(() -> PriceSelector.select(null, twoJin()))
        .isInstanceOf(NullPointerException.class).hasMessage("books");
    assertThatThrownBy(() -> PriceSelector.select(List.of(cnyBook(TABLE)), null))
        .isInstanceOf(NullPointerException.class).hasMessage("request");
  }

  @Test
  void ignoresTheCurrencyOfOtherBooksWhenOneMatches() {
    PriceSelection selection = selected(withCurrency(twoJin(), EUR),
        cnyBook(TABLE), book("eur", EUR, List.of(entry("t", product("rosewood-table"),
            eur("160.00", JIN)))));

    assertThat(selection.book()).isEqualTo(PriceBookId.parse("eur"));
    assertThat(selection.considered()).extracting(ConsideredPrice::code)
        .containsExactly("pricing.price.currency");
  }
}
