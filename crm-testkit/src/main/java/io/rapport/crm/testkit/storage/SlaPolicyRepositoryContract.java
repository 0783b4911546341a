package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.service.SlaPolicyRepository;
import io.rapport.crm.service.SlaPolicy;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The contract of SLA policy storage every adapter must keep: the generic repository contract for
 * policies, plus the rank order in which they are tried (lowest rank first, equal ranks in id
 * order), page by page and all at once, following every change of rank and every erasure. A
 * stale save is refused and leaves the order on the saved state. An adapter runs it by
 * implementing {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface SlaPolicyRepositoryContract extends RepositoryContract<SlaPolicyId, SlaPolicy> {

  @Override
  default Repository<SlaPolicyId, SlaPolicy> repositoryOf(CrmStore store) {
    return SlaPolicyRepository.in(store);
  }

  /**
   * Returns policy {@code SP-00000n} of rank {@code (7n) % 11}, so that ranks repeat and do not
   * follow the ids.
   */
  @Override
  default SlaPolicy anAggregate(int n) {
    String id = String.format("SP-%06d", n);
    return ServiceRecords.policy(id, "Gold customers 金卡 " + id, (7 * n) % 11);
  }

  @Override
  default SlaPolicy changed(SlaPolicy policy) {
    return ServiceRecords.renamed(policy, policy.name() + " (revised)", policy.rank() + 1);
  }

  private static List<String> ids(Iterable<Versioned<SlaPolicy>> policies) {
    return List.ofAll(policies).map(v -> v.value().id().value());
  }

  private static Comparator<SlaPolicy> rankOrder() {
    return Comparator.comparingInt(SlaPolicy::rank).thenComparing(p -> p.id().value());
  }

  @Test
  default void listsEveryPolicyByRankThenIdAllAtOnceAndPageByPage() {
    try (CrmStore store = newStore()) {
      SlaPolicyRepository policies = SlaPolicyRepository.in(store);
      for (int n = 30; n >= 1; n--) {
        policies.save(anAggregate(n), Version.NEW);
      }
      List<String> expected = List.rangeClosed(1, 30).map(this::anAggregate)
          .sorted(rankOrder()).map(p -> p.id().value());
      assertThat(expected).startsWith("SP-000011", "SP-000022", "SP-000008", "SP-000019");
      assertThat(ids(policies.byRank())).containsExactlyElementsOf(expected);
      assertThat(SalesRecords.idsOfAllPages(after -> policies.byRank(after, 4), 4,
          (SlaPolicy p) -> p.id().value())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void aNewRankOrAnErasureReordersTheList() {
    try (CrmStore store = newStore()) {
      SlaPolicyRepository policies = SlaPolicyRepository.in(store);
      for (int n = 1; n <= 5; n++) {
        policies.save(anAggregate(n), Version.NEW);
      }
      assertThat(ids(policies.byRank())).containsExactly("SP-000005", "SP-000002", "SP-000004",
          "SP-000001", "SP-000003");
      SlaPolicy first = policies.find(anAggregate(1).id()).get().value();
      assertThat(policies.save(ServiceRecords.renamed(first, first.name(), 0), Version.of(1))
          .isRight()).isTrue();
      assertThat(policies.save(ServiceRecords.renamed(anAggregate(2), "x", 1_000_000),
          Version.of(1)).isRight()).isTrue();
      assertThat(policies.erase(anAggregate(5).id())).isTrue();
      assertThat(ids(policies.byRank())).containsExactly("SP-000001", "SP-000004", "SP-000003",
          "SP-000002");
      assertThat(policies.byRank().head().value().rank()).isZero();
    }
  }

  @Test
  default void aStaleSaveIsRefusedAndTheOrderKeepsTheSavedRank() {
    try (CrmStore store = newStore()) {
      SlaPolicyRepository policies = SlaPolicyRepository.in(store);
      SlaPolicy read = anAggregate(1);
      policies.save(read, Version.NEW);
      policies.save(anAggregate(2), Version.NEW);
      assertThat(policies.save(ServiceRecords.renamed(read, read.name(), 1), Version.of(1)))
          .isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale =
          policies.save(ServiceRecords.renamed(read, read.name(), 99), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(ids(policies.byRank())).containsExactly("SP-000001", "SP-000002");
      Page<Versioned<SlaPolicy>, IndexCursor> page = policies.byRank(Option.none(), 1);
      assertThat(page.items().head().value().rank()).isEqualTo(1);
      assertThat(page.next()).isNotEmpty();
    }
  }

  @Test
  default void anEmptyStoreHasNoPolicies() {
    try (CrmStore store = newStore()) {
      SlaPolicyRepository policies = SlaPolicyRepository.in(store);
      assertThat(policies.byRank()).isEmpty();
      assertThat(policies.byRank(Option.none(), 10).isLast()).isTrue();
    }
  }
}
