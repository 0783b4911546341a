package io.rapport.crm.persistence.json;

import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.customer.InteractionEvent;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.knowledge.ArticleEvent;
import io.rapport.crm.loyalty.LedgerEvent;
import io.rapport.crm.loyalty.LoyaltyEvent;
import io.rapport.crm.sales.LeadEvent;
import io.rapport.crm.sales.OpportunityEvent;
import io.rapport.crm.sales.PipelineEvent;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.service.TicketEvent;
import io.rapport.crm.work.ActivityEvent;
import io.rapport.crm.work.EmployeeEvent;
import io.rapport.crm.work.TeamEvent;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;

/**
 * Names every domain event of crm-core for stored documents, such as {@code customer.registered}
 * or {@code ticket.sla_escalated}. The names are derived, deterministically, from the sealed event
 * interfaces listed here: the prefix is the interface's name without {@code Event} in snake case
 * ({@code LoyaltyEvent} is {@code loyalty}), the rest the event record's simple name in snake
 * case, less a leading word equal to that prefix ({@code OpportunityWon} is
 * {@code opportunity.won}, {@code PaymentRecorded} is {@code purchase.payment_recorded}). A test
 * pins the full list, so a rename shows.
 */
final class EventTypes {

  /** The sealed event interfaces of crm-core, one per aggregate. */
  static final Seq<Class<? extends DomainEvent>> SEALED = List.of(CustomerEvent.class,
      InteractionEvent.class, PurchaseEvent.class, PipelineEvent.class, OpportunityEvent.class,
      LeadEvent.class, LedgerEvent.class, LoyaltyEvent.class, ActivityEvent.class, TeamEvent.class,
      EmployeeEvent.class, TicketEvent.class, ArticleEvent.class);

  /** Every event record, by its document name, in the order of {@link #SEALED}. */
  static final Map<String, Class<? extends DomainEvent>> BY_NAME = derive();

  private EventTypes() {}

  /** Registers every event under its name. */
  static void registerAll(JsonCodec codec) {
    BY_NAME.forEach(codec::register);
  }

  private static Map<String, Class<? extends DomainEvent>> derive() {
    Map<String, Class<? extends DomainEvent>> names = LinkedHashMap.empty();
    for (Class<? extends DomainEvent> sealed : SEALED) {
      String stem = sealed.getSimpleName().substring(0,
          sealed.getSimpleName().length() - "Event".length());
      for (Class<? extends DomainEvent> event : records(sealed)) {
        String name = snake(stem) + "." + snake(withoutLeading(event.getSimpleName(), stem));
        if (names.containsKey(name)) {
          throw new IllegalStateException("Two events are named " + name);
        }
        names = names.put(name, event);
      }
    }
    return names;
  }

  /** Returns the event records under a sealed interface, through nested sealed interfaces. */
  @SuppressWarnings("unchecked")
  private static Seq<Class<? extends DomainEvent>> records(Class<?> sealed) {
    List<Class<? extends DomainEvent>> found = List.empty();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        found = found.appendAll(records(permitted));
      } else if (permitted.isRecord()) {
        found = found.append((Class<? extends DomainEvent>) permitted);
      } else {
        throw new IllegalStateException("An event must be a record: " + permitted.getName());
      }
    }
    return found;
  }

  private static String withoutLeading(String name, String stem) {
    return name.length() > stem.length() && name.startsWith(stem)
        && Character.isUpperCase(name.charAt(stem.length())) ? name.substring(stem.length()) : name;
  }

  /** Turns {@code SlaEscalated} into {@code sla_escalated}. */
  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
