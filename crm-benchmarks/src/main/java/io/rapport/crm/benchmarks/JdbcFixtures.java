package io.rapport.crm.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The databases and customers of the JDBC benchmarks: an embedded PostgreSQL (no Docker, no
 * installed server), Hikari pools over it, and realistic customers with an owner, a team, tags,
 * an email and a phone.
 */
final class JdbcFixtures {

  /** The number of owners the customers are spread over. */
  static final int OWNERS = 1000;

  private static final String[] TAGS = {"vip", "rosewood", "call-center", "newsletter",
      "wholesale", "returning", "spring-fair", "online"};

  private JdbcFixtures() {}

  /** Starts an embedded PostgreSQL; the caller closes it. */
  static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", failure);
    }
  }

  /**
   * Returns a pool over the {@code postgres} database with batched inserts rewritten into
   * multi-row statements by the driver.
   */
  static HikariDataSource pool(EmbeddedPostgres postgres, int size) {
    return pool(postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true")), size);
  }

  /** Returns a pool of the given size over a data source. */
  static HikariDataSource pool(DataSource dataSource, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setMaximumPoolSize(size);
    config.setPoolName("rapport-benchmarks");
    return new HikariDataSource(config);
  }

  /** Returns the id of the n-th customer. */
  static CustomerId id(int n) {
    return CustomerId.parse(String.format("C-%07d", n));
  }

  /** Returns the owner of the n-th owner slot. */
  static EmployeeId owner(int n) {
    return EmployeeId.parse(String.format("E-%04d", n % OWNERS));
  }

  /** Returns the n-th customer: a person with an email, a phone, an owner, a team and tags. */
  static Customer customer(int n, SplittableRandom random) {
    Customer person = CustomerQueryBenchmark.person(n, random);
    TreeSet<String> tags = TreeSet.empty();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      tags = tags.add(TAGS[random.nextInt(TAGS.length)]);
    }
    return new Customer(person.id(), person.kind(), person.name(), person.parent(),
        person.organizationName(), person.taxId(), person.contactPoints(), person.lifecycle(),
        Option.of(owner(random.nextInt(OWNERS))),
        Option.of(TeamId.parse("team-" + random.nextInt(20))), tags, person.attributes(),
        person.source(), person.consent(), person.createdAt(), person.updatedAt(),
        person.erasedAt(), person.mergedInto());
  }
}
