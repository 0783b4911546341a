package io.rapport.crm.benchmarks;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ConsentLedger;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerName;
import io.rapport.crm.customer.DuplicateMatcher;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.Lifecycle;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.MatchResult;
import io.rapport.crm.customer.PartyKind;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.TimelineCursor;
import io.rapport.crm.customer.TimelinePage;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.CustomerTimeline;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Customer queries on the in-memory store. Targets (docs/benchmarks.md): duplicate-candidate
 * lookup among 1 M customers ≤ 50 µs median (look up the candidates by blocking key, then score
 * and rank them with the standard matcher); a timeline page of 50 for a customer with 10 k
 * interactions ≤ 1 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class CustomerQueryBenchmark {

  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
      "Smith", "Müller", "García", "Nguyen", "Tanaka", "Kim", "Rossi", "Silva", "Dubois", "Novak"};
  private static final String[] GIVEN_CJK = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊",
      "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};
  private static final String[] GIVEN_LATIN = {"John", "Anna", "José", "Maria", "Peter", "Lena",
      "Hiro", "Ji-woo", "Marco", "Ana", "Lucas", "Emma", "David", "Sofia", "Paul", "Clara"};

  static Customer person(int n, SplittableRandom random) {
    String family = FAMILY[random.nextInt(FAMILY.length)];
    boolean cjk = Character.UnicodeScript.of(family.codePointAt(0)) == Character.UnicodeScript.HAN;
    String given = cjk ? GIVEN_CJK[random.nextInt(GIVEN_CJK.length)]
        + GIVEN_CJK[random.nextInt(GIVEN_CJK.length)]
        : GIVEN_LATIN[random.nextInt(GIVEN_LATIN.length)];
    String display = cjk ? family + given : given + " " + family;
    List<ContactPoint> points = List.of(
        ContactPoint.of(EmailAddress.parse("user" + n + "@example.com")).withPrimary(true),
        ContactPoint.of(PhoneNumber.ofE164("+86138" + String.format("%08d", n))).withPrimary(true));
    Instant created = Fixtures.T0.plusSeconds(n);
    return new Customer(CustomerId.parse(String.format("C-%07d", n)), PartyKind.PERSON,
        new CustomerName(display, Option.of(family), Option.of(given), Option.none()),
        Option.none(), Option.none(), Option.none(), points,
        Lifecycle.start(LifecycleStage.CUSTOMER, created, ActorId.parse("import"), "import"),
        Option.none(), Option.none(), TreeSet.empty(), TreeMap.empty(), Option.none(),
        ConsentLedger.EMPTY, created, created, Option.none(), Option.none());
  }

  /** A store of 1 M customers, and probes that are near-duplicates of some of them. */
  @State(Scope.Benchmark)
  public static class Million {
    CustomerRepository customers;
    DuplicateMatcher matcher;
    Customer[] probes;
    int next;

    /** Fills the store; takes a minute. */
    @Setup(Level.Trial)
    public void fill() {
      CrmStore store = InMemoryCrmStore.create();
      customers = CustomerRepository.in(store);
      matcher = DuplicateMatcher.standard();
      SplittableRandom random = new SplittableRandom(20261123);
      probes = new Customer[1024];
      for (int n = 0; n < 1_000_000; n++) {
        Customer customer = person(n, random);
        customers.save(customer, Version.NEW);
        if (n % 977 == 0 && n / 977 < probes.length) {
          // the same person registered again with another email and the same phone
          Customer again = new Customer(CustomerId.parse("P-" + n), customer.kind(),
              customer.name(), Option.none(), Option.none(), Option.none(),
              List.of(customer.contactPoints().get(1),
                  ContactPoint.of(EmailAddress.parse("other" + n + "@example.net")).withPrimary(true)),
              customer.lifecycle(), Option.none(), Option.none(), TreeSet.empty(),
              TreeMap.empty(), Option.none(), ConsentLedger.EMPTY, customer.createdAt(),
              customer.updatedAt(), Option.none(), Option.none());
          probes[n / 977] = again;
        }
      }
    }
  }

  /** A store where one customer has 10 k interactions among others'. */
  @State(Scope.Benchmark)
  public static class BusyCustomer {
    CustomerTimeline timeline;
    TimelineCursor[] cursors;
    int next;

    /** Records the interactions and collects cursors spread over the timeline. */
    @Setup(Level.Trial)
    public void fill() {
      CrmStore store = InMemoryCrmStore.create();
      InteractionRepository interactions = InteractionRepository.in(store);
      for (int n = 0; n < 20_000; n++) {
        Instant at = Fixtures.T0.plus(Duration.ofMinutes(37L * n));
        Interaction interaction = Interaction.record(InteractionId.parse("I-" + n),
            CustomerId.parse(n % 2 == 0 ? "C-1" : "C-" + (n % 97 + 2)),
            Channel.Call.validated(Channel.Direction.INBOUND, Duration.ofMinutes(3),
                Channel.CallOutcome.ANSWERED, Option.none(), Option.none()),
            at, Option.of(EmployeeId.parse("E-1")), "asked about delivery", HashSet.empty(),
            EventStamp.of(EventId.parse("e-" + n), at.plusSeconds(60), ActorId.parse("bench")))
            .get().state();
        interactions.save(interaction, Version.NEW);
      }
      timeline = CustomerTimeline.of(store);
      java.util.List<TimelineCursor> found = new java.util.ArrayList<>();
      Option<TimelineCursor> after = Option.none();
      do {
        TimelinePage page = timeline.page(CustomerId.parse("C-1"), after, 50);
        after = page.next();
        after.forEach(found::add);
      } while (after.isDefined());
      cursors = found.toArray(new TimelineCursor[0]);
    }
  }

  /** Finds and ranks the likely duplicates of a new registration among 1 M customers. */
  @Benchmark
  public Seq<MatchResult> duplicateLookup(Million state) {
    Customer probe = state.probes[state.next++ & (state.probes.length - 1)];
    return state.customers.findDuplicates(probe, state.matcher, 10);
  }

  /** Reads one page of 50 from anywhere in the timeline of a customer with 10 k interactions. */
  @Benchmark
  public TimelinePage timelinePage(BusyCustomer state) {
    TimelineCursor cursor = state.cursors[state.next++ % state.cursors.length];
    return state.timeline.page(CustomerId.parse("C-1"), Option.of(cursor), 50);
  }
}
