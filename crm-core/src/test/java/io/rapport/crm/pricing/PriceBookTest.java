package io.rapport.crm.pricing;

import static io.rapport.crm.kernel.QuantityUnit.GRAM;
import static io.rapport.crm.kernel.QuantityUnit.JIN;
import static io.rapport.crm.kernel.QuantityUnit.KILOGRAM;
import static io.rapport.crm.kernel.QuantityUnit.PIECE;
import static io.rapport.crm.pricing.PriceFixtures.CNY;
import static io.rapport.crm.pricing.PriceFixtures.T0;
import static io.rapport.crm.pricing.PriceFixtures.category;
import static io.rapport.crm.pricing.PriceFixtures.cny;
import static io.rapport.crm.pricing.PriceFixtures.days;
import static io.rapport.crm.pricing.PriceFixtures.entry;
import static io.rapport.crm.pricing.PriceFixtures.eur;
import static io.rapport.crm.pricing.PriceFixtures.from;
import static io.rapport.crm.pricing.PriceFixtures.product;
import static io.rapport.crm.pricing.PriceFixtures.withBreaks;
import static io.rapport.crm.pricing.PriceFixtures.withChannels;
import static io.rapport.crm.pricing.PriceFixtures.withCode;
import static io.rapport.crm.pricing.PriceFixtures.withCost;
import static io.rapport.crm.pricing.PriceFixtures.withFloor;
import static io.rapport.crm.pricing.PriceFixtures.withGroups;
import static io.rapport.crm.pricing.PriceFixtures.withSale;
import static io.rapport.crm.pricing.PriceFixtures.withValidity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Examples of defining, revising and querying a price book. */
class PriceBookTest {

  static final PriceBookId ID = PriceBookId.parse("cny-main");

  /** A table priced per jin with a sale price, two breaks, a cost and a floor. */
  static PriceEntry table() {
    PriceEntry e = entry("table", product("rosewood-table"), cny("1280.00", JIN));
    e = withSale(e, cny("1200.00", JIN));
    e = withBreaks(e, from(Quantity.of("50", JIN), cny("1150.00", JIN)),
        from(Quantity.of("50", KILOGRAM), cny("2200.00", KILOGRAM)));
    e = withCost(e, cny("1.40", GRAM));
    return withFloor(e, cny("1000.00", JIN));
  }

  static PriceEntry chairs() {
    return withChannels(entry("chairs", category("chairs"), cny("3200.00", PIECE)), "store");
  }

  static Validation<Seq<Violation>, PriceBook> define(String name, Currency currency,
      PriceEntry... entries) {
    return PriceBook.define(ID, name, currency, List.of(entries), T0);
  }

  @Test
  void definesAWellFormedBook() {
    Validation<Seq<Violation>, PriceBook> book = define("Rosewood CNY", CNY, table(), chairs());

    assertThat(book.isValid()).as("%s", book).isTrue();
    assertThat(book.get().entries()).containsExactly(table(), chairs());
    assertThat(book.get().updatedAt()).isEqualTo(T0);
  }

  static Stream<Arguments> violations() {
    PriceEntry t = table();
    return Stream.of(
        Arguments.of("blank name", " ", CNY, List.of(t), "pricing.book.name.blank", "name"),
        Arguments.of("long name", "x".repeat(201), CNY, List.of(t), "pricing.book.name.too_long",
            "name"),
        Arguments.of("currency without minor unit", "Gold", Currency.getInstance("XAU"),
            List.empty(), "pricing.book.currency.no_minor_unit", "currency"),
        Arguments.of("malformed code", "B", CNY, List.of(withCode(t, "Table")),
            "pricing.entry.code.malformed", "entries[0].code"),
        Arguments.of("duplicate code", "B", CNY,
            List.of(t, withCode(chairs(), "table")), "pricing.entry.code.duplicate",
            "entries[1].code"),
        Arguments.of("list in another currency", "B", CNY,
            List.of(entry("a", product("p"), eur("9.00", PIECE))),
            "pricing.entry.currency_mismatch", "entries[0].list"),
        Arguments.of("sale in another unit", "B", CNY,
            List.of(withSale(entry("a", product("p"), cny("9.00", JIN)), cny("8.00", KILOGRAM))),
            "pricing.entry.sale.unit", "entries[0].sale"),
        Arguments.of("sale not below list", "B", CNY,
            List.of(withSale(entry("a", product("p"), cny("9.00", JIN)), cny("9.00", JIN))),
            "pricing.entry.sale.not_below_list", "entries[0].sale"),
        Arguments.of("break minimum in pieces for a weight price", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.pieces(3), cny("8.00", JIN)))),
            "pricing.entry.break.minimum.unit", "entries[0].breaks[0].minimum"),
        Arguments.of("zero break minimum", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.of(0, JIN), cny("8.00", JIN)))),
            "pricing.entry.break.minimum.not_positive", "entries[0].breaks[0].minimum"),
        Arguments.of("minimums not rising (1 kg after 2 jin)", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.of(2, JIN), cny("8.00", JIN)),
                from(Quantity.of(1, KILOGRAM), cny("14.00", KILOGRAM)))),
            "pricing.entry.break.minimum.not_increasing", "entries[0].breaks[1].minimum"),
        Arguments.of("break price per piece for a weight price", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.of(2, JIN), cny("8.00", PIECE)))),
            "pricing.entry.break.price.unit", "entries[0].breaks[0].price"),
        Arguments.of("break price not below list (18/kg is 9/jin)", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.of(2, JIN), cny("18.00", KILOGRAM)))),
            "pricing.entry.break.price.not_below_list", "entries[0].breaks[0].price"),
        Arguments.of("break prices not falling", "B", CNY,
            List.of(withBreaks(entry("a", product("p"), cny("9.00", JIN)),
                from(Quantity.of(2, JIN), cny("8.00", JIN)),
                from(Quantity.of(4, JIN), cny("16.00", KILOGRAM)))),
            "pricing.entry.break.price.not_decreasing", "entries[0].breaks[1].price"),
        Arguments.of("cost per piece for a weight price", "B", CNY,
            List.of(withCost(entry("a", product("p"), cny("9.00", JIN)), cny("5.00", PIECE))),
            "pricing.entry.cost.unit", "entries[0].cost"),
        Arguments.of("floor per piece for a weight price", "B", CNY,
            List.of(withFloor(entry("a", product("p"), cny("9.00", JIN)), cny("5.00", PIECE))),
            "pricing.entry.floor.unit", "entries[0].floor"),
        Arguments.of("floor above list (0.02/g is 10/jin)", "B", CNY,
            List.of(withFloor(entry("a", product("p"), cny("9.00", JIN)), cny("0.02", GRAM))),
            "pricing.entry.floor.above_list", "entries[0].floor"),
        Arguments.of("blank category", "B", CNY,
            List.of(entry("a", category(""), cny("9.00", JIN))),
            "pricing.entry.category.blank", "entries[0].target.category"),
        Arguments.of("blank channel", "B", CNY,
            List.of(withChannels(entry("a", product("p"), cny("9.00", JIN)), "store", " ")),
            "pricing.entry.channel.blank", "entries[0].channels"),
        Arguments.of("blank customer group", "B", CNY,
            List.of(withGroups(entry("a", product("p"), cny("9.00", JIN)), "")),
            "pricing.entry.customer_group.blank", "entries[0].customerGroups"),
        Arguments.of("same target twice, both standing", "B", CNY,
            List.of(entry("a", product("p"), cny("9.00", JIN)),
                entry("b", product("p"), cny("8.00", JIN))),
            "pricing.entry.ambiguous", "entries[1]"),
        Arguments.of("same target twice, overlapping windows from the same start", "B", CNY,
            List.of(withValidity(entry("a", product("p"), cny("9.00", JIN)), days(0, 5)),
                withValidity(entry("b", product("p"), cny("8.00", JIN)), days(0, 9))),
            "pricing.entry.ambiguous", "entries[1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void reportsEachBrokenInvariant(String why, String name, Currency currency,
      Seq<PriceEntry> entries, String code, String field) {
    Validation<Seq<Violation>, PriceBook> book =
        PriceBook.define(ID, name, currency, entries, T0);

    assertThat(book.isInvalid()).as("%s", book).isTrue();
    assertThat(book.getError()).extracting(Violation::code, Violation::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(code, field));
    assertThatThrownBy(() -> new PriceBook(ID, name, currency, entries, T0))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).violations())
            .isEqualTo(book.getError()));
  }

  @Test
  void acceptsTheSameTargetForOtherChannelsGroupsOrWindowsSelectionCanTellApart() {
    PriceEntry standing = entry("a", product("p"), cny("9.00", JIN));
    Validation<Seq<Violation>, PriceBook> book = define("B", CNY, standing,
        withChannels(withCode(standing, "b"), "store"),
        withGroups(withCode(standing, "c"), "gold"),
        withChannels(withValidity(withCode(standing, "d"), days(0, 5)), "online"),
        withChannels(withValidity(withCode(standing, "e"), days(5, 9)), "online"),
        withTarget(withCode(standing, "f"), category("p")),
        withValidity(withCode(standing, "g"), days(0, 9)),
        withValidity(withCode(standing, "h"), days(2, 4)));

    assertThat(book.isValid()).as("a promotion beside the standing price, and a flash sale"
        + " inside it: %s", book).isTrue();
  }

  private static PriceEntry withTarget(PriceEntry e, PriceTarget target) {
    return PriceFixtures.withTarget(e, target);
  }

  @Test
  void reportsEveryMistakeOfABookAtOnce() {
    PriceEntry bad = withFloor(withBreaks(withSale(
        entry("Bad", product("p"), eur("9.00", JIN)), cny("10.00", JIN)),
        from(Quantity.of(0, JIN), cny("8.00", PIECE))), cny("99.00", JIN));
    PriceEntry twin = withChannels(entry("twin", product("q"), cny("1.00", PIECE)), " ");

    Validation<Seq<Violation>, PriceBook> book = define("", CNY, bad, twin,
        withCode(twin, "twin"));

    assertThat(book.getError()).extracting(Violation::code, Violation::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("pricing.book.name.blank", "name"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.code.malformed", "entries[0].code"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.currency_mismatch", "entries[0].list"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.break.minimum.not_positive",
            "entries[0].breaks[0].minimum"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.break.price.unit",
            "entries[0].breaks[0].price"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.channel.blank", "entries[1].channels"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.code.duplicate", "entries[2].code"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.channel.blank", "entries[2].channels"),
        org.assertj.core.groups.Tuple.tuple("pricing.entry.ambiguous", "entries[2]"));
  }

  @Test
  void revisesTheEntriesKeepingIdNameAndCurrency() {
    PriceBook book = define("Rosewood CNY", CNY, table()).get();

    PriceBook revised = book.revise(List.of(table(), chairs()), T0.plusSeconds(60)).get();

    assertThat(revised.id()).isEqualTo(book.id());
    assertThat(revised.name()).isEqualTo("Rosewood CNY");
    assertThat(revised.currency()).isEqualTo(CNY);
    assertThat(revised.entries()).containsExactly(table(), chairs());
    assertThat(revised.updatedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void refusesARevisionDatedBeforeTheLastChangeWithItsOtherMistakes() {
    PriceBook book = define("Rosewood CNY", CNY, table()).get();

    Validation<Seq<Violation>, PriceBook> revised =
        book.revise(List.of(withCode(table(), "Table")), T0.minusSeconds(1));

    assertThat(revised.getError()).extracting(Violation::code).containsExactly(
        "pricing.book.out_of_order", "pricing.entry.code.malformed");
  }

  @Test
  void findsEntriesByCodeAndByProduct() {
    PriceEntry promotion =
        withChannels(withValidity(withCode(table(), "table-promo"), days(0, 7)), "store");
    PriceBook book = define("Rosewood CNY", CNY, table(), chairs(), promotion).get();

    assertThat(book.entry("chairs").get()).isEqualTo(chairs());
    assertThat(book.entry("sofa").isEmpty()).isTrue();
    assertThat(book.entriesFor(ProductId.parse("rosewood-table")))
        .containsExactly(table(), promotion);
    assertThat(book.entriesFor(ProductId.parse("chairs"))).isEmpty();
  }
}
