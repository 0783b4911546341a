package io.rapport.crm.benchmarks;

import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ConsentRecord;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.AttributeDefinition;
import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import java.time.Instant;
import java.util.Currency;

/** Builds the customers the benchmarks work on. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final CustomerRules RULES = CustomerRules.standard("CN").withSchema(AttributeSchema.of(
      AttributeDefinition.choice("wood.preference", "zitan", "hainan-huanghuali", "suanzhi"),
      AttributeDefinition.money("budget", Currency.getInstance("CNY")),
      AttributeDefinition.date("birthday").asPersonal()));

  private Fixtures() {}

  static EventStamp stamp(String id, int day) {
    return EventStamp.of(EventId.parse(id), T0.plusSeconds(86_400L * day), ActorId.parse("bench"));
  }

  /** Returns a customer with the given number of contact points, tags, attributes and history. */
  static Customer customerWithContactPoints(String id, int points) {
    CustomerDraft draft = CustomerDraft.person("王小明").familyName("王").givenNames("小明")
        .phonetic("Wang Xiaoming").tags("vip", "rosewood", "call-center")
        .attribute("wood.preference", "zitan").attribute("budget", "CNY 280000.00")
        .attribute("birthday", "1980-05-04").source("store-visit", "spring-fair", null, null)
        .owner("E-7").team("beijing-store");
    for (int i = 0; i < points; i++) {
      if (i % 3 == 0) {
        draft.phone("+86 138 0013 8" + String.format("%03d", i), i % 2 == 0);
      } else if (i % 3 == 1) {
        draft.email("customer" + i + "@example.com", i % 2 == 0);
      } else {
        draft.handle("wechat", "xiaoming_" + i);
      }
    }
    Customer customer = Customer.register(CustomerId.parse(id), draft, RULES, stamp("e-1", 0))
        .get().state();
    customer = customer.moveTo(LifecycleStage.PROSPECT, "asked for a quote",
        RULES.lifecyclePolicy(), stamp("e-2", 1)).get().state();
    customer = customer.moveTo(LifecycleStage.CUSTOMER, "bought a table",
        RULES.lifecyclePolicy(), stamp("e-3", 9)).get().state();
    return customer.recordConsent(ConsentRecord.of(ConsentPurpose.MARKETING, ConsentChannel.EMAIL,
        ConsentRecord.Status.GRANTED, T0, "store", "signed form"), stamp("e-4", 9)).get().state();
  }
}
