package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerMerge;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of customer storage every adapter must keep: the generic repository contract for
 * customers, plus the customer queries (owner, team, stage, tag, contact point, tax id, duplicate
 * candidates) staying right as customers change, are erased or merged. An adapter runs it by
 * implementing {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface CustomerRepositoryContract extends RepositoryContract<CustomerId, Customer> {

  /** The rules the contract registers customers with. */
  CustomerRules RULES = CustomerRules.standard("CN");

  /** Returns a stamp with a fresh event id, on day {@code day} of 2026. */
  static EventStamp stamp(int day) {
    return EventStamp.of(EventId.parse("tck-" + Counter.NEXT.incrementAndGet()),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day), ActorId.parse("tck"));
  }

  /** Numbers the contract's events. */
  final class Counter {
    static final AtomicInteger NEXT = new AtomicInteger();

    private Counter() {}
  }

  /** Registers a customer from a draft, or fails the test. */
  static Customer register(String id, CustomerDraft draft) {
    return Customer.register(CustomerId.parse(id), draft, RULES, stamp(0)).get().state();
  }

  @Override
  default Repository<CustomerId, Customer> repositoryOf(CrmStore store) {
    return CustomerRepository.in(store);
  }

  @Override
  default Customer anAggregate(int n) {
    return register(String.format("C-%06d", n), CustomerDraft.person("客户 " + n)
        .email("c" + n + "@example.com", n % 2 == 0).phone("+86 138 " + String.format("%04d %04d",
            n / 10_000, n % 10_000), false).tags(n % 3 == 0 ? "vip" : "regular")
        .owner("E-" + (n % 4)).team("team-" + (n % 2)));
  }

  @Override
  default Customer changed(Customer customer) {
    return customer.tag(List.of("changed " + (customer.tags().size() + 1)), List.empty(), stamp(1))
        .get().state();
  }

  /** Reads every page of a query. */
  static List<String> ids(java.util.function.Function<Option<IndexCursor>,
      Page<Versioned<Customer>, IndexCursor>> pages) {
    List<String> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Customer>, IndexCursor> page = pages.apply(after);
      ids = ids.appendAll(page.items().map(v -> v.value().id().value()));
      after = page.next();
    } while (after.isDefined());
    return ids;
  }

  @Test
  default void findsCustomersByOwnerTeamStageAndTagPageByPage() {
    try (CrmStore store = newStore()) {
      CustomerRepository customers = CustomerRepository.in(store);
      for (int n = 1; n <= 40; n++) {
        customers.save(anAggregate(n), Version.NEW);
      }
      assertThat(ids(after -> customers.byOwner(EmployeeId.parse("E-1"), after, 3)).toJavaList())
          .hasSize(10).isSorted().allMatch(id -> Integer.parseInt(id.substring(2)) % 4 == 1);
      assertThat(ids(after -> customers.byTeam(TeamId.parse("team-0"), after, 7))).hasSize(20);
      assertThat(ids(after -> customers.byTag("VIP", after, 4))).hasSize(13);
      assertThat(ids(after -> customers.byStage(LifecycleStage.LEAD, after, 100))).hasSize(40);

      customers.update(CustomerId.parse("C-000003"), c -> c.moveTo(LifecycleStage.PROSPECT, "",
          RULES.lifecyclePolicy(), stamp(2)));
      assertThat(ids(after -> customers.byStage(LifecycleStage.PROSPECT, after, 100)))
          .containsExactly("C-000003");
      assertThat(ids(after -> customers.byStage(LifecycleStage.LEAD, after, 100))).hasSize(39);
    }
  }

  @Test
  default void findsByContactPointInAnyFormatAndByTaxId() {
    try (CrmStore store = newStore()) {
      CustomerRepository customers = CustomerRepository.in(store);
      customers.save(register("C-1", CustomerDraft.organization("紫檀阁").taxId("91-3100 00MA1")
          .email("Info@ZiTan.example", false).phone("010 6512 3456", false)), Version.NEW);
      customers.save(anAggregate(2), Version.NEW);
      assertThat(customers.byContactPoint(EmailAddress.parse("info@zitan.example"))
          .map(v -> v.value().id().value())).containsExactly("C-1");
      assertThat(customers.byContactPoint(PhoneNumber.parse("+86 10 6512 3456", "DE"))
          .map(v -> v.value().id().value())).containsExactly("C-1");
      assertThat(customers.byTaxId("913100 00 ma1").map(v -> v.value().id().value()))
          .containsExactly("C-1");
      assertThat(customers.byContactPoint(EmailAddress.parse("nobody@example.com"))).isEmpty();
    }
  }

  @Test
  default void duplicateCandidatesShareABlockingKeyAndLeaveOutTheProbe() {
    try (CrmStore store = newStore()) {
      CustomerRepository customers = CustomerRepository.in(store);
      for (int n = 1; n <= 30; n++) {
        customers.save(anAggregate(n), Version.NEW);
      }
      Customer twin = register("C-twin", CustomerDraft.person("客户 7").email("C7@example.com", false));
      customers.save(twin, Version.NEW);
      List<String> candidates = customers.duplicateCandidates(twin.blockingKeys(),
          Option.of(twin.id()), 10).map(v -> v.value().id().value()).toList();
      assertThat(candidates).contains("C-000007").doesNotContain("C-twin");
      assertThat(candidates.size()).isLessThan(30);
      io.vavr.collection.Seq<io.rapport.crm.customer.MatchResult> found = customers.findDuplicates(
          twin, io.rapport.crm.customer.DuplicateMatcher.standard(), 5);
      assertThat(found.head().candidate().value()).isEqualTo("C-000007");
      assertThat(found.head().evidence()).isNotEmpty();
    }
  }

  @Test
  default void erasedAndMergedCustomersLeaveTheSearches() {
    try (CrmStore store = newStore()) {
      CustomerRepository customers = CustomerRepository.in(store);
      Customer one = anAggregate(1);
      Customer two = anAggregate(2);
      customers.save(one, Version.NEW);
      customers.save(two, Version.NEW);
      customers.update(one.id(), c -> io.vavr.control.Either.right(
          c.erase(AttributeSchema.EMPTY, stamp(3))));
      assertThat(customers.byContactPoint(EmailAddress.parse("c1@example.com"))).isEmpty();
      assertThat(ids(after -> customers.byOwner(EmployeeId.parse("E-1"), after, 10)))
          .containsExactly(one.id().value());

      Customer three = anAggregate(3);
      customers.save(three, Version.NEW);
      CustomerMerge.Outcome merge = CustomerMerge.merge(two, three, Survivorship.standard(),
          stamp(4)).get();
      customers.save(merge.survivor().state(), Version.of(1));
      customers.save(merge.absorbed().state(), Version.of(1));
      assertThat(customers.byContactPoint(EmailAddress.parse("c3@example.com"))
          .map(v -> v.value().id())).containsExactly(two.id());
      assertThat(ids(after -> customers.byTag("vip", after, 10))).doesNotContain("C-000003");
    }
  }
}
