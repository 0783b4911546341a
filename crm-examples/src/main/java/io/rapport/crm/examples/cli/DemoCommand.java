package io.rapport.crm.examples.cli;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.WorkingHours;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.nio.file.Path;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.sales.PipelineRepository;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tells the demo story of a luxury rosewood furniture brand that prices by weight (per jin), gives
 * no discounts and takes 100 % prepayment. It starts with what the kernel does (pricing by weight
 * in any unit, exact payment splits, working-time due dates on a business calendar), then plays
 * two years of the brand on a store ({@link DemoStory}) and prints the closing report
 * ({@link DemoReport}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Tells the story of a rosewood furniture brand: two years of calls and store "
        + "visits, leads, customers, deals with quotes per jin, prepaid purchases, loyalty tiers, "
        + "tickets under SLA and an NPS survey, then a closing report (pipeline forecast, tiers, "
        + "SLA attainment, NPS, RFM segments, CLV top customers).",
        "The same --seed gives the same output, byte for byte, on either store. "
        + "An h2 database must be new or empty: the demo refuses (exit 2) to write into one "
        + "that already holds records, such as the one of an earlier run; delete its files "
        + "(PATH.mv.db) or give another PATH."})
final class DemoCommand implements Callable<Integer> {

  static final Currency CNY = Currency.getInstance("CNY");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Keeps Flyway's informational lines about the schema off the demo's standard error. */
  private static final java.util.logging.Logger FLYWAY =
      java.util.logging.Logger.getLogger("org.flywaydb");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");

  @Spec
  CommandSpec spec;

  @Option(names = "--price-per-jin", defaultValue = "1280.00",
      description = "List price of rosewood per jin (市斤, 500 g) in CNY. Default: ${DEFAULT-VALUE}.")
  String pricePerJin;

  @Option(names = "--store", defaultValue = "memory", paramLabel = "memory|h2:PATH",
      description = "Where the story is stored: 'memory' (the embedded in-memory store) or "
          + "'h2:PATH' (an H2 database file at PATH, through the JDBC adapter; it must be new "
          + "or empty). Default: ${DEFAULT-VALUE}.")
  String store;

  @Option(names = "--seed", defaultValue = "2026", paramLabel = "N",
      description = "Seed of the random story. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--customers", defaultValue = "300", paramLabel = "N",
      description = "How many customers the calls and store visits bring, 1 to 100000. "
          + "Default: ${DEFAULT-VALUE}.")
  int customers;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table",
      description = "Output format; the report is readable aligned tables. "
          + "Default: ${DEFAULT-VALUE}.")
  DemoFormat format;

  /** The output formats of the demo. */
  enum DemoFormat {
    table
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    UnitPrice perJin = UnitPrice.of(Money.of(pricePerJin, CNY), QuantityUnit.JIN);
    if (customers < 1 || customers > 100_000) {
      throw new ParameterException(spec.commandLine(),
          "--customers: give 1 to 100000, not " + customers);
    }
    try (CrmStore crm = open()) {
      if (!isEmpty(crm)) {
        throw new ParameterException(spec.commandLine(), "--store " + store
            + ": the database already holds records (an earlier demo?); the demo starts only "
            + "on a new or empty one: delete its files or give another PATH");
      }
      kernel(out, perJin);
      out.println();
      BusinessCalendar desk = serviceDesk();
      DemoStory story = new DemoStory(crm, seed, customers, perJin, desk);
      DemoStory.Counts counts = story.play();
      new DemoReport(crm, out, desk).print(counts, story.answers(), story.surveyDay(), 4);
    }
    out.flush();
    return 0;
  }

  private CrmStore open() {
    if (store.equals("memory")) {
      return InMemoryCrmStore.create();
    }
    if (store.startsWith("h2:") && store.length() > 3) {
      String path = Path.of(store.substring(3)).toAbsolutePath().toString();
      FLYWAY.setLevel(java.util.logging.Level.WARNING);
      try {
        return CrmStores.open("jdbc", Map.of("url", "jdbc:h2:file:" + path));
      } catch (StorageException failure) {
        throw new ParameterException(spec.commandLine(), "--store " + store
            + ": cannot open the database: " + failure.getMessage());
      }
    }
    throw new ParameterException(spec.commandLine(),
        "--store: give 'memory' or 'h2:PATH', not '" + store + "'");
  }

  private static boolean isEmpty(CrmStore crm) {
    try (Stream<?> customers = crm.streamAll(CustomerRepository.TYPE);
        Stream<?> pipelines = crm.streamAll(PipelineRepository.TYPE)) {
      return customers.findAny().isEmpty() && pipelines.findAny().isEmpty();
    }
  }

  private static void kernel(PrintWriter out, UnitPrice perJin) {

    out.println("Rapport demo: Hongmu House, rosewood furniture sold by weight");
    out.println();
    out.println("1. Pricing by weight (按斤论价), list price " + perJin + ", no discounts (不折不扣)");
    Quantity armchair = Quantity.of("38.6", QuantityUnit.JIN);
    Quantity weighedInKg = Quantity.of("19.3", QuantityUnit.KILOGRAM);
    Quantity teaTable = Quantity.of("57", QuantityUnit.JIN).plus(Quantity.of("3", QuantityUnit.LIANG));
    Money armchairPrice = perJin.priceOf(armchair, RoundingMode.HALF_UP);
    Money teaTablePrice = perJin.priceOf(teaTable, RoundingMode.HALF_UP);
    out.printf("   armchair  %-12s -> %s%n", armchair, armchairPrice);
    out.printf("   the same armchair weighed as %s -> %s%n", weighedInKg,
        perJin.priceOf(weighedInKg, RoundingMode.HALF_UP));
    out.printf("   tea table 57 jin 3 liang -> %s (= %s)%n", teaTablePrice, teaTable.to(QuantityUnit.JIN));
    Money order = armchairPrice.plus(teaTablePrice);
    out.printf("   order total %s, 100%% prepaid%n", order);
    out.println();

    out.println("2. Exact money: parts always add back to the whole");
    out.printf("   prepayment in 3 bank transfers: %s%n", order.split(3).mkString(" + "));
    out.printf("   commission split store:call center:designer 5:3:2: %s%n",
        Percentage.ofPercent(3).of(order, RoundingMode.HALF_EVEN).allocate(5, 3, 2).mkString(" + "));
    out.println();

    out.println("3. Working time: the Shanghai service desk, 09:00-12:00 and 13:30-18:00 Mon-Fri");
    BusinessCalendar desk = serviceDesk();
    Instant opened = ZonedDateTime.of(2026, 9, 30, 16, 30, 0, 0, SHANGHAI).toInstant();
    Instant due = desk.addWorkingTime(opened, Duration.ofHours(20));
    out.printf("   repair request opened %s, resolution target 20 working hours%n", show(opened));
    out.printf("   due %s: the National Day holidays are skipped, the make-up Saturday counts%n", show(due));
    out.printf("   working time from opening to due: %s%n", desk.workingTimeBetween(opened, due));
  }

  /** The service desk calendar, with the 2026 National Day holidays as this brand configured them. */
  static BusinessCalendar serviceDesk() {
    BusinessCalendar.Builder builder = BusinessCalendar.builder(SHANGHAI)
        .workingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(12, 0))
        .workingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(13, 30), LocalTime.of(18, 0));
    for (LocalDate day = LocalDate.of(2026, 10, 1); day.isBefore(LocalDate.of(2026, 10, 8)); day = day.plusDays(1)) {
      builder.holiday(day, "National Day");
    }
    return builder
        .specialDay(LocalDate.of(2026, 10, 10), WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            WorkingHours.of(LocalTime.of(13, 30), LocalTime.of(18, 0)))
        .build();
  }

  private static String show(Instant instant) {
    return WHEN.format(instant.atZone(SHANGHAI));
  }
}
