package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.NEGOTIATION;
import static io.rapport.crm.testkit.storage.SalesRecords.PROPOSAL;
import static io.rapport.crm.testkit.storage.SalesRecords.QUALIFICATION;
import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import io.rapport.crm.sales.StageCode;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The contract of opportunity storage every adapter must keep: the generic repository contract for
 * opportunities, plus their queries (an owner's and a team's deals by status, deals in a stage, a
 * customer's deals, open deals closing in a date range, deals closed in a period) returning exactly
 * the matching deals in the documented order, page by page, and following every move: to another
 * stage, owner or team, to another expected close date, won, lost and reopened. A stale save is
 * refused and leaves the indexes on the saved state. An adapter runs it by implementing
 * {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface OpportunityRepositoryContract
    extends RepositoryContract<OpportunityId, Opportunity> {

  /** The creation time of opportunity 0; opportunity n is created n hours later. */
  Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  /** The first expected close date; opportunity n expects to close {@code n % 10} days later. */
  LocalDate D0 = LocalDate.of(2026, 4, 1);
  /** The contract's pipeline. */
  PipelineId PIPELINE = PipelineId.parse("PL-standard");

  @Override
  default Repository<OpportunityId, Opportunity> repositoryOf(CrmStore store) {
    return OpportunityRepository.in(store);
  }

  /**
   * Returns open opportunity {@code O-00000n}: customer {@code C-(n % 5)}, owner
   * {@code E-(n % 3)}, team {@code team-a} when n is even, in stage qualification, proposal or
   * negotiation by {@code n % 3}, expected to close on {@code D0 + n % 10} days unless n is a
   * multiple of 4 (undated), created {@code n} hours after {@code T0}.
   */
  @Override
  default Opportunity anAggregate(int n) {
    return SalesRecords.opportunity(String.format("O-%06d", n), "C-" + (n % 5), "E-" + (n % 3),
        n % 2 == 0 ? Option.of("team-a") : Option.none(),
        List.of(QUALIFICATION, PROPOSAL, NEGOTIATION).get(n % 3),
        n % 4 == 0 ? Option.none() : Option.of(D0.plusDays(n % 10)),
        T0.plus(Duration.ofHours(n)));
  }

  @Override
  default Opportunity changed(Opportunity opportunity) {
    return SalesRecords.rescheduled(opportunity,
        Option.of(opportunity.expectedClose().getOrElse(D0).plusDays(1)),
        opportunity.updatedAt().plusSeconds(1));
  }

  /** Saves opportunities 1 to n, newest first, and returns them in id order. */
  private List<Opportunity> saveUpTo(OpportunityRepository repository, int n) {
    for (int i = n; i >= 1; i--) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  /** Saves a changed opportunity over the stored one, or fails. */
  private static void resave(OpportunityRepository repository, Opportunity changed) {
    Version read = repository.find(changed.id()).get().version();
    assertThat(repository.save(changed, read).isRight()).as("saved").isTrue();
  }

  private Opportunity stored(OpportunityRepository repository, int n) {
    return repository.find(anAggregate(n).id()).get().value();
  }

  /** Orders open deals as the owner, team and stage lists do: by expected close, undated last. */
  private static Comparator<Opportunity> byCloseDate() {
    return Comparator.comparing((Opportunity o) -> o.expectedClose().getOrElse(LocalDate.MAX))
        .thenComparing(o -> o.id().value());
  }

  private static List<String> ids(List<Opportunity> opportunities) {
    return opportunities.map(o -> o.id().value());
  }

  @Test
  default void listsAnOwnersOpenDealsSoonestCloseFirstUndatedLastPageByPage() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      List<Opportunity> all = saveUpTo(deals, 30);
      List<String> expected = ids(all.filter(o -> o.owner().value().equals("E-0"))
          .sorted(byCloseDate()));
      assertThat(expected).hasSize(10);
      assertThat(idsOfAllPages(after -> deals.ownedBy(EmployeeId.parse("E-0"), after, 3), 3,
          (Opportunity o) -> o.id().value())).containsExactlyElementsOf(expected);
      assertThat(deals.ownedBy(EmployeeId.parse("E-0"), Option.none(), 100).items().last()
          .value().expectedClose()).isEmpty();
      assertThat(deals.ownedBy(EmployeeId.parse("E-9"), Option.none(), 100).items()).isEmpty();
    }
  }

  @Test
  default void closedDealsLeaveTheOpenListsAndAreListedByStatusNewestClosedFirst() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      saveUpTo(deals, 12);
      Instant t1 = T0.plus(Duration.ofDays(10));
      resave(deals, SalesRecords.won(stored(deals, 3), t1));
      resave(deals, SalesRecords.lost(stored(deals, 6), t1.plusSeconds(3600)));
      resave(deals, SalesRecords.won(stored(deals, 9), t1.plusSeconds(7200)));
      EmployeeId owner = EmployeeId.parse("E-0");
      assertThat(ids(deals.ownedBy(owner, Option.none(), 100).items().map(v -> v.value())
          .toList())).containsExactly("O-000012");
      assertThat(ids(deals.ownedBy(owner, OpportunityStatus.WON, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000009", "O-000003");
      assertThat(ids(deals.ownedBy(owner, OpportunityStatus.LOST, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000006");
      assertThat(ids(deals.ofTeam(TeamId.parse("team-a"), OpportunityStatus.LOST, Option.none(),
          100).items().map(v -> v.value()).toList())).containsExactly("O-000006");
    }
  }

  @Test
  default void aDealHandedToAnotherOwnerOrTeamMovesBetweenTheirLists() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      List<Opportunity> all = saveUpTo(deals, 12);
      TeamId team = TeamId.parse("team-a");
      assertThat(idsOfAllPages(after -> deals.ofTeam(team, after, 2), 2,
          (Opportunity o) -> o.id().value())).containsExactlyElementsOf(
              ids(all.filter(o -> o.team().isDefined()).sorted(byCloseDate())));
      resave(deals, SalesRecords.reassigned(stored(deals, 2), "E-1", Option.none(),
          T0.plus(Duration.ofDays(1))));
      assertThat(ids(deals.ownedBy(EmployeeId.parse("E-2"), Option.none(), 100).items()
          .map(v -> v.value()).toList())).doesNotContain("O-000002").hasSize(3);
      assertThat(ids(deals.ownedBy(EmployeeId.parse("E-1"), Option.none(), 100).items()
          .map(v -> v.value()).toList())).contains("O-000002").hasSize(5);
      assertThat(ids(deals.ofTeam(team, Option.none(), 100).items().map(v -> v.value())
          .toList())).doesNotContain("O-000002").hasSize(5);
    }
  }

  @Test
  default void aDealMovedToAnotherStageMovesBetweenTheStageLists() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      List<Opportunity> all = saveUpTo(deals, 9);
      for (StageCode stage : List.of(QUALIFICATION, PROPOSAL, NEGOTIATION)) {
        assertThat(ids(deals.inStage(PIPELINE, stage, Option.none(), 100).items()
            .map(v -> v.value()).toList()))
            .containsExactlyElementsOf(ids(all.filter(o -> o.stage().equals(stage))
                .sorted(byCloseDate())));
      }
      Instant later = T0.plus(Duration.ofDays(2));
      resave(deals, SalesRecords.movedTo(stored(deals, 3), PROPOSAL, later));
      resave(deals, SalesRecords.won(stored(deals, 4), later));
      assertThat(ids(deals.inStage(PIPELINE, QUALIFICATION, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000006", "O-000009");
      assertThat(ids(deals.inStage(PIPELINE, PROPOSAL, Option.none(), 100).items()
          .map(v -> v.value()).toList())).contains("O-000003").doesNotContain("O-000004");
      assertThat(ids(deals.inStage(PIPELINE, SalesRecords.WON, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000004");
      assertThat(deals.inStage(PipelineId.parse("PL-other"), PROPOSAL, Option.none(), 100)
          .items()).isEmpty();
    }
  }

  @Test
  default void listsACustomersDealsOfEveryStatusNewestFirst() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      saveUpTo(deals, 20);
      resave(deals, SalesRecords.lost(stored(deals, 6), T0.plus(Duration.ofDays(3))));
      assertThat(idsOfAllPages(after -> deals.ofCustomer(CustomerId.parse("C-1"), after, 3), 3,
          (Opportunity o) -> o.id().value()))
          .containsExactly("O-000016", "O-000011", "O-000006", "O-000001");
    }
  }

  @Test
  default void findsOpenDealsClosingFromTheFirstDayIncludedToTheLastExcluded() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      List<Opportunity> all = saveUpTo(deals, 20);
      LocalDate from = D0.plusDays(2);
      LocalDate until = D0.plusDays(5);
      List<String> expected = ids(all.filter(o -> o.expectedClose()
          .exists(d -> !d.isBefore(from) && d.isBefore(until))).sorted(byCloseDate()));
      assertThat(expected).containsExactly("O-000002", "O-000003", "O-000013", "O-000014");
      assertThat(idsOfAllPages(after -> deals.closingBetween(from, until, after, 3), 3,
          (Opportunity o) -> o.id().value())).containsExactlyElementsOf(expected);
      Instant later = T0.plus(Duration.ofDays(1));
      resave(deals, SalesRecords.won(stored(deals, 2), later));
      resave(deals, SalesRecords.rescheduled(stored(deals, 3), Option.of(until), later));
      resave(deals, SalesRecords.rescheduled(stored(deals, 5), Option.of(from), later));
      resave(deals, SalesRecords.rescheduled(stored(deals, 13), Option.none(), later));
      assertThat(ids(deals.closingBetween(from, until, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000005", "O-000014");
      assertThat(deals.closingBetween(until, from, Option.none(), 100).items()).isEmpty();
    }
  }

  @Test
  default void findsDealsClosedFromTheFirstInstantIncludedToTheLastExcluded() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      saveUpTo(deals, 6);
      Instant t1 = T0.plus(Duration.ofDays(20));
      Duration hour = Duration.ofHours(1);
      resave(deals, SalesRecords.won(stored(deals, 1), t1));
      resave(deals, SalesRecords.lost(stored(deals, 2), t1.plus(hour)));
      resave(deals, SalesRecords.won(stored(deals, 3), t1.plus(hour.multipliedBy(2))));
      assertThat(ids(deals.closedBetween(t1, t1.plus(hour.multipliedBy(2)), Option.none(), 100)
          .items().map(v -> v.value()).toList())).containsExactly("O-000001", "O-000002");
      assertThat(idsOfAllPages(after -> deals.closedBetween(t1.plus(hour),
          t1.plus(hour.multipliedBy(3)), after, 1), 1, (Opportunity o) -> o.id().value()))
          .containsExactly("O-000002", "O-000003");
      resave(deals, SalesRecords.reopened(stored(deals, 2), t1.plus(hour.multipliedBy(4))));
      assertThat(ids(deals.closedBetween(t1, t1.plus(hour.multipliedBy(5)), Option.none(), 100)
          .items().map(v -> v.value()).toList())).containsExactly("O-000001", "O-000003");
      assertThat(ids(deals.ownedBy(EmployeeId.parse("E-2"), Option.none(), 100).items()
          .map(v -> v.value()).toList())).contains("O-000002");
    }
  }

  @Test
  default void aStaleStageMoveIsRefusedAndTheIndexesKeepTheSavedMove() {
    try (CrmStore store = newStore()) {
      OpportunityRepository deals = OpportunityRepository.in(store);
      Opportunity read = anAggregate(3);
      deals.save(read, Version.NEW);
      Instant later = T0.plus(Duration.ofDays(1));
      assertThat(deals.save(SalesRecords.movedTo(read, PROPOSAL, later), Version.of(1)))
          .isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale =
          deals.save(SalesRecords.movedTo(read, NEGOTIATION, later.plusSeconds(1)), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.of(2));
      assertThat(ids(deals.inStage(PIPELINE, PROPOSAL, Option.none(), 100).items()
          .map(v -> v.value()).toList())).containsExactly("O-000003");
      assertThat(deals.inStage(PIPELINE, NEGOTIATION, Option.none(), 100).items()).isEmpty();
      assertThat(deals.inStage(PIPELINE, QUALIFICATION, Option.none(), 100).items()).isEmpty();
    }
  }
}
