package io.rapport.crm.benchmarks;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.Permission;
import io.rapport.crm.access.RecordFacts;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of access control: {@code find} by id and a page of 50 of a team's customers on the
 * in-memory store (100 000 customers, 20 owners, 5 teams), bare and through
 * {@link SecuredCrmStore} as an agent of the team, under a realistic policy (owners do anything,
 * team members read, managers read and write, admins do anything, auditors read; only finance
 * sees tax ids, so every record read is masked). Target (docs/benchmarks.md): the decorator adds
 * at most 10 %.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AccessBenchmark {

  static final AccessFacts<Customer> CUSTOMER_FACTS = customer -> RecordFacts.of("customer",
      customer, customer.owner(), customer.team());

  /** Masks the tax id, as a stand-in for the standard customer masker. */
  static final FieldMasker<Customer> TAX_ID_MASKER = new FieldMasker<>() {
    @Override
    public Set<String> fields() {
      return HashSet.of("tax_id");
    }

    @Override
    public Customer mask(Customer c, Set<String> masked) {
      return masked.contains("tax_id") && c.taxId().isDefined() ? withTaxId(c, Option.some("***"))
          : c;
    }

    @Override
    public Customer restore(Customer changed, Customer stored, Set<String> masked) {
      return masked.contains("tax_id") ? withTaxId(changed, stored.taxId()) : changed;
    }
  };

  static Customer withTaxId(Customer c, Option<String> taxId) {
    return new Customer(c.id(), c.kind(), c.name(), c.parent(), c.organizationName(), taxId,
        c.contactPoints(), c.lifecycle(), c.owner(), c.team(), c.tags(), c.attributes(),
        c.source(), c.consent(), c.createdAt(), c.updatedAt(), c.erasedAt(), c.mergedInto());
  }

  /** Owners do anything, team members read, managers read and write, a few roles. */
  static final AccessPolicy POLICY = new AccessPolicy() {
    @Override
    public AccessDecision decide(Actor actor, Permission permission, RecordFacts record) {
      if (record.owner().isDefined() && record.owner().equals(actor.employee())) {
        return AccessDecision.allow("access.owner", "the actor owns the record");
      }
      if (permission == Permission.READ && record.team().exists(actor.teams()::contains)) {
        return AccessDecision.allow("access.team", "the record belongs to the actor's team");
      }
      if (permission != Permission.DELETE && record.team().exists(actor.manages()::contains)) {
        return AccessDecision.allow("access.manager", "the actor manages the record's team");
      }
      if (actor.roles().contains("admin")
          || permission == Permission.READ && actor.roles().contains("auditor")) {
        return AccessDecision.allow("access.role", "the actor's role allows it");
      }
      return AccessDecision.deny("no rule allows it");
    }

    @Override
    public FieldAccess field(Actor actor, String type, String field) {
      return actor.roles().contains("finance") ? FieldAccess.VISIBLE : FieldAccess.MASKED;
    }
  };

  /** 100 000 customers, bare and seen by an agent of team T-2. */
  @State(Scope.Benchmark)
  public static class Store {
    CustomerRepository bare;
    CustomerRepository secured;
    CustomerRepository securedForFinance;
    CustomerRepository standardForFinance;
    CustomerRepository standardForManager;
    CustomerId[] ids;
    IndexCursor[] cursors;
    int next;

    /** Fills the store and collects the team's ids and page cursors. */
    @Setup(Level.Trial)
    public void fill() {
      CrmStore store = InMemoryCrmStore.create();
      bare = CustomerRepository.in(store);
      SplittableRandom random = new SplittableRandom(20261123);
      for (int n = 0; n < 100_000; n++) {
        Customer person = CustomerQueryBenchmark.person(n, random);
        Customer owned = withTaxId(person, Option.some("91310000MA1F" + n));
        owned = new Customer(owned.id(), owned.kind(), owned.name(), owned.parent(),
            owned.organizationName(), owned.taxId(), owned.contactPoints(), owned.lifecycle(),
            Option.some(EmployeeId.parse("E-" + n % 20)), Option.some(TeamId.parse("T-" + n % 5)),
            owned.tags(), owned.attributes(), owned.source(), owned.consent(), owned.createdAt(),
            owned.updatedAt(), owned.erasedAt(), owned.mergedInto());
        bare.save(owned, Version.NEW);
      }
      Actor agent = Actor.employee(EmployeeId.parse("E-7"), HashSet.of(TeamId.parse("T-2")),
          HashSet.of("agent"));
      SecuredCrmStore guarded = SecuredCrmStore.of(store, POLICY,
          HashMap.of("customer", CUSTOMER_FACTS), HashMap.of("customer", TAX_ID_MASKER));
      secured = CustomerRepository.in(guarded.as(agent));
      securedForFinance = CustomerRepository.in(guarded.as(Actor.employee(
          EmployeeId.parse("E-7"), HashSet.of(TeamId.parse("T-2")), HashSet.of("finance"))));
      standardForFinance = CustomerRepository.in(SecuredCrmStore.standard(store,
          io.rapport.crm.access.ConfigurablePolicy.standard()).as(Actor.employee(
              EmployeeId.parse("E-7"), HashSet.of(TeamId.parse("T-2")), HashSet.of("finance"))));
      standardForManager = CustomerRepository.in(SecuredCrmStore.standard(store,
          io.rapport.crm.access.ConfigurablePolicy.standard()).as(Actor.employee(
              EmployeeId.parse("E-3"), HashSet.of(TeamId.parse("T-1")), HashSet.of("manager"))
              .managing(HashSet.of(TeamId.parse("T-2")))));
      java.util.List<CustomerId> team = new java.util.ArrayList<>();
      java.util.List<IndexCursor> found = new java.util.ArrayList<>();
      Option<IndexCursor> after = Option.none();
      do {
        Page<Versioned<Customer>, IndexCursor> page =
            bare.byTeam(TeamId.parse("T-2"), after, 50);
        page.items().forEach(item -> team.add(item.value().id()));
        after = page.next();
        after.forEach(found::add);
      } while (after.isDefined());
      ids = team.subList(0, 1024).toArray(new CustomerId[0]);
      cursors = found.subList(0, 256).toArray(new IndexCursor[0]);
    }
  }

  /** Finds one of the team's customers by id, bare. */
  @Benchmark
  public Option<Versioned<Customer>> findBare(Store state) {
    return state.bare.find(state.ids[state.next++ & 1023]);
  }

  /** Finds one of the team's customers by id through the decorator (read allowed, tax id masked). */
  @Benchmark
  public Option<Versioned<Customer>> findSecured(Store state) {
    return state.secured.find(state.ids[state.next++ & 1023]);
  }

  /** Finds one of the team's customers by id through the decorator, as finance (nothing masked). */
  @Benchmark
  public Option<Versioned<Customer>> findSecuredUnmasked(Store state) {
    return state.securedForFinance.find(state.ids[state.next++ & 1023]);
  }

  /**
   * Finds one of the team's customers by id through {@code SecuredCrmStore.standard} under
   * {@code ConfigurablePolicy.standard()}, as finance (an ALL read grant; nothing masked).
   */
  @Benchmark
  public Option<Versioned<Customer>> findSecuredStandardPolicy(Store state) {
    return state.standardForFinance.find(state.ids[state.next++ & 1023]);
  }

  /**
   * Finds one of the team's customers by id under the standard policy as the manager of the team
   * (not its member): each record's owner and team are compared; nothing masked.
   */
  @Benchmark
  public Option<Versioned<Customer>> findSecuredStandardManager(Store state) {
    return state.standardForManager.find(state.ids[state.next++ & 1023]);
  }

  /** Reads a page of 50 of the team's customers, bare. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pageBare(Store state) {
    return state.bare.byTeam(TeamId.parse("T-2"), Option.of(state.cursors[state.next++ & 255]), 50);
  }

  /** Reads a page of 50 of the team's customers through the decorator, every one masked. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pageSecured(Store state) {
    return state.secured.byTeam(TeamId.parse("T-2"), Option.of(state.cursors[state.next++ & 255]),
        50);
  }

  /** Reads a page of 50 of the team's customers through the decorator, as finance (unmasked). */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pageSecuredUnmasked(Store state) {
    return state.securedForFinance.byTeam(TeamId.parse("T-2"),
        Option.of(state.cursors[state.next++ & 255]), 50);
  }

  /** Reads a page of 50 of the team's customers under the standard policy, as finance. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pageSecuredStandardPolicy(Store state) {
    return state.standardForFinance.byTeam(TeamId.parse("T-2"),
        Option.of(state.cursors[state.next++ & 255]), 50);
  }

  /** Reads a page of 50 of the team's customers under the standard policy, as its manager. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pageSecuredStandardManager(Store state) {
    return state.standardForManager.byTeam(TeamId.parse("T-2"),
        Option.of(state.cursors[state.next++ & 255]), 50);
  }

  /**
   * Finds one of the team's customers by id, bare, and reads its display name, as a host that shows the
   * customer it found does: the read of the record a bare {@code find} alone never makes.
   */
  @Benchmark
  public String findBareAndRead(Store state) {
    return state.bare.find(state.ids[state.next++ & 1023]).get().value().name().displayName();
  }

  /** The same through the standard decorator and policy, as the team's manager. */
  @Benchmark
  public String findSecuredStandardManagerAndRead(Store state) {
    return state.standardForManager.find(state.ids[state.next++ & 1023]).get().value().name()
        .displayName();
  }

  /** Reads a page of 50 of the team's customers, bare, and each one's display name. */
  @Benchmark
  public void pageBareAndRead(Store state, Blackhole names) {
    state.bare.byTeam(TeamId.parse("T-2"), Option.of(state.cursors[state.next++ & 255]), 50)
        .items().forEach(item -> names.consume(item.value().name().displayName()));
  }

  /** The same through the standard decorator and policy, as the team's manager. */
  @Benchmark
  public void pageSecuredStandardManagerAndRead(Store state, Blackhole names) {
    state.standardForManager.byTeam(TeamId.parse("T-2"),
        Option.of(state.cursors[state.next++ & 255]), 50)
        .items().forEach(item -> names.consume(item.value().name().displayName()));
  }

  /** Copies a customer with its tax id masked: the masker's own share of a masked read. */
  @Benchmark
  public Customer maskOnly(Store state) {
    return TAX_ID_MASKER.mask(state.bare.find(state.ids[state.next++ & 1023]).get().value(),
        HashSet.of("tax_id"));
  }

  /**
   * 20 000 customers on an embedded PostgreSQL through the JDBC adapter, bare and seen through
   * the decorator by finance (every record readable through an ALL grant, nothing masked) and by
   * a team agent (the team's records readable, the tax id masked): the decorator's cost where a
   * host keeps its data.
   */
  @State(Scope.Benchmark)
  public static class Postgres {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    com.zaxxer.hikari.HikariDataSource pool;
    CustomerRepository bare;
    CustomerRepository secured;
    CustomerRepository securedMasked;
    CustomerId[] ids;
    int next;

    /** Starts PostgreSQL, imports the customers and picks ids of team-3. */
    @Setup(Level.Trial)
    public void fill() {
      server = JdbcFixtures.startPostgres();
      pool = JdbcFixtures.pool(server, 4);
      io.rapport.crm.persistence.jdbc.JdbcCrmStore store =
          io.rapport.crm.persistence.jdbc.JdbcCrmStore.builder(pool).build();
      SplittableRandom random = new SplittableRandom(20261123);
      java.util.List<Customer> customers = new java.util.ArrayList<>();
      java.util.List<CustomerId> team = new java.util.ArrayList<>();
      for (int n = 0; n < 20_000; n++) {
        Customer customer = JdbcFixtures.customer(n, random);
        customers.add(customer);
        if (customer.team().contains(TeamId.parse("team-3"))) {
          team.add(customer.id());
        }
      }
      store.importNew(CustomerRepository.TYPE, customers);
      bare = CustomerRepository.in(store);
      SecuredCrmStore guarded = SecuredCrmStore.of(store, POLICY,
          HashMap.of("customer", CUSTOMER_FACTS), HashMap.of("customer", TAX_ID_MASKER));
      secured = CustomerRepository.in(guarded.as(Actor.employee(EmployeeId.parse("E-7"),
          HashSet.of(TeamId.parse("team-3")), HashSet.of("auditor", "finance"))));
      securedMasked = CustomerRepository.in(guarded.as(Actor.employee(EmployeeId.parse("E-7"),
          HashSet.of(TeamId.parse("team-3")), HashSet.of("agent"))));
      ids = team.subList(0, 512).toArray(new CustomerId[0]);
    }

    /** Stops the pool and the server. */
    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() throws java.io.IOException {
      pool.close();
      server.close();
    }
  }

  /** Finds a customer by id on PostgreSQL, bare. */
  @Benchmark
  public Option<Versioned<Customer>> findPostgresBare(Postgres state) {
    return state.bare.find(state.ids[state.next++ & 511]);
  }

  /** Finds a customer by id on PostgreSQL through the decorator, nothing masked. */
  @Benchmark
  public Option<Versioned<Customer>> findPostgresSecured(Postgres state) {
    return state.secured.find(state.ids[state.next++ & 511]);
  }

  /** Finds a customer by id on PostgreSQL through the decorator, the tax id masked. */
  @Benchmark
  public Option<Versioned<Customer>> findPostgresSecuredMasked(Postgres state) {
    return state.securedMasked.find(state.ids[state.next++ & 511]);
  }

  /** Reads the first page of 50 of team-3's customers on PostgreSQL, bare. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pagePostgresBare(Postgres state) {
    return state.bare.byTeam(TeamId.parse("team-3"), Option.none(), 50);
  }

  /** Reads the same page through the decorator, nothing masked. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> pagePostgresSecured(Postgres state) {
    return state.secured.byTeam(TeamId.parse("team-3"), Option.none(), 50);
  }
}
