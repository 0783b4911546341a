package io.rapport.crm.customer;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures that read as prose. */
final class Customers {

  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
  static final ActorId AGENT = ActorId.parse("employee:E-7");
  private static final AtomicInteger EVENTS = new AtomicInteger();

  static final AttributeSchema SCHEMA = AttributeSchema.of(
      AttributeDefinition.choice("wood.preference", "hainan-huanghuali", "zitan", "suanzhi"),
      AttributeDefinition.date("birthday").asPersonal(),
      AttributeDefinition.money("budget", Currency.getInstance("CNY")),
      AttributeDefinition.number("household.size"),
      AttributeDefinition.text("notes").asPersonal().withMaxLength(20));

  static final CustomerRules RULES = CustomerRules.standard("CN").withSchema(SCHEMA);

  private Customers() {}

  static EventStamp at(int day) {
    return EventStamp.of(EventId.parse("ev-" + EVENTS.incrementAndGet()),
        T0.plus(Duration.ofDays(day)), AGENT);
  }

  static CustomerDraft xiaoming() {
    return CustomerDraft.person("王小明").familyName("王").givenNames("小明")
        .phonetic("Wang Xiaoming")
        .email("XiaoMing@Example.com", true)
        .phone("138 0013 8000", false)
        .address(java.util.List.of("朝阳区建国路 88 号"), "北京", "北京", "100022", "cn")
        .handle("wechat", "xiaoming_88")
        .tags("Rosewood", " VIP ")
        .attribute("wood.preference", "zitan")
        .attribute("birthday", "1980-05-04")
        .attribute("budget", "CNY 280000.00")
        .source("store-visit", "spring-fair", null, null)
        .owner("E-7").team("beijing-store");
  }

  static Customer aVipCustomer() {
    return Customer.register(CustomerId.parse("C-1"), xiaoming(), RULES, at(0)).get().state();
  }

  static Customer another(String id, String name, String email, int day) {
    return Customer.register(CustomerId.parse(id), CustomerDraft.person(name).email(email, false),
        RULES, at(day)).get().state();
  }
}
