package io.rapport.crm.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.jdbc.ImportReport;
import io.rapport.crm.persistence.jdbc.JdbcCrmStore;
import io.vavr.control.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads of the JDBC store. Target (docs/benchmarks.md, issue 10): {@code find} by id on an
 * embedded PostgreSQL holding 100 000 customers ≤ 200 µs median. For comparison, the same
 * {@code find} on an in-memory H2, and a page of 50 of an owner's customers on PostgreSQL.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class JdbcFindBenchmark {

  static final int CUSTOMERS = 100_000;

  /** The customers, the ids to find, and one store on each database. */
  @State(Scope.Benchmark)
  public static class Stores {
    EmbeddedPostgres postgres;
    HikariDataSource postgresPool;
    HikariDataSource h2Pool;
    CustomerRepository onPostgres;
    CustomerRepository onH2;
    CustomerId[] ids;
    EmployeeId[] owners;
    int next;

    /** Starts the databases and imports the same 100 000 customers into both. */
    @Setup(Level.Trial)
    public void fill() {
      SplittableRandom random = new SplittableRandom(20261123L);
      java.util.List<Customer> customers = new ArrayList<>(CUSTOMERS);
      for (int n = 0; n < CUSTOMERS; n++) {
        customers.add(JdbcFixtures.customer(n, random));
      }
      postgres = JdbcFixtures.startPostgres();
      postgresPool = JdbcFixtures.pool(postgres, 4);
      JdbcCrmStore postgresStore = JdbcCrmStore.builder(postgresPool).build();
      onPostgres = CustomerRepository.in(postgresStore);
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:rapport-benchmarks;DB_CLOSE_DELAY=-1");
      h2Pool = JdbcFixtures.pool(h2, 4);
      JdbcCrmStore h2Store = JdbcCrmStore.builder(h2Pool).build();
      onH2 = CustomerRepository.in(h2Store);
      check(postgresStore.importNew(CustomerRepository.TYPE, customers));
      check(h2Store.importNew(CustomerRepository.TYPE, customers));
      ids = new CustomerId[1 << 16];
      owners = new EmployeeId[1 << 12];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = JdbcFixtures.id(random.nextInt(CUSTOMERS));
      }
      for (int i = 0; i < owners.length; i++) {
        owners[i] = JdbcFixtures.owner(random.nextInt(JdbcFixtures.OWNERS));
      }
    }

    private static void check(ImportReport report) {
      if (report.created() != CUSTOMERS) {
        throw new IllegalStateException("Imported " + report.created() + " of " + CUSTOMERS);
      }
    }

    /** Stops the pools and the database. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
      postgresPool.close();
      h2Pool.close();
      postgres.close();
    }
  }

  /** Finds one of 100 000 customers by id on PostgreSQL. */
  @Benchmark
  public Option<Versioned<Customer>> find(Stores stores) {
    Option<Versioned<Customer>> found = stores.onPostgres.find(
        stores.ids[stores.next++ & (stores.ids.length - 1)]);
    if (found.isEmpty()) {
      throw new IllegalStateException("A customer was not found");
    }
    return found;
  }

  /** Finds one of 100 000 customers by id on the in-memory H2. */
  @Benchmark
  public Option<Versioned<Customer>> findH2(Stores stores) {
    Option<Versioned<Customer>> found = stores.onH2.find(
        stores.ids[stores.next++ & (stores.ids.length - 1)]);
    if (found.isEmpty()) {
      throw new IllegalStateException("A customer was not found");
    }
    return found;
  }

  /** Reads the first page of 50 of an owner's customers (about 100 each) on PostgreSQL. */
  @Benchmark
  public Page<Versioned<Customer>, IndexCursor> query(Stores stores) {
    Page<Versioned<Customer>, IndexCursor> page = stores.onPostgres.byOwner(
        stores.owners[stores.next++ & (stores.owners.length - 1)], Option.none(), 50);
    if (page.items().size() != 50) {
      throw new IllegalStateException("An owner has fewer than 50 customers");
    }
    return page;
  }
}
