package io.rapport.crm.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.customer.CustomerEvent;
import io.rapport.crm.loyalty.PointCurrency;
import io.rapport.crm.service.CsatScale;
import io.rapport.crm.service.TicketCategory;
import io.rapport.crm.service.TicketEvent;
import io.rapport.crm.sales.StageCode;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
  private static final EventStamp STAMP = EventStamp.of(EventId.parse("EV-20260301-0001"), AT,
      ActorId.parse("employee:E-chen"));

  private final JsonCodec codec = JsonCodec.standard();

  @Test
  void pinsTheNameOfEveryEvent() {
    assertThat(EventTypes.BY_NAME.keySet().toJavaList()).containsExactlyInAnyOrder(
        "customer.registered", "customer.profile_changed", "customer.contact_points_changed",
        "customer.stage_changed", "customer.assigned", "customer.tagged",
        "customer.consent_recorded", "customer.erased", "customer.absorbed",
        "customer.merged_into", "customer.merge_undone",
        "interaction.recorded", "interaction.linked", "interaction.unlinked",
        "interaction.reassigned", "interaction.redacted",
        "purchase.recorded", "purchase.payment_recorded", "purchase.refunded",
        "purchase.delivered", "purchase.transferred",
        "pipeline.configured", "pipeline.reconfigured", "pipeline.deactivated",
        "pipeline.activated",
        "opportunity.opened", "opportunity.stage_changed", "opportunity.won", "opportunity.lost",
        "opportunity.reopened", "opportunity.amount_changed", "opportunity.line_items_changed",
        "opportunity.close_date_changed", "opportunity.probability_overridden",
        "opportunity.category_overridden", "opportunity.competitors_changed",
        "opportunity.next_step_changed", "opportunity.quote_attached", "opportunity.reassigned",
        "opportunity.renamed", "opportunity.transferred",
        "lead.captured", "lead.work_started", "lead.qualified", "lead.qualification_updated",
        "lead.contact_point_added", "lead.attributes_changed", "lead.assigned", "lead.scored",
        "lead.disqualified", "lead.requalified", "lead.converted",
        "ledger.points_earned", "ledger.points_redeemed", "ledger.points_expired",
        "ledger.points_adjusted", "ledger.points_clawed_back", "ledger.redemption_reversed",
        "loyalty.member_enrolled", "loyalty.activity_recorded", "loyalty.activity_reversed",
        "loyalty.tier_changed", "loyalty.downgrade_noticed", "loyalty.referral_completed",
        "loyalty.member_transferred",
        "activity.scheduled", "activity.started", "activity.completed", "activity.cancelled",
        "activity.reopened", "activity.reassigned", "activity.rescheduled",
        "activity.priority_changed", "activity.watcher_added", "activity.watcher_removed",
        "activity.note_added", "activity.relinked",
        "team.formed", "team.renamed", "team.member_added", "team.member_removed",
        "team.lead_changed", "team.calendar_changed",
        "employee.registered", "employee.renamed", "employee.joined_team", "employee.left_team",
        "employee.role_granted", "employee.role_revoked", "employee.manager_changed",
        "employee.deactivated", "employee.reactivated",
        "ticket.opened", "ticket.status_changed", "ticket.comment_added", "ticket.assigned",
        "ticket.team_changed", "ticket.priority_changed", "ticket.recategorized",
        "ticket.retagged", "ticket.renamed", "ticket.parent_changed", "ticket.relations_changed",
        "ticket.articles_changed", "ticket.transferred", "ticket.rated", "ticket.merged",
        "ticket.merge_received", "ticket.split_off", "ticket.sla_escalated",
        "article.drafted", "article.revised", "article.submitted_for_review", "article.published",
        "article.sent_back", "article.retired", "article.recategorized", "article.retagged",
        "article.feedback_recorded");
  }

  @Test
  void registersEveryEventClassOfCrmCore() throws Exception {
    java.util.Set<String> concrete = new TreeSet<>();
    for (String name : crmCoreClassNames()) {
      Class<?> type = Class.forName(name, false, DomainEvent.class.getClassLoader());
      if (DomainEvent.class.isAssignableFrom(type) && !type.isInterface()
          && !Modifier.isAbstract(type.getModifiers())) {
        concrete.add(type.getName());
      }
    }
    java.util.Set<String> registered = new TreeSet<>(
        EventTypes.BY_NAME.values().map(Class::getName).toJavaList());
    assertThat(concrete).hasSizeGreaterThan(100);
    assertThat(registered).isEqualTo(concrete);
  }

  @Test
  void everyEventRoundTripsAsADocumentWithItsOptionsPresent() {
    for (Class<? extends DomainEvent> type : EventTypes.BY_NAME.values()) {
      DomainEvent event = (DomainEvent) sample(type, true);
      String document = codec.encodeDocument(event);
      assertThat(codec.decodeDocument(document, DomainEvent.class)).as(document).isEqualTo(event);
      assertThat(document).doesNotContain("io.rapport").doesNotContain("\"empty\"");
    }
  }

  @Test
  void everyEventRoundTripsAsADocumentWithItsOptionsEmpty() {
    for (Class<? extends DomainEvent> type : EventTypes.BY_NAME.values()) {
      DomainEvent event = (DomainEvent) sample(type, false);
      String document = codec.encodeDocument(event);
      assertThat(codec.decodeDocument(document, DomainEvent.class)).as(document).isEqualTo(event);
      assertThat(codec.decode(codec.encode(event), type)).as(document).isEqualTo(event);
    }
  }

  @Test
  void writesAnEventAsPlainJsonUnderItsName() {
    CustomerEvent.Assigned event = new CustomerEvent.Assigned(STAMP, CustomerId.parse("C-1"),
        Option.some(io.rapport.crm.kernel.EmployeeId.parse("E-7")), Option.none());
    assertThat(codec.encodeDocument(event)).isEqualTo("{\"schemaVersion\":1,"
        + "\"type\":\"customer.assigned\",\"data\":{\"stamp\":{\"eventId\":\"EV-20260301-0001\","
        + "\"at\":\"2026-03-01T02:00:00Z\",\"by\":\"employee:E-chen\"},\"customerId\":\"C-1\","
        + "\"owner\":\"E-7\"}}");
    String reordered = "{\"type\":\"customer.assigned\",\"data\":{\"customerId\":\"C-1\","
        + "\"owner\":\"E-7\",\"team\":null,\"stamp\":{\"by\":\"employee:E-chen\","
        + "\"eventId\":\"EV-20260301-0001\",\"at\":\"2026-03-01T02:00:00Z\"}},\"schemaVersion\":1}";
    assertThat(codec.decodeDocument(reordered, CustomerEvent.class)).isEqualTo(event);
  }

  @Test
  void readsAnEventOnlyAsATypeItBelongsTo() {
    String document = codec.encodeDocument(new CustomerEvent.Erased(STAMP, CustomerId.parse("C-1")));
    CodecException wrong = catchThrowableOfType(CodecException.class,
        () -> codec.decodeDocument(document, TicketEvent.class));
    assertThat(wrong.code()).isEqualTo("json.unknown_type");
    assertThat(wrong.path()).isEqualTo("$.type");
  }

  @Test
  void refusesAnUnknownEventName() {
    String document = "{\"schemaVersion\":1,\"type\":\"customer.teleported\",\"data\":{}}";
    CodecException unknown = catchThrowableOfType(CodecException.class,
        () -> codec.decodeDocument(document, DomainEvent.class));
    assertThat(unknown.code()).isEqualTo("json.unknown_type");
    assertThat(unknown.path()).isEqualTo("$.type");
  }

  @Test
  void reportsAMissingComponentAndAnUnknownPropertyWithTheirPaths() {
    String missing = "{\"schemaVersion\":1,\"type\":\"customer.erased\",\"data\":{\"stamp\":"
        + "{\"eventId\":\"EV-1\",\"at\":\"2026-03-01T02:00:00Z\"},\"customerId\":\"C-1\"}}";
    CodecException noActor = catchThrowableOfType(CodecException.class,
        () -> codec.decodeDocument(missing, DomainEvent.class));
    assertThat(noActor.code()).isEqualTo("json.missing_property");
    assertThat(noActor.path()).isEqualTo("$.data.stamp.by");
    String extra = "{\"schemaVersion\":1,\"type\":\"ticket.split_off\",\"data\":{\"stamp\":"
        + "{\"eventId\":\"EV-1\",\"at\":\"2026-03-01T02:00:00Z\",\"by\":\"system\"},"
        + "\"ticketId\":\"T-1\",\"newTicket\":\"T-2\",\"commentNumbers\":[1,\"two\"]}}";
    CodecException notANumber = catchThrowableOfType(CodecException.class,
        () -> codec.decodeDocument(extra, DomainEvent.class));
    assertThat(notANumber.code()).isEqualTo("json.wrong_type");
    assertThat(notANumber.path()).isEqualTo("$.data.commentNumbers[1]");
  }

  // ---------------------------------------------------------------------------------------------
  // Samples: every event built through its own checking constructor from realistic values.

  private static Object sample(Type type, boolean full) {
    Class<?> raw = raw(type);
    Object leaf = leaf(raw);
    if (leaf != null) {
      return leaf;
    }
    if (raw == Option.class) {
      return full ? Option.some(sample(arg(type, 0), true)) : Option.none();
    }
    if (raw == Seq.class || raw == List.class) {
      return full ? List.of(sample(arg(type, 0), true)) : List.empty();
    }
    if (raw == Set.class) {
      return full ? HashSet.of(sample(arg(type, 0), true)) : HashSet.empty();
    }
    if (raw == Map.class) {
      return HashMap.of(sample(arg(type, 0), full), sample(arg(type, 1), full));
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
    }
    if (TypedId.class.isAssignableFrom(raw)) {
      return invoke(raw, "parse", String.class, raw.getSimpleName().substring(0, 1) + "-1001");
    }
    if (raw.isSealed()) {
      for (Class<?> permitted : raw.getPermittedSubclasses()) {
        if (permitted.isRecord()) {
          return sample(permitted, full);
        }
      }
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] arguments = new Object[components.length];
      Class<?>[] parameters = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        arguments[i] = sample(components[i].getGenericType(), full);
        parameters[i] = components[i].getType();
      }
      try {
        Constructor<?> constructor = raw.getDeclaredConstructor(parameters);
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException refused) {
        throw new AssertionError("Cannot build a sample " + raw.getName() + " from "
            + java.util.Arrays.toString(arguments), refused.getCause());
      } catch (ReflectiveOperationException unreachable) {
        throw new AssertionError(unreachable);
      }
    }
    throw new AssertionError("No sample for " + type.getTypeName());
  }

  private static Object leaf(Class<?> raw) {
    if (raw == EventStamp.class) {
      return STAMP;
    } else if (raw == String.class) {
      return "marketing";
    } else if (raw == int.class || raw == Integer.class) {
      return 3;
    } else if (raw == long.class || raw == Long.class) {
      return 120L;
    } else if (raw == boolean.class || raw == Boolean.class) {
      return true;
    } else if (raw == Instant.class) {
      return AT;
    } else if (raw == LocalDate.class) {
      return LocalDate.of(2026, 4, 30);
    } else if (raw == Duration.class) {
      return Duration.ofMinutes(4);
    } else if (raw == Locale.class) {
      return Locale.forLanguageTag("zh-CN");
    } else if (raw == BigDecimal.class) {
      return new BigDecimal("1.5");
    } else if (raw == Money.class) {
      return Money.of("1280.00", Currency.getInstance("CNY"));
    } else if (raw == Percentage.class) {
      return Percentage.parse("60%");
    } else if (raw == RecordRef.class) {
      return RecordRef.to(CustomerId.parse("C-1001"));
    } else if (raw == ActorId.class) {
      return ActorId.parse("employee:E-chen");
    } else if (raw == StageCode.class) {
      return StageCode.of("proposal");
    } else if (raw == TicketCategory.class) {
      return TicketCategory.of("billing");
    } else if (raw == PointCurrency.class) {
      return PointCurrency.of("points");
    } else if (raw == io.rapport.crm.customer.Channel.class) {
      return new io.rapport.crm.customer.Channel.StoreVisit("beijing-store");
    } else if (raw == io.rapport.crm.work.HandOff.class) {
      return new io.rapport.crm.work.HandOff(io.rapport.crm.kernel.EmployeeId.parse("E-chen"),
          io.rapport.crm.kernel.EmployeeId.parse("E-wang"), AT, ActorId.parse("employee:E-chen"),
          "on leave");
    } else if (raw == io.rapport.crm.service.SlaAlert.class) {
      return new io.rapport.crm.service.SlaAlert(io.rapport.crm.service.SlaTargetKind.RESOLUTION,
          0, io.rapport.crm.service.AlertLevel.BREACH, AT);
    } else if (raw == CsatScale.class) {
      return CsatScale.of(1, 5, 2);
    } else if (raw == BusinessCalendar.class) {
      return BusinessCalendar.builder(ZoneId.of("Asia/Shanghai"))
          .workingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
              LocalTime.of(18, 0))
          .holiday(LocalDate.of(2026, 10, 1), "National Day")
          .build();
    }
    return null;
  }

  private static Object invoke(Class<?> type, String factory, Class<?> parameter, Object argument) {
    try {
      Method method = type.getMethod(factory, parameter);
      return method.invoke(null, argument);
    } catch (ReflectiveOperationException unreachable) {
      throw new AssertionError(unreachable);
    }
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType()
        : (Class<?>) type;
  }

  private static Type arg(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }

  /** Lists the classes of crm-core, from its classes folder or its jar. */
  private static java.util.List<String> crmCoreClassNames() throws Exception {
    Path location = Path.of(DomainEvent.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    java.util.List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files.filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> names.add(className(location.relativize(f).toString())));
      } catch (UncheckedIOException failed) {
        throw new IOException(failed);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().filter(e -> e.getName().endsWith(".class"))
            .forEach(e -> names.add(className(e.getName())));
      }
    }
    names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
    return names;
  }

  private static String className(String file) {
    return file.substring(0, file.length() - ".class".length()).replace('/', '.')
        .replace('\\', '.');
  }
}
