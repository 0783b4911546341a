package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract of loyalty account storage every adapter must keep: the generic repository
 * contract for accounts, plus their queries (a customer's accounts, the account of a customer in
 * a program, a program's members, the accounts whose tier falls due before a time, the accounts
 * holding points that expire before a time, the members an account referred) returning exactly
 * the matching accounts in the documented order, page by page without loss or repeats, and
 * following every change: an account whose points expired and was saved again leaves the
 * expiring query, one re-evaluated and saved with a later status moves on in (or leaves) the due
 * query. A stale save is refused and leaves the indexes on the saved state. An adapter runs it by
 * implementing {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface LoyaltyAccountRepositoryContract
    extends RepositoryContract<LoyaltyAccountId, LoyaltyAccount> {

  /** When account 0 joined; account n joined n hours later. */
  Instant T0 = Instant.parse("2026-02-02T01:00:00Z");
  /** The first tier evaluation; account n is evaluated {@code (7n) % 20} hours later. */
  Instant DUE0 = T0.plus(Duration.ofDays(30));
  /** The first expiry; account n's points expire {@code (11n) % 20} hours later. */
  Instant EXPIRY0 = T0.plus(Duration.ofDays(60));

  @Override
  default Repository<LoyaltyAccountId, LoyaltyAccount> repositoryOf(CrmStore store) {
    return LoyaltyAccountRepository.in(store);
  }

  /**
   * Returns account {@code LA-00000n}: customer {@code C-(n % 5)} in program
   * {@code LP-(n % 3)}, joined {@code n} hours after {@link #T0}; its 100 points expire
   * {@code (11n) % 20} hours after {@link #EXPIRY0} unless n is a multiple of 4 (never); its tier
   * is evaluated {@code (7n) % 20} hours after {@link #DUE0}, and when n is a multiple of 6 a
   * downgrade notice takes effect n minutes before {@link #DUE0}; referred by {@code LA-R(n % 2)}
   * when {@code n % 3 == 1}.
   */
  @Override
  default LoyaltyAccount anAggregate(int n) {
    return LoyaltyRecords.account(String.format("LA-%06d", n), "LP-" + (n % 3), "C-" + (n % 5),
        T0.plus(Duration.ofHours(n)),
        n % 4 == 0 ? Option.none() : Option.of(EXPIRY0.plus(Duration.ofHours((11L * n) % 20))),
        DUE0.plus(Duration.ofHours((7L * n) % 20)),
        n % 6 == 0 ? Option.of(DUE0.minus(Duration.ofMinutes(n))) : Option.none(),
        n % 3 == 1 ? Option.of("LA-R" + (n % 2)) : Option.none());
  }

  @Override
  default LoyaltyAccount changed(LoyaltyAccount account) {
    return LoyaltyRecords.touched(account, account.updatedAt().plusSeconds(1));
  }

  /** Saves accounts 1 to n, newest first, and returns them in id order. */
  private List<LoyaltyAccount> saveUpTo(LoyaltyAccountRepository repository, int n) {
    for (int i = n; i >= 1; i--) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  /** Saves a changed account over the stored one, or fails. */
  private static void resave(LoyaltyAccountRepository repository, LoyaltyAccount changed) {
    Version read = repository.find(changed.id()).get().version();
    assertThat(repository.save(changed, read).isRight()).as("saved").isTrue();
  }

  private LoyaltyAccount stored(LoyaltyAccountRepository repository, int n) {
    return repository.find(anAggregate(n).id()).get().value();
  }

  private static List<String> ids(List<LoyaltyAccount> accounts) {
    return accounts.map(a -> a.id().value());
  }

  private static List<String> all(
      Function<Option<IndexCursor>, Page<Versioned<LoyaltyAccount>, IndexCursor>> query,
      int limit) {
    return idsOfAllPages(query, limit, (LoyaltyAccount a) -> a.id().value());
  }

  private static Comparator<LoyaltyAccount> byTierDue() {
    return Comparator.comparing(LoyaltyAccount::tierDueAt).thenComparing(a -> a.id().value());
  }

  private static Comparator<LoyaltyAccount> byExpiry() {
    return Comparator.comparing((LoyaltyAccount a) -> a.nextExpiry().get())
        .thenComparing(a -> a.id().value());
  }

  @Test
  default void listsACustomersAccountsInEveryProgramOldestJoinedFirstPageByPage() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      saveUpTo(accounts, 20);
      assertThat(all(after -> accounts.ofCustomer(CustomerId.parse("C-1"), after, 3), 3))
          .containsExactly("LA-000001", "LA-000006", "LA-000011", "LA-000016");
      assertThat(all(after -> accounts.ofCustomer(CustomerId.parse("C-9"), after, 3), 3))
          .isEmpty();
    }
  }

  @Test
  default void findsTheAccountOfACustomerInAProgram() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      saveUpTo(accounts, 14);
      // account 7: program LP-1, customer C-2; account 2: LP-2 and C-2; account 12: LP-0 and C-2;
      // the only pair missing among 1 to 14 is that of account 15: LP-0 and C-0
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-1"),
          CustomerId.parse("C-2")).map(v -> v.value().id().value())).containsExactly("LA-000007");
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-2"),
          CustomerId.parse("C-2")).map(v -> v.value().id().value())).containsExactly("LA-000002");
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-0"),
          CustomerId.parse("C-2")).map(v -> v.value().id().value())).containsExactly("LA-000012");
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-0"),
          CustomerId.parse("C-0")).isEmpty()).isTrue();
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-9"),
          CustomerId.parse("C-1")).isEmpty()).isTrue();
      assertThat(accounts.erase(anAggregate(7).id())).isTrue();
      assertThat(accounts.ofProgramAndCustomer(LoyaltyProgramId.parse("LP-1"),
          CustomerId.parse("C-2")).isEmpty()).isTrue();
    }
  }

  @Test
  default void listsAProgramsMembersOldestJoinedFirstPageByPage() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      List<LoyaltyAccount> saved = saveUpTo(accounts, 30);
      List<String> expected = ids(saved.filter(a -> a.program().value().equals("LP-2")));
      assertThat(expected).hasSize(10).startsWith("LA-000002", "LA-000005");
      assertThat(all(after -> accounts.ofProgram(LoyaltyProgramId.parse("LP-2"), after, 4), 4))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void findsAccountsWhoseTierIsDueBeforeATimeSoonestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      List<LoyaltyAccount> saved = saveUpTo(accounts, 30);
      Instant until = DUE0.plus(Duration.ofHours(9));
      List<String> expected = ids(saved.filter(a -> a.tierDueAt().isBefore(until))
          .sorted(byTierDue()));
      // notices first (due before DUE0, latest notice first), then by evaluation time
      assertThat(expected).startsWith("LA-000030", "LA-000024", "LA-000018", "LA-000012",
          "LA-000006", "LA-000020", "LA-000003");
      assertThat(expected).doesNotContain("LA-000002", "LA-000005");
      assertThat(all(after -> accounts.tierDueBefore(until, after, 4), 4))
          .containsExactlyElementsOf(expected);
      assertThat(all(after -> accounts.tierDueBefore(DUE0.minus(Duration.ofHours(1)), after,
          5), 5)).isEmpty();
    }
  }

  @Test
  default void aReevaluatedAccountMovesOnInTheDueOrder() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      saveUpTo(accounts, 10);
      Instant until = DUE0.plus(Duration.ofHours(20));
      assertThat(all(after -> accounts.tierDueBefore(until, after, 3), 3)).hasSize(10)
          .startsWith("LA-000006");
      Instant evaluatedAt = DUE0;
      resave(accounts, LoyaltyRecords.reevaluated(stored(accounts, 6), evaluatedAt,
          DUE0.plus(Duration.ofDays(365))));
      resave(accounts, LoyaltyRecords.reevaluated(stored(accounts, 3), evaluatedAt,
          DUE0.plus(Duration.ofHours(19))));
      List<String> now = all(after -> accounts.tierDueBefore(until, after, 3), 3);
      assertThat(now).hasSize(9).doesNotContain("LA-000006").endsWith("LA-000003");
      assertThat(all(after -> accounts.tierDueBefore(DUE0.plus(Duration.ofDays(366)), after,
          3), 3)).hasSize(10).endsWith("LA-000006");
    }
  }

  @Test
  default void findsAccountsWithPointsExpiringBeforeATimeSoonestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      List<LoyaltyAccount> saved = saveUpTo(accounts, 30);
      Instant until = EXPIRY0.plus(Duration.ofHours(10));
      List<String> expected = ids(saved.filter(a -> a.nextExpiry().exists(at -> at.isBefore(until)))
          .sorted(byExpiry()));
      assertThat(expected).startsWith("LA-000011", "LA-000002", "LA-000022", "LA-000013");
      assertThat(expected).doesNotContain("LA-000004", "LA-000008", "LA-000001");
      assertThat(all(after -> accounts.pointsExpiringBefore(until, after, 4), 4))
          .containsExactlyElementsOf(expected);
      assertThat(all(after -> accounts.pointsExpiringBefore(EXPIRY0.plus(Duration.ofDays(9)),
          after, 7), 7)).hasSize(23).doesNotContain("LA-000004", "LA-000028");
    }
  }

  @Test
  default void anAccountLeavesTheExpiringQueryOnceItsPointsExpired() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      saveUpTo(accounts, 6);
      Instant until = EXPIRY0.plus(Duration.ofDays(1));
      assertThat(all(after -> accounts.pointsExpiringBefore(until, after, 2), 2))
          .containsExactly("LA-000002", "LA-000006", "LA-000001", "LA-000003", "LA-000005");
      LoyaltyAccount second = stored(accounts, 2);
      Instant expiry = second.nextExpiry().get();
      resave(accounts, LoyaltyRecords.expired(second, expiry, expiry.plus(Duration.ofHours(1))));
      assertThat(stored(accounts, 2).nextExpiry().isEmpty()).isTrue();
      assertThat(all(after -> accounts.pointsExpiringBefore(until, after, 2), 2))
          .containsExactly("LA-000006", "LA-000001", "LA-000003", "LA-000005");
    }
  }

  @Test
  default void listsTheMembersAnAccountReferredOldestJoinedFirst() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      saveUpTo(accounts, 20);
      assertThat(all(after -> accounts.referredBy(LoyaltyAccountId.parse("LA-R1"), after, 2), 2))
          .containsExactly("LA-000001", "LA-000007", "LA-000013", "LA-000019");
      assertThat(all(after -> accounts.referredBy(LoyaltyAccountId.parse("LA-R0"), after, 2), 2))
          .containsExactly("LA-000004", "LA-000010", "LA-000016");
      assertThat(all(after -> accounts.referredBy(anAggregate(1).id(), after, 2), 2)).isEmpty();
    }
  }

  @Test
  default void aStaleSaveIsRefusedAndTheIndexesKeepTheSavedState() {
    try (CrmStore store = newStore()) {
      LoyaltyAccountRepository accounts = LoyaltyAccountRepository.in(store);
      LoyaltyAccount read = anAggregate(1);
      accounts.save(read, Version.NEW);
      LoyaltyAccount expired = LoyaltyRecords.expired(read, read.nextExpiry().get(),
          read.nextExpiry().get());
      assertThat(accounts.save(expired, Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale = accounts.save(LoyaltyRecords.reevaluated(read,
          read.updatedAt(), DUE0.plus(Duration.ofDays(400))), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(all(after -> accounts.pointsExpiringBefore(EXPIRY0.plus(Duration.ofDays(30)),
          after, 5), 5)).isEmpty();
      assertThat(all(after -> accounts.tierDueBefore(DUE0.plus(Duration.ofDays(1)), after, 5),
          5)).containsExactly("LA-000001");
      assertThat(accounts.find(read.id()).get()).isEqualTo(new Versioned<>(expired,
          Version.of(2)));
    }
  }
}
