package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static io.rapport.crm.testkit.generators.KernelGenerators.money;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.AttributeValue;
import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentLedger;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ConsentRecord;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerName;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.Lifecycle;
import io.rapport.crm.customer.LifecycleChange;
import io.rapport.crm.customer.LifecyclePolicy;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PartyKind;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.PostalAddress;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.quicktheories.core.Gen;

/**
 * Generates customers and their parts for property tests: culture-neutral names (Chinese,
 * Japanese, Latin with diacritics), emails, E.164 phones, postal addresses, messaging handles,
 * contact points with primary, verified and validity flags, typed attributes, consent records,
 * lifecycle histories that follow the standard policy, and whole customers (some erased or merged).
 * Every value is valid; names and contact values come from small pools so that duplicates occur.
 */
public final class CustomerGenerators {

  private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
  private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "Smith", "Müller", "García",
      "佐藤", "Nguyễn"};
  private static final String[] GIVEN = {"小明", "伟", "芳", "秀英", "John", "Anna", "José", "花子",
      "Thị Lan", "Élodie"};

  private CustomerGenerators() {}

  /** Returns names: a family and a given name in either order, some with phonetic readings. */
  public static Gen<CustomerName> names() {
    return in -> {
      String family = FAMILY[pick(in, FAMILY.length)];
      String given = GIVEN[pick(in, GIVEN.length)];
      boolean eastern = Character.UnicodeScript.of(family.codePointAt(0)) == Character.UnicodeScript.HAN;
      String display = eastern ? family + given : given + " " + family;
      boolean parts = chance(in, 70);
      return new CustomerName(display, parts ? Option.of(family) : Option.none(),
          parts ? Option.of(given) : Option.none(),
          chance(in, 20) ? Option.of(display.toUpperCase(Locale.ROOT)) : Option.none());
    };
  }

  /** Returns email addresses from a pool of about two thousand. */
  public static Gen<EmailAddress> emails() {
    return in -> EmailAddress.parse("user" + pick(in, 2000) + "@"
        + new String[] {"example.com", "rosewood.example", "mail.example.cn"}[pick(in, 3)]);
  }

  /** Returns Chinese mobile and German landline numbers in E.164, from a pool. */
  public static Gen<PhoneNumber> phones() {
    return in -> chance(in, 70)
        ? PhoneNumber.ofE164("+86138" + String.format("%08d", pick(in, 100_000)))
        : PhoneNumber.ofE164("+4930" + String.format("%08d", 10_000_000 + pick(in, 100_000)));
  }

  /** Returns postal addresses in China, Germany and Japan. */
  public static Gen<PostalAddress> postalAddresses() {
    return in -> {
      int n = pick(in, 3);
      int number = 1 + pick(in, 300);
      if (n == 0) {
        return new PostalAddress(List.of("建国路 " + number + " 号"), "北京", "北京",
            String.format("1000%02d", pick(in, 100)), "CN");
      }
      if (n == 1) {
        return new PostalAddress(List.of("Hauptstraße " + number, "Hinterhaus"), "Berlin", "",
            String.format("10%03d", pick(in, 1000)), "DE");
      }
      return new PostalAddress(List.of("千代田区丸の内 " + number), "東京都", "", "100-0005", "JP");
    };
  }

  /** Returns messaging handles. */
  public static Gen<MessagingHandle> handles() {
    return in -> new MessagingHandle(
        MessagingHandle.Network.values()[pick(in, MessagingHandle.Network.values().length)],
        "handle_" + pick(in, 5000));
  }

  /** Returns contact values of every kind. */
  public static Gen<ContactValue> contactValues() {
    return in -> {
      switch (pick(in, 4)) {
        case 0:
          return emails().generate(in);
        case 1:
          return phones().generate(in);
        case 2:
          return postalAddresses().generate(in);
        default:
          return handles().generate(in);
      }
    };
  }

  /**
   * Returns lists of up to six contact points with distinct values, one primary per kind present,
   * some verified, labelled or limited in time.
   */
  public static Gen<List<ContactPoint>> contactPoints() {
    return in -> {
      int size = pick(in, 7);
      java.util.Set<String> keys = new java.util.HashSet<>();
      java.util.Set<Object> primaries = new java.util.HashSet<>();
      List<ContactPoint> points = List.empty();
      for (int i = 0; i < size; i++) {
        ContactValue value = contactValues().generate(in);
        if (!keys.add(value.matchKey())) {
          continue;
        }
        Option<Instant> from = chance(in, 20) ? Option.of(instantsBetween(FROM, UNTIL).generate(in))
            : Option.none();
        Option<Instant> until = from.isDefined() && chance(in, 50)
            ? Option.of(from.get().plus(Duration.ofDays(1 + pick(in, 900)))) : Option.none();
        points = points.append(new ContactPoint(value,
            chance(in, 30) ? Option.of(new String[] {"home", "work", "shop"}[pick(in, 3)])
                : Option.none(),
            primaries.add(value.kind()), chance(in, 40), from, until));
      }
      return points;
    };
  }

  /** Returns consent records of every status, purpose and channel. */
  public static Gen<ConsentRecord> consentRecords() {
    return in -> {
      Instant captured = instantsBetween(FROM, UNTIL).generate(in);
      Instant from = chance(in, 30) ? captured.plus(Duration.ofDays(pick(in, 30))) : captured;
      return new ConsentRecord(
          new ConsentPurpose[] {ConsentPurpose.MARKETING, ConsentPurpose.SERVICE,
              ConsentPurpose.SURVEYS}[pick(in, 3)],
          ConsentChannel.values()[pick(in, ConsentChannel.values().length)],
          ConsentRecord.Status.values()[pick(in, ConsentRecord.Status.values().length)],
          captured, "web-form:newsletter", chance(in, 50) ? "token-" + pick(in, 1000) : "",
          from, chance(in, 20) ? Option.of(from.plus(Duration.ofDays(1 + pick(in, 365))))
              : Option.none());
    };
  }

  /** Returns lifecycles of one to five moves allowed by the standard policy, in time order. */
  public static Gen<Lifecycle> lifecycles() {
    return in -> {
      LifecyclePolicy policy = LifecyclePolicy.standard();
      Instant at = instantsBetween(FROM, Instant.parse("2025-01-01T00:00:00Z")).generate(in);
      ActorId by = ActorId.parse("employee:E-" + pick(in, 50));
      Lifecycle lifecycle = Lifecycle.start(LifecycleStage.LEAD, at, by, "created");
      int moves = pick(in, 5);
      for (int i = 0; i < moves; i++) {
        List<LifecycleStage> next = policy.allowedFrom(lifecycle.stage()).toList()
            .sortBy(Enum::ordinal);
        if (next.isEmpty()) {
          break;
        }
        at = at.plus(Duration.ofHours(1 + pick(in, 5000)));
        lifecycle = lifecycle.moveTo(next.get(pick(in, next.size())), at, by,
            chance(in, 50) ? "reason " + i : "", policy).get();
      }
      return lifecycle;
    };
  }

  /** Returns typed attribute values keyed by name. */
  public static Gen<SortedMap<String, AttributeValue>> attributes() {
    return in -> {
      SortedMap<String, AttributeValue> values = TreeMap.empty();
      if (chance(in, 50)) {
        values = values.put("wood.preference", new AttributeValue.Choice(
            new String[] {"zitan", "hainan-huanghuali", "suanzhi"}[pick(in, 3)]));
      }
      if (chance(in, 50)) {
        values = values.put("birthday", new AttributeValue.Date(
            LocalDate.of(1940, 1, 1).plusDays(pick(in, 25_000))));
      }
      if (chance(in, 50)) {
        values = values.put("budget", new AttributeValue.Amount(money().generate(in)));
      }
      if (chance(in, 50)) {
        values = values.put("household.size",
            new AttributeValue.Number(BigDecimal.valueOf(pick(in, 1000), pick(in, 3))));
      }
      if (chance(in, 30)) {
        values = values.put("notes", new AttributeValue.Text("likes " + GIVEN[pick(in, GIVEN.length)]));
      }
      return values;
    };
  }

  /** Returns whole customers with ids from {@code C-0} to {@code C-999}. */
  public static Gen<Customer> customers() {
    return in -> customer(CustomerId.parse("C-" + pick(in, 1000)), in);
  }

  /** Returns whole customers with the given id. */
  public static Gen<Customer> customers(CustomerId id) {
    return in -> customer(id, in);
  }

  private static Customer customer(CustomerId id, org.quicktheories.core.RandomnessSource in) {
    PartyKind kind = chance(in, 80) ? PartyKind.PERSON : PartyKind.ORGANIZATION;
    Lifecycle lifecycle = lifecycles().generate(in);
    Instant created = lifecycle.history().head().at();
    Instant updated = lifecycle.history().last().at().plus(Duration.ofMinutes(pick(in, 10_000)));
    boolean erased = chance(in, 5);
    return new Customer(id, kind, erased ? CustomerName.ERASED : names().generate(in),
        kind == PartyKind.ORGANIZATION && chance(in, 30)
            ? Option.of(CustomerId.parse("ORG-" + pick(in, 100))) : Option.none(),
        chance(in, 30) ? Option.of("ACME " + pick(in, 50)) : Option.none(),
        chance(in, 30) ? Option.of("91310000MA" + pick(in, 1000)) : Option.none(),
        erased ? List.empty() : contactPoints().generate(in),
        lifecycle,
        chance(in, 70) ? Option.of(ids(EmployeeId.KIND).generate(in)) : Option.none(),
        chance(in, 50) ? Option.of(TeamId.parse("team-" + pick(in, 5))) : Option.none(),
        TreeSet.ofAll(List.range(0, pick(in, 4)).map(i -> new String[] {"vip", "rosewood",
            "collector", "gift buyer", "红木"}[pick(in, 5)])),
        attributes().generate(in),
        chance(in, 60) ? Option.of(new AcquisitionSource(
            new String[] {"store-visit", "call-center", "web"}[pick(in, 3)],
            chance(in, 50) ? Option.of("spring-fair") : Option.none(),
            chance(in, 20) ? Option.of("https://example.com/?q=紫檀") : Option.none(),
            chance(in, 10) ? Option.of(CustomerId.parse("C-" + pick(in, 1000))) : Option.none()))
            : Option.none(),
        new ConsentLedger(List.range(0, pick(in, 4)).map(i -> consentRecords().generate(in))),
        created, updated, erased ? Option.of(updated) : Option.none(),
        !erased && chance(in, 5) ? Option.of(CustomerId.parse("C-merged-" + pick(in, 10)))
            : Option.none());
  }
}
