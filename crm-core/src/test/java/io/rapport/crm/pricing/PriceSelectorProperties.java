package io.rapport.crm.pricing;

import static io.rapport.crm.pricing.PriceFixtures.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.rapport.crm.kernel.TimeWindow;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of price selection over generated books and requests. */
class PriceSelectorProperties {

  static final Gen<java.util.List<Long>> SEEDS = lists().of(longs().all()).ofSizeBetween(1, 14);

  static Seq<PriceBook> books(java.util.List<Long> seeds) {
    return PriceScenario.books(List.ofAll(seeds));
  }

  @Test
  void selectionIsDeterministicAndIndependentOfTheOrderOfUnrelatedEntries() {
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      Seq<PriceBook> books = books(seeds);
      PriceRequest request = PriceScenario.request(requestSeed);
      Seq<PriceBook> reordered = books.map(book -> PriceScenario.book(book.id().value(),
          book.currency(), book.entries().filter(e -> !PriceScenario.related(e)).reverse()
              .appendAll(book.entries().filter(PriceScenario::related))));

      Either<PricingRejection, PriceSelection> first = PriceSelector.select(books, request);

      assertThat(PriceSelector.select(books, request)).isEqualTo(first);
      assertThat(PriceSelector.select(reordered, request)).isEqualTo(first);
    });
  }

  @Test
  void theSelectedUnitPriceIsNeverAboveTheListPrice() {
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      PriceRequest request = PriceScenario.request(requestSeed);

      PriceSelector.select(books(seeds), request).forEach(selection ->
          assertThat(selection.unitPrice().priceOf(request.quantity(), RoundingMode.HALF_EVEN))
              .isLessThanOrEqualTo(
                  selection.listPrice().priceOf(request.quantity(), RoundingMode.HALF_EVEN)));
    });
  }

  @Test
  void aMoreSpecificEntryAddedNeverLosesToALessSpecificOne() {
    AtomicInteger sharpened = new AtomicInteger();
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      Seq<PriceBook> books = books(seeds);
      PriceRequest request = PriceScenario.request(requestSeed);
      Either<PricingRejection, PriceSelection> before = PriceSelector.select(books, request);
      Option<PriceEntry> sharper = before.toOption()
          .flatMap(selection -> moreSpecific(selection.entry(), request));

      sharper.forEach(entry -> {
        PriceBook extra = PriceScenario.book("extra", request.currency(), List.of(entry));
        Either<PricingRejection, PriceSelection> after =
            PriceSelector.select(books.append(extra), request);
        assertThat(after.get().entry()).isEqualTo(entry);
        assertThat(after.get().considered()).extracting(ConsideredPrice::entry)
            .contains(before.get().entry().code());
      });
      sharper.forEach(entry -> sharpened.incrementAndGet());
    });
    assertThat(sharpened.get()).as("examples with a sharper entry").isGreaterThan(50);
  }

  /** Returns a copy of the winner that passes the same filters and is strictly more specific. */
  static Option<PriceEntry> moreSpecific(PriceEntry w, PriceRequest request) {
    if (w.target() instanceof PriceTarget.ForCategory) {
      return Option.of(copy(w, new PriceTarget.ForProduct(request.product()), w.customerGroups(),
          w.channels(), w.validity()));
    }
    if (w.customerGroups().isEmpty() && !request.customerGroups().isEmpty()) {
      return Option.of(copy(w, w.target(), HashSet.of(request.customerGroups().head()),
          w.channels(), w.validity()));
    }
    if (w.channels().isEmpty()) {
      return Option.of(copy(w, w.target(), w.customerGroups(), HashSet.of(request.channel()),
          w.validity()));
    }
    if (w.validity().isEmpty()) {
      return Option.of(copy(w, w.target(), w.customerGroups(), w.channels(), Option.of(
          TimeWindow.of(request.at().minus(Duration.ofDays(1)), request.at().plusSeconds(1)))));
    }
    if (w.validity().get().start().isBefore(request.at())) {
      return Option.of(copy(w, w.target(), w.customerGroups(), w.channels(),
          Option.of(TimeWindow.of(request.at(), w.validity().get().end()))));
    }
    return Option.none();
  }

  private static PriceEntry copy(PriceEntry w, PriceTarget target,
      io.vavr.collection.Set<String> groups, io.vavr.collection.Set<String> channels,
      Option<TimeWindow> validity) {
    return new PriceEntry("sharper", target, w.list(), w.sale(), w.breaks(), channels, groups,
        validity, w.cost(), w.floor());
  }

  @Test
  void aSelectionNeverPassesAnEntryFailingTheCurrencyOrValidityFilter() {
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      Seq<PriceBook> books = books(seeds);
      PriceRequest request = PriceScenario.request(requestSeed);

      Either<PricingRejection, PriceSelection> result = PriceSelector.select(books, request);

      result.forEach(selection -> {
        PriceBook book = books.find(b -> b.id().equals(selection.book())).get();
        assertThat(book.currency()).isEqualTo(request.currency());
        assertThat(selection.entry().validity().forAll(w -> w.contains(request.at()))).isTrue();
        selection.considered().forEach(considered -> {
          PriceBook of = books.find(b -> b.id().equals(considered.book())).get();
          PriceEntry entry = of.entry(considered.entry()).get();
          if (considered.code().equals("pricing.price.currency")) {
            assertThat(of.currency()).isNotEqualTo(request.currency());
          }
          if (considered.code().equals("pricing.price.not_valid")) {
            assertThat(entry.validity().get().contains(request.at())).isFalse();
          }
        });
      });
      boolean anyPasses = books.exists(b -> b.currency().equals(request.currency())
          && b.entries().exists(e -> PriceScenario.related(e)
              && e.validity().forAll(w -> w.contains(request.at()))
              && (e.channels().isEmpty() || e.channels().contains(request.channel()))
              && (e.customerGroups().isEmpty()
                  || e.customerGroups().exists(request.customerGroups()::contains))
              && e.list().unit().isConvertibleTo(request.quantity().unit())));
      assertThat(result.isRight()).isEqualTo(anyPasses);
    });
  }

  @Test
  void anIndexedPriceListSelectsExactlyAsTheBooksDo() {
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      Seq<PriceBook> books = books(seeds);
      PriceRequest request = PriceScenario.request(requestSeed);

      assertThat(PriceList.of(books).select(request))
          .isEqualTo(PriceSelector.select(books, request));
    });
  }

  @Test
  void theWinnerWithoutExplanationIsTheSelectedEntryAtTheSelectedUnitPrice() {
    qt().forAll(SEEDS, longs().all()).checkAssert((seeds, requestSeed) -> {
      PriceList prices = PriceList.of(books(seeds));
      PriceRequest request = PriceScenario.request(requestSeed);

      Either<PricingRejection, PriceSelection> selected = prices.select(request);
      PriceSelector.Slot winner = prices.winner(request.product(), request.categories(),
          request.quantity(), request.currency(), request.channel(), request.customerGroups(),
          request.at());

      assertThat(winner == null).as("refused: %s", selected).isEqualTo(selected.isLeft());
      if (winner != null) {
        assertThat(winner.entry).isSameAs(selected.get().entry());
        assertThat(PriceSelector.applying(winner.entry, request.quantity()))
            .isSameAs(selected.get().unitPrice());
      }
    });
  }
}
