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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tells the demo story of a luxury rosewood furniture brand that prices by weight (per jin), gives
 * no discounts and takes 100 % prepayment. Today the story covers what the kernel does: pricing by
 * weight in any unit, exact payment splits, and working-time due dates on a business calendar with
 * a lunch break and holidays. Later issues extend it to the whole CRM.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Tells the story of a rosewood furniture brand, with what Rapport does today.")
final class DemoCommand implements Callable<Integer> {

  static final Currency CNY = Currency.getInstance("CNY");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");

  @Spec
  CommandSpec spec;

  @Option(names = "--price-per-jin", defaultValue = "1280.00",
      description = "List price of rosewood per jin (市斤, 500 g) in CNY. Default: ${DEFAULT-VALUE}.")
  String pricePerJin;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    UnitPrice perJin = UnitPrice.of(Money.of(pricePerJin, CNY), QuantityUnit.JIN);

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
    return 0;
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
