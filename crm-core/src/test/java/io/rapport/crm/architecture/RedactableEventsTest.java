package io.rapport.crm.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.customer.InteractionEvent;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.RedactableEvent;
import io.rapport.crm.knowledge.ArticleEvent;
import io.rapport.crm.loyalty.LedgerEvent;
import io.rapport.crm.loyalty.LoyaltyEvent;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.sales.LeadEvent;
import io.rapport.crm.sales.OpportunityCompetitorsChanged;
import io.rapport.crm.sales.OpportunityEvent;
import io.rapport.crm.sales.OpportunityLost;
import io.rapport.crm.sales.PipelineEvent;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.sales.StageCode;
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketEvent;
import io.rapport.crm.work.ActivityEvent;
import io.rapport.crm.work.EmployeeEvent;
import io.rapport.crm.work.Role;
import io.rapport.crm.work.TeamEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link RedactableEvent} complete: walks every permitted subtype of the sealed event
 * interfaces of the aggregates a customer's erasure redacts, and fails when a type holding text
 * neither implements it nor is listed below as kept, with the reason it is kept. A new event with
 * a free-text component therefore fails here until someone decides.
 */
class RedactableEventsTest {

  /** The event families of the aggregates a customer's erasure redacts. */
  static final List<Class<?>> REDACTED_FAMILIES = List.of(CustomerEvent.class,
      InteractionEvent.class, LeadEvent.class, OpportunityEvent.class, PurchaseEvent.class,
      TicketEvent.class, LedgerEvent.class, LoyaltyEvent.class, ActivityEvent.class);

  /** The event families of aggregates erasure does not touch, and why. */
  static final Map<Class<?>, String> UNTOUCHED_FAMILIES = Map.of(
      PipelineEvent.class, "a pipeline configures stages and holds nothing about a customer",
      EmployeeEvent.class, "an employee's record is the company's, not the customer's",
      TeamEvent.class, "a team's record is the company's, not the customer's",
      ArticleEvent.class, "a knowledge article is the company's content, about no one customer");

  /** Value types whose text is a validated code, never free text, and why. */
  static final Map<Class<?>, String> CODES = Map.of(
      PointCurrency.class, "a point currency's code, defined by the program",
      StageCode.class, "a pipeline stage's code",
      ConsentPurpose.class, "a consent purpose's code",
      TicketCategory.class, "a ticket category's code",
      Role.class, "a role's code");

  /** Events holding text that their aggregate's redaction keeps, and why. */
  static final Map<Class<?>, String> KEPT = Map.ofEntries(
      Map.entry(CustomerEvent.ProfileChanged.class, "names the fields that changed, not values"),
      Map.entry(CustomerEvent.Tagged.class, "tags are the company's labels; erasure keeps them"),
      Map.entry(LeadEvent.LeadCaptured.class,
          "source channel and campaign code; Lead.redacted keeps them"),
      Map.entry(LeadEvent.LeadQualificationUpdated.class,
          "names the parts that changed, not their values"),
      Map.entry(LeadEvent.LeadAttributesChanged.class,
          "names the attribute (a field of the host's schema), never its value"),
      Map.entry(LeadEvent.LeadDisqualified.class,
          "a reason code; Lead.redacted keeps it and removes only the note, which no event holds"),
      Map.entry(LeadEvent.LeadRequalified.class, "a reason code; Lead.redacted keeps it"),
      Map.entry(OpportunityLost.class, "a lost reason's code; Opportunity.redacted keeps it"),
      Map.entry(OpportunityCompetitorsChanged.class,
          "competitor names are companies, kept by design (docs/guides/privacy.md)"),
      Map.entry(PurchaseEvent.PurchaseRecorded.class,
          "the sales channel; Purchase.redacted keeps it"),
      Map.entry(TicketEvent.Retagged.class, "tags are the company's labels; Ticket.redacted keeps"
          + " them"),
      Map.entry(LoyaltyEvent.MemberEnrolled.class, "a tier name of the program"),
      Map.entry(LoyaltyEvent.TierChanged.class, "tier names and perks of the program"),
      Map.entry(LoyaltyEvent.DowngradeNoticed.class, "a tier name of the program"),
      Map.entry(LoyaltyEvent.ActivityRecorded.class,
          "earning rules' names and explanations, written by the program, not about the member"));

  @Test
  void everyEventTypeBelongsToAListedFamily() {
    Set<Class<?>> walked = new HashSet<>();
    REDACTED_FAMILIES.forEach(family -> walked.addAll(eventTypes(family)));
    UNTOUCHED_FAMILIES.keySet().forEach(family -> walked.addAll(eventTypes(family)));

    Set<String> unlisted = allEventRecords().stream().filter(type -> !walked.contains(type))
        .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));

    assertThat(unlisted).as("event types of no listed family").isEmpty();
  }

  @Test
  void everyEventHoldingTextItsAggregateRedactsIsRedactable() {
    List<String> unsure = new ArrayList<>();
    for (Class<?> family : REDACTED_FAMILIES) {
      for (Class<?> type : eventTypes(family)) {
        if (!textComponents(type).isEmpty() && !RedactableEvent.class.isAssignableFrom(type)
            && !KEPT.containsKey(type)) {
          unsure.add(type.getName() + " " + textComponents(type));
        }
      }
    }

    assertThat(unsure).as("events with text that neither redact it nor say why they keep it")
        .isEmpty();
  }

  @Test
  void theListsAreHonest() {
    for (Class<?> kept : KEPT.keySet()) {
      assertThat(textComponents(kept)).as(kept + " is listed as keeping text").isNotEmpty();
      assertThat(RedactableEvent.class.isAssignableFrom(kept)).as(kept + " redacts").isFalse();
    }
    for (Class<?> family : REDACTED_FAMILIES) {
      for (Class<?> type : eventTypes(family)) {
        if (RedactableEvent.class.isAssignableFrom(type)) {
          assertThat(textComponents(type)).as(type + " redacts text it holds").isNotEmpty();
        }
      }
    }
    for (Class<?> code : CODES.keySet()) {
      assertThat(code.isRecord() && code.getRecordComponents().length == 1
          && code.getRecordComponents()[0].getType() == String.class)
          .as(code + " is a single code").isTrue();
    }
    assertThat(eventTypes(CustomerEvent.class)).contains(CustomerEvent.StageChanged.class);
  }

  @Test
  void theWalkFindsTextInsideNestedValues() {
    assertThat(textComponents(io.rapport.crm.work.NoteAdded.class)).containsExactly("note");
    assertThat(textComponents(io.rapport.crm.work.ActivityReassigned.class))
        .containsExactly("handOff");
    assertThat(textComponents(LedgerEvent.PointsAdjusted.class)).containsExactly("entry");
    assertThat(textComponents(LedgerEvent.PointsEarned.class)).isEmpty();
    assertThat(textComponents(CustomerEvent.Erased.class)).isEmpty();
  }

  /** Returns every concrete event record of a sealed family, walking nested sealed types. */
  static Set<Class<?>> eventTypes(Class<?> family) {
    Set<Class<?>> found = new HashSet<>();
    if (family.isRecord()) {
      found.add(family);
    } else if (family.isSealed()) {
      for (Class<?> sub : family.getPermittedSubclasses()) {
        found.addAll(eventTypes(sub));
      }
    } else {
      throw new AssertionError(family + " is neither sealed nor a record");
    }
    return found;
  }

  static Set<Class<?>> allEventRecords() {
    Set<Class<?>> events = new HashSet<>();
    for (JavaClass type : new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.rapport.crm")) {
      Class<?> loaded = type.reflect();
      if (DomainEvent.class.isAssignableFrom(loaded) && !loaded.isInterface()) {
        events.add(loaded);
      }
    }
    return events;
  }

  /** Returns the names of a record's components that hold text, however deep. */
  static Set<String> textComponents(Class<?> record) {
    Set<String> found = new TreeSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      if (holdsText(component.getGenericType(), new HashSet<>())) {
        found.add(component.getName());
      }
    }
    return found;
  }

  /**
   * Tells whether a type can hold text: a string, a collection or option of one, or a domain value
   * with one inside. Kernel values (ids, stamps, money, record references) and the listed codes
   * hold none that could name a person.
   */
  static boolean holdsText(Type type, Set<Type> seen) {
    if (!seen.add(type)) {
      return false;
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (holdsText(argument, seen)) {
          return true;
        }
      }
      return false;
    }
    if (!(type instanceof Class<?> plain)) {
      return true; // a type variable or wildcard: could be anything
    }
    if (plain == String.class) {
      return true;
    }
    if (plain.isPrimitive() || plain.isEnum() || CODES.containsKey(plain)
        || !plain.getName().startsWith("io.rapport.crm.")
        || plain.getPackageName().equals("io.rapport.crm.kernel")) {
      return false;
    }
    if (plain.isRecord()) {
      for (RecordComponent component : plain.getRecordComponents()) {
        if (holdsText(component.getGenericType(), seen)) {
          return true;
        }
      }
      return false;
    }
    if (plain.isSealed()) {
      for (Class<?> sub : plain.getPermittedSubclasses()) {
        if (holdsText(sub, seen)) {
          return true;
        }
      }
      return false;
    }
    if (plain.isInterface()) {
      return true; // open: an implementation could hold text
    }
    for (Field field : plain.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && holdsText(field.getGenericType(), seen)) {
        return true;
      }
    }
    return false;
  }
}
