package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.pricing.PriceBookRepository;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.QuantityBreak;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * The contract of price book storage every adapter must keep: the generic repository contract
 * for books, plus the three listings in id order, page by page: every book, the books of a
 * currency, and the books with an entry for a product (a category default does not count), each
 * following every revision and erasure. An adapter runs it by implementing {@link #newStore()} in
 * a test class named {@code …Contract…}.
 */
public interface PriceBookRepositoryContract extends RepositoryContract<PriceBookId, PriceBook> {

  /** When book 0 was defined; book n a minute later per n. */
  Instant T0 = Instant.parse("2026-01-05T02:00:00Z");

  /** The product every book of {@link #anAggregate(int)} prices. */
  ProductId ARMCHAIR = ProductId.parse("PRD-armchair");

  /** The currency of the odd books of {@link #anAggregate(int)}. */
  Currency CNY = Currency.getInstance("CNY");

  /** The currency of the even books of {@link #anAggregate(int)}. */
  Currency USD = Currency.getInstance("USD");

  @Override
  default Repository<PriceBookId, PriceBook> repositoryOf(CrmStore store) {
    return PriceBookRepository.in(store);
  }

  /**
   * Returns book {@code PB-00000n}, in CNY when n is odd and USD when even, defined n minutes
   * after {@link #T0}, pricing {@link #ARMCHAIR} per piece (with a sale price and a gold-tier
   * price), product {@code PRD-n} per jin with breaks, cost and floor, and the category
   * {@code chairs} per jin for the store channel during a week.
   */
  @Override
  default PriceBook anAggregate(int n) {
    Currency currency = n % 2 == 1 ? CNY : USD;
    ProductId own = ProductId.parse("PRD-" + n);
    return new PriceBook(PriceBookId.parse(String.format("PB-%06d", n)),
        "Rosewood 红木 " + currency.getCurrencyCode() + " " + n, currency,
        Vector.of(
            entry("armchair", new PriceTarget.ForProduct(ARMCHAIR),
                price(12_800 + n, currency, QuantityUnit.PIECE),
                Option.of(price(11_800, currency, QuantityUnit.PIECE)), HashSet.empty(),
                HashSet.empty(), Option.none()),
            entry("armchair.gold", new PriceTarget.ForProduct(ARMCHAIR),
                price(11_000, currency, QuantityUnit.PIECE), Option.none(), HashSet.empty(),
                HashSet.of("gold"), Option.none()),
            perJin(own, currency, n),
            entry("chairs.store", new PriceTarget.ForCategory("chairs"),
                price(1_280, currency, QuantityUnit.JIN), Option.none(), HashSet.of("store"),
                HashSet.empty(), Option.of(TimeWindow.of(T0, T0.plusSeconds(7L * 24 * 3600))))),
        T0.plusSeconds(60L * n));
  }

  @Override
  default PriceBook changed(PriceBook book) {
    return new PriceBook(book.id(), book.name() + " (revised)", book.currency(), book.entries(),
        book.updatedAt().plusSeconds(1));
  }

  private static UnitPrice price(long whole, Currency currency, QuantityUnit unit) {
    return UnitPrice.of(BigDecimal.valueOf(whole), currency, unit);
  }

  private static PriceEntry entry(String code, PriceTarget target, UnitPrice list,
      Option<UnitPrice> sale, io.vavr.collection.Set<String> channels,
      io.vavr.collection.Set<String> groups, Option<TimeWindow> validity) {
    return new PriceEntry(code, target, list, sale, Vector.empty(), channels, groups, validity,
        Option.none(), Option.none());
  }

  private static PriceEntry perJin(ProductId product, Currency currency, int n) {
    UnitPrice list = price(2_000 + n, currency, QuantityUnit.JIN);
    return new PriceEntry("own", new PriceTarget.ForProduct(product), list, Option.none(),
        Vector.of(new QuantityBreak(io.rapport.crm.kernel.Quantity.of(50, QuantityUnit.JIN),
                price(1_900, currency, QuantityUnit.JIN)),
            new QuantityBreak(io.rapport.crm.kernel.Quantity.of(100, QuantityUnit.KILOGRAM),
                price(3_600, currency, QuantityUnit.KILOGRAM))),
        HashSet.empty(), HashSet.empty(), Option.none(),
        Option.of(price(900, currency, QuantityUnit.JIN)),
        Option.of(price(1_500, currency, QuantityUnit.JIN)));
  }

  private static List<String> ids(Iterable<Versioned<PriceBook>> books) {
    return List.ofAll(books).map(v -> v.value().id().value());
  }

  private static List<String> expectedIds(List<Integer> numbers) {
    return numbers.map(n -> String.format("PB-%06d", n));
  }

  @Test
  default void listsEveryBookInIdOrderPageByPage() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      for (int n = 23; n >= 1; n--) {
        books.save(anAggregate(n), Version.NEW);
      }
      assertThat(SalesRecords.idsOfAllPages(after -> books.all(after, 4), 4,
          (PriceBook b) -> b.id().value()))
          .containsExactlyElementsOf(expectedIds(List.rangeClosed(1, 23)));
      assertThat(ids(books.all(Option.none(), 10_000).items()))
          .containsExactlyElementsOf(expectedIds(List.rangeClosed(1, 23)));
    }
  }

  @Test
  default void listsTheBooksOfACurrencyOnlyUnderThatCurrency() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      for (int n = 1; n <= 11; n++) {
        books.save(anAggregate(n), Version.NEW);
      }
      assertThat(SalesRecords.idsOfAllPages(after -> books.inCurrency(CNY, after, 2), 2,
          (PriceBook b) -> b.id().value()))
          .containsExactlyElementsOf(expectedIds(List.of(1, 3, 5, 7, 9, 11)));
      assertThat(SalesRecords.idsOfAllPages(after -> books.inCurrency(USD, after, 3), 3,
          (PriceBook b) -> b.id().value()))
          .containsExactlyElementsOf(expectedIds(List.of(2, 4, 6, 8, 10)));
      assertThat(books.inCurrency(Currency.getInstance("JPY"), Option.none(), 10).items())
          .isEmpty();
    }
  }

  @Test
  default void aBookChangingCurrencyMovesToTheOtherList() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      PriceBook cny = anAggregate(1);
      books.save(cny, Version.NEW);
      PriceBook usd = anAggregate(2);
      PriceBook moved = new PriceBook(cny.id(), cny.name(), USD, usd.entries(),
          cny.updatedAt().plusSeconds(1));
      assertThat(books.save(moved, Version.of(1)).isRight()).isTrue();
      assertThat(books.inCurrency(CNY, Option.none(), 10).items()).isEmpty();
      assertThat(books.inCurrency(USD, Option.none(), 10).items().map(Versioned::value))
          .containsExactly(moved);
    }
  }

  @Test
  default void findsTheBooksPricingAProductOnceEachAndNotThroughCategories() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      for (int n = 1; n <= 9; n++) {
        books.save(anAggregate(n), Version.NEW);
      }
      // every book has two entries for the armchair, and is listed once
      assertThat(SalesRecords.idsOfAllPages(after -> books.withProduct(ARMCHAIR, after, 4), 4,
          (PriceBook b) -> b.id().value()))
          .containsExactlyElementsOf(expectedIds(List.rangeClosed(1, 9)));
      assertThat(ids(books.withProduct(ProductId.parse("PRD-7"), Option.none(), 10).items()))
          .containsExactly("PB-000007");
      // "chairs" is a category default, not a product
      assertThat(books.withProduct(ProductId.parse("chairs"), Option.none(), 10).items())
          .isEmpty();
      assertThat(books.withProduct(ProductId.parse("PRD-unknown"), Option.none(), 10).items())
          .isEmpty();
    }
  }

  @Test
  default void aRevisionDroppingAProductAndAnErasureLeaveTheProductList() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      for (int n = 1; n <= 4; n++) {
        books.save(anAggregate(n), Version.NEW);
      }
      PriceBook second = anAggregate(2);
      PriceBook withoutArmchair = new PriceBook(second.id(), second.name(), second.currency(),
          second.entries().filter(e -> !e.target().equals(new PriceTarget.ForProduct(ARMCHAIR))),
          second.updatedAt().plusSeconds(1));
      assertThat(books.save(withoutArmchair, Version.of(1)).isRight()).isTrue();
      assertThat(books.erase(anAggregate(3).id())).isTrue();
      assertThat(ids(books.withProduct(ARMCHAIR, Option.none(), 10).items()))
          .containsExactly("PB-000001", "PB-000004");
      assertThat(ids(books.withProduct(ProductId.parse("PRD-2"), Option.none(), 10).items()))
          .containsExactly("PB-000002");
      assertThat(ids(books.all(Option.none(), 10).items()))
          .containsExactly("PB-000001", "PB-000002", "PB-000004");
      assertThat(ids(books.inCurrency(CNY, Option.none(), 10).items()))
          .containsExactly("PB-000001");
    }
  }

  @Test
  default void anEmptyStoreHasNoBooks() {
    try (CrmStore store = newStore()) {
      PriceBookRepository books = PriceBookRepository.in(store);
      assertThat(books.all(Option.none(), 10).isLast()).isTrue();
      assertThat(books.all(Option.none(), 10).items()).isEmpty();
      assertThat(books.inCurrency(CNY, Option.none(), 10).items()).isEmpty();
      assertThat(books.withProduct(ARMCHAIR, Option.none(), 10).items()).isEmpty();
    }
  }
}
