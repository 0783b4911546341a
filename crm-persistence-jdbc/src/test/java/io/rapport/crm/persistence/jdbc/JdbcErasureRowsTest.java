package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.privacy.ErasureParticipants;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What erasure leaves in the JDBC tables, read with plain SQL: the index entries built from a
 * customer's contact values (keys that are personal data) go with the redacted document, and the
 * delivered events are pruned from the outbox in the erasure's transaction; the erasure's own
 * event waits there until delivered.
 */
class JdbcErasureRowsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final CustomerId WANG = CustomerId.parse("C-0042");
  private static final List<String> PERSONAL = List.of("wang", "fang", "13812345678",
      "w.fang@example.org");
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private static EventStamp stamp(Instant at) {
    return EventStamp.of(EventId.parse("E-rows-" + EVENTS.incrementAndGet()), at,
        ActorId.parse("host"));
  }

  private static String rowsOf(Seq<String> rows, String table) {
    return rows.filter(row -> row.startsWith(table)).mkString("\n").toLowerCase(Locale.ROOT);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void indexKeysAndDeliveredEventsNamingTheCustomerGoWithTheErasure(TestDatabase database) {
    try (JdbcCrmStore store = database.fresh()) {
      store.subscribe(entry -> { });
      Transition<Customer> registered = Customer.register(WANG,
          CustomerDraft.person("Wang Fang").email("W.Fang@example.org", true)
              .phone("+8613812345678", false), CustomerRules.standard("CN"), stamp(T0)).get();
      store.inTransaction(tx -> {
        CustomerRepository.in(tx).save(registered.state(), Version.NEW).get();
        tx.publish(registered.events());
        return Either.right(true);
      }).get();
      Seq<String> before = StoredRows.of(database.unpooled());
      assertThat(before.filter(row -> row.contains("\t")).filter(row -> row.split("\t").length == 5)
          .mkString("\n").toLowerCase(Locale.ROOT))
          .as("index entries before the erasure").contains("w.fang@example.org", "13812345678");
      assertThat(store.pendingEvents()).isEmpty();

      ErasureParticipants.everywhere(store).erase(WANG, AttributeSchema.EMPTY,
          stamp(T0.plusSeconds(3600))).get();

      Seq<String> after = StoredRows.of(database.unpooled());
      String all = after.mkString("\n").toLowerCase(Locale.ROOT);
      for (String value : PERSONAL) {
        assertThat(all).as("every row after the erasure").doesNotContain(value);
      }
      assertThat(rowsOf(after, "customer.registered")).as("the delivered registration").isEmpty();
      assertThat(rowsOf(after, "customer.erased")).as("the erasure's own event").isNotEmpty();
    }
  }
}
