package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.LeadStatus;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The contract of lead storage every adapter must keep: the generic repository contract for leads,
 * plus their queries (an owner's and a team's leads, the leads of a status and of a campaign, all
 * newest first, and the leads holding a contact value) returning exactly the matching leads in
 * order, page by page, and following every change of owner, status and contact points. A stale
 * save is refused. An adapter runs it by implementing {@link #newStore()} in a test class named
 * {@code …Contract…}.
 */
public interface LeadRepositoryContract extends RepositoryContract<LeadId, Lead> {

  /** The capture time of lead 0; lead n is captured n hours later. */
  Instant T0 = Instant.parse("2026-05-04T02:00:00Z");

  @Override
  default Repository<LeadId, Lead> repositoryOf(CrmStore store) {
    return LeadRepository.in(store);
  }

  /**
   * Returns new lead {@code L-00000n}: owner {@code E-(n % 3)} unless {@code n % 4 == 3} (no
   * owner), team {@code team-a} when n is even, email {@code lead<n>@example.com}, campaign
   * {@code spring-fair} when {@code n % 3 == 0}, {@code 618} when {@code n % 3 == 2}, none
   * otherwise; captured n hours after {@code T0}.
   */
  @Override
  default Lead anAggregate(int n) {
    return SalesRecords.lead(String.format("L-%06d", n),
        n % 4 == 3 ? Option.none() : Option.of("E-" + (n % 3)),
        n % 2 == 0 ? Option.of("team-a") : Option.none(), "lead" + n + "@example.com",
        n % 3 == 0 ? Option.of("spring-fair") : n % 3 == 2 ? Option.of("618") : Option.none(),
        T0.plus(Duration.ofHours(n)));
  }

  @Override
  default Lead changed(Lead lead) {
    return SalesRecords.reassigned(lead, lead.owner().map(EmployeeId::value),
        (lead.score().getOrElse(0) + 1) % 101, lead.updatedAt().plusSeconds(1));
  }

  /** Saves leads 1 to n and returns them in id order. */
  private List<Lead> saveUpTo(LeadRepository repository, int n) {
    for (int i = 1; i <= n; i++) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  private static void resave(LeadRepository repository, Lead changed) {
    Version read = repository.find(changed.id()).get().version();
    assertThat(repository.save(changed, read).isRight()).as("saved").isTrue();
  }

  private Lead stored(LeadRepository repository, int n) {
    return repository.find(anAggregate(n).id()).get().value();
  }

  private static List<String> newestFirst(List<Lead> leads) {
    return leads.sorted(Comparator.comparing(Lead::createdAt).reversed()
        .thenComparing(l -> l.id().value())).map(l -> l.id().value());
  }

  private static List<String> ids(io.vavr.collection.Seq<io.rapport.crm.persistence.Versioned<Lead>>
      found) {
    return found.map(v -> v.value().id().value()).toList();
  }

  @Test
  default void listsAnOwnersAndATeamsLeadsNewestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      LeadRepository leads = LeadRepository.in(store);
      List<Lead> all = saveUpTo(leads, 24);
      List<String> owned = newestFirst(all.filter(l -> l.owner()
          .contains(EmployeeId.parse("E-1"))));
      assertThat(owned).hasSize(6);
      assertThat(idsOfAllPages(after -> leads.ownedBy(EmployeeId.parse("E-1"), after, 4), 4,
          (Lead l) -> l.id().value())).containsExactlyElementsOf(owned);
      assertThat(idsOfAllPages(after -> leads.ofTeam(TeamId.parse("team-a"), after, 5), 5,
          (Lead l) -> l.id().value()))
          .containsExactlyElementsOf(newestFirst(all.filter(l -> l.team().isDefined())));
      Instant later = T0.plus(Duration.ofDays(5));
      resave(leads, SalesRecords.reassigned(stored(leads, 1), Option.of("E-2"), 70, later));
      resave(leads, SalesRecords.reassigned(stored(leads, 4), Option.none(), 70, later));
      assertThat(ids(leads.ownedBy(EmployeeId.parse("E-1"), Option.none(), 100).items()))
          .doesNotContain("L-000001", "L-000004").hasSize(4);
      assertThat(ids(leads.ownedBy(EmployeeId.parse("E-2"), Option.none(), 100).items()))
          .endsWith("L-000001");
    }
  }

  @Test
  default void listsTheLeadsOfAStatusNewestFirstAndFollowsStatusChanges() {
    try (CrmStore store = newStore()) {
      LeadRepository leads = LeadRepository.in(store);
      List<Lead> all = saveUpTo(leads, 8);
      assertThat(idsOfAllPages(after -> leads.withStatus(LeadStatus.NEW, after, 3), 3,
          (Lead l) -> l.id().value())).containsExactlyElementsOf(newestFirst(all));
      Instant later = T0.plus(Duration.ofDays(2));
      resave(leads, SalesRecords.withStatus(stored(leads, 2), LeadStatus.DISQUALIFIED, later));
      resave(leads, SalesRecords.withStatus(stored(leads, 5), LeadStatus.CONVERTED, later));
      resave(leads, SalesRecords.withStatus(stored(leads, 3), LeadStatus.WORKING, later));
      resave(leads, SalesRecords.withStatus(stored(leads, 7), LeadStatus.WORKING, later));
      assertThat(ids(leads.withStatus(LeadStatus.NEW, Option.none(), 100).items()))
          .containsExactly("L-000008", "L-000006", "L-000004", "L-000001");
      assertThat(ids(leads.withStatus(LeadStatus.WORKING, Option.none(), 100).items()))
          .containsExactly("L-000007", "L-000003");
      assertThat(ids(leads.withStatus(LeadStatus.DISQUALIFIED, Option.none(), 100).items()))
          .containsExactly("L-000002");
      assertThat(ids(leads.withStatus(LeadStatus.CONVERTED, Option.none(), 100).items()))
          .containsExactly("L-000005");
      assertThat(leads.withStatus(LeadStatus.QUALIFIED, Option.none(), 100).items()).isEmpty();
      assertThat(ids(leads.ownedBy(EmployeeId.parse("E-2"), Option.none(), 100).items()))
          .contains("L-000002", "L-000005");
    }
  }

  @Test
  default void findsTheLeadsHoldingAContactValueOnItsNormalisedForm() {
    try (CrmStore store = newStore()) {
      LeadRepository leads = LeadRepository.in(store);
      saveUpTo(leads, 10);
      assertThat(ids(leads.byContactValue(EmailAddress.parse("LEAD7@Example.COM"))))
          .containsExactly("L-000007");
      Instant later = T0.plus(Duration.ofDays(1));
      PhoneNumber phone = PhoneNumber.ofE164("+8613800138000");
      resave(leads, SalesRecords.withContactPoints(stored(leads, 7), List.of(new ContactPoint(
          phone, Option.none(), true, false, Option.none(), Option.none())), later));
      resave(leads, SalesRecords.withContactPoints(stored(leads, 3), List.of(
          new ContactPoint(EmailAddress.parse("lead3@example.com"), Option.none(), true, true,
              Option.none(), Option.none()),
          new ContactPoint(phone, Option.none(), true, false, Option.none(), Option.none())),
          later));
      assertThat(leads.byContactValue(EmailAddress.parse("lead7@example.com"))).isEmpty();
      assertThat(ids(leads.byContactValue(PhoneNumber.ofE164("+8613800138000"))))
          .containsExactly("L-000003", "L-000007");
      assertThat(ids(leads.byContactValue(EmailAddress.parse("lead3@example.com"))))
          .containsExactly("L-000003");
      leads.erase(LeadId.parse("L-000003"));
      assertThat(ids(leads.byContactValue(phone))).containsExactly("L-000007");
    }
  }

  @Test
  default void listsTheLeadsOfACampaignNewestFirst() {
    try (CrmStore store = newStore()) {
      LeadRepository leads = LeadRepository.in(store);
      List<Lead> all = saveUpTo(leads, 15);
      assertThat(idsOfAllPages(after -> leads.fromCampaign("spring-fair", after, 2), 2,
          (Lead l) -> l.id().value())).containsExactlyElementsOf(newestFirst(all.filter(
              l -> l.source().campaign().contains("spring-fair"))));
      assertThat(ids(leads.fromCampaign("618", Option.none(), 100).items()))
          .containsExactly("L-000014", "L-000011", "L-000008", "L-000005", "L-000002");
      assertThat(leads.fromCampaign("Spring-Fair", Option.none(), 100).items()).isEmpty();
      assertThat(leads.fromCampaign("", Option.none(), 100).items()).isEmpty();
    }
  }

  @Test
  default void aStaleChangeIsRefusedAndTheIndexesKeepTheSavedOne() {
    try (CrmStore store = newStore()) {
      LeadRepository leads = LeadRepository.in(store);
      Lead read = anAggregate(1);
      leads.save(read, Version.NEW);
      Instant later = T0.plus(Duration.ofDays(1));
      assertThat(leads.save(SalesRecords.withStatus(read, LeadStatus.DISQUALIFIED, later),
          Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale = leads.save(
          SalesRecords.withStatus(read, LeadStatus.CONVERTED, later.plusSeconds(1)), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(ids(leads.withStatus(LeadStatus.DISQUALIFIED, Option.none(), 100).items()))
          .containsExactly("L-000001");
      assertThat(leads.withStatus(LeadStatus.CONVERTED, Option.none(), 100).items()).isEmpty();
      assertThat(leads.withStatus(LeadStatus.NEW, Option.none(), 100).items()).isEmpty();
    }
  }
}
