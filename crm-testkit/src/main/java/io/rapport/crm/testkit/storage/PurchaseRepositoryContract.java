package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.CNY;
import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.sales.Purchase;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The contract of purchase storage every adapter must keep: the generic repository contract for
 * purchases, plus their queries (a customer's purchases newest first, the purchases of an
 * opportunity, the purchases of a period with its start included and its end excluded) and the
 * stream of every purchase in customer and time order, read page by page without gaps or repeats,
 * with customer ids that are prefixes of others. A stale refund is refused. An adapter runs it by
 * implementing {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface PurchaseRepositoryContract extends RepositoryContract<PurchaseId, Purchase> {

  /** The earliest purchase time of the contract's purchases. */
  Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

  /** The customers of the contract's purchases: some ids are prefixes of others. */
  List<String> CUSTOMERS = List.of("C-1", "C-10", "C-2", "C-1.5", "C-9");

  @Override
  default Repository<PurchaseId, Purchase> repositoryOf(CrmStore store) {
    return PurchaseRepository.in(store);
  }

  /**
   * Returns purchase {@code PU-00000n}: of customer {@code CUSTOMERS[n % 5]}, closing opportunity
   * {@code O-n} when n is even, bought {@code (n * 37) % 50} hours after {@code T0} (so time order
   * is not id order, and some purchases share a time).
   */
  @Override
  default Purchase anAggregate(int n) {
    return SalesRecords.purchase(String.format("PU-%06d", n), CUSTOMERS.get(n % 5),
        n % 2 == 0 ? Option.of("O-" + n) : Option.none(),
        T0.plus(Duration.ofHours((n * 37L) % 50)));
  }

  @Override
  default Purchase changed(Purchase purchase) {
    return SalesRecords.delivered(purchase, purchase.updatedAt().plusSeconds(1));
  }

  /** Saves purchases 1 to n and returns them in id order. */
  private List<Purchase> saveUpTo(PurchaseRepository repository, int n) {
    for (int i = n; i >= 1; i--) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  private static List<String> ids(List<Purchase> purchases) {
    return purchases.map(p -> p.id().value());
  }

  @Test
  default void listsACustomersPurchasesNewestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      List<Purchase> all = saveUpTo(purchases, 40);
      List<String> expected = ids(all.filter(p -> p.customer().value().equals("C-10"))
          .sorted(Comparator.comparing(Purchase::purchasedAt).reversed()
              .thenComparing(p -> p.id().value())));
      assertThat(expected).hasSize(8);
      assertThat(idsOfAllPages(after -> purchases.ofCustomer(CustomerId.parse("C-10"), after, 3),
          3, (Purchase p) -> p.id().value())).containsExactlyElementsOf(expected);
      assertThat(purchases.ofCustomer(CustomerId.parse("C-3"), Option.none(), 10).items())
          .isEmpty();
    }
  }

  @Test
  default void findsThePurchasesOfAnOpportunity() {
    try (CrmStore store = newStore()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      saveUpTo(purchases, 10);
      assertThat(purchases.forOpportunity(OpportunityId.parse("O-4"), Option.none(), 10).items()
          .map(v -> v.value().id().value())).containsExactly("PU-000004");
      assertThat(purchases.forOpportunity(OpportunityId.parse("O-3"), Option.none(), 10).items())
          .isEmpty();
    }
  }

  @Test
  default void findsThePurchasesFromTheFirstInstantIncludedToTheLastExcluded() {
    try (CrmStore store = newStore()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      List<Purchase> all = saveUpTo(purchases, 30);
      Instant from = T0.plus(Duration.ofHours(11));
      Instant until = T0.plus(Duration.ofHours(24));
      List<String> expected = ids(all.filter(p -> !p.purchasedAt().isBefore(from)
          && p.purchasedAt().isBefore(until)).sorted(Comparator.comparing(Purchase::purchasedAt)
          .thenComparing(p -> p.id().value())));
      assertThat(all.map(Purchase::purchasedAt)).contains(from, until);
      assertThat(expected).isNotEmpty();
      assertThat(idsOfAllPages(after -> purchases.purchasedBetween(from, until, after, 2), 2,
          (Purchase p) -> p.id().value())).containsExactlyElementsOf(expected);
      assertThat(purchases.purchasedBetween(until, from, Option.none(), 10).items()).isEmpty();
    }
  }

  @Test
  default void streamsEveryPurchaseCustomerByCustomerInTimeOrder() {
    try (CrmStore store = newStore()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      List<Purchase> all = saveUpTo(purchases, 60);
      List<String> expected = ids(all.sorted(Comparator.comparing((Purchase p) ->
          p.customer().value()).thenComparing(Purchase::purchasedAt)
          .thenComparing(p -> p.id().value())));
      List<String> streamed = idsOfAllPages(after -> purchases.inCustomerOrder(after, 7), 7,
          (Purchase p) -> p.id().value());
      assertThat(streamed).containsExactlyElementsOf(expected);
      List<String> customers = streamed.map(id -> all.find(p -> p.id().value().equals(id)).get()
          .customer().value()).distinct();
      assertThat(customers).containsExactly("C-1", "C-1.5", "C-10", "C-2", "C-9");
      purchases.erase(PurchaseId.parse("PU-000010"));
      assertThat(idsOfAllPages(after -> purchases.inCustomerOrder(after, 13), 13,
          (Purchase p) -> p.id().value())).containsExactlyElementsOf(expected.remove("PU-000010"));
    }
  }

  @Test
  default void aStaleRefundIsRefusedAndTheFirstIsKept() {
    try (CrmStore store = newStore()) {
      PurchaseRepository purchases = PurchaseRepository.in(store);
      Purchase read = anAggregate(1);
      purchases.save(read, Version.NEW);
      Instant later = read.updatedAt().plus(Duration.ofDays(1));
      Purchase first = SalesRecords.refunded(read, Money.of("100.00", CNY), later);
      assertThat(purchases.save(first, Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale = purchases.save(
          SalesRecords.refunded(read, Money.of("200.00", CNY), later.plusSeconds(1)),
          Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(purchases.find(read.id()).get().value().refunds().map(r -> r.amount()))
          .containsExactly(Money.of("100.00", CNY));
    }
  }
}
