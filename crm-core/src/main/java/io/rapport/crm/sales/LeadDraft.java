package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Collects outside input for a new lead, as text, exactly as a web form, a call-center screen or
 * an import file gives it; {@link Lead#capture} validates all of it at once. A builder: mutable
 * and not thread-safe; use one per capture.
 *
 * <pre>{@code
 * LeadDraft draft = LeadDraft.of("Li Wei")
 *     .organizationName("Li Family Trust")
 *     .phone("138 0013 8000").defaultRegion("CN")
 *     .email("li.wei@example.com")
 *     .source("call-center", "spring-fair", null, null)
 *     .budget("200000", "CNY").decisionMaker(true).need("A dining set").timeline("2026-12-31")
 *     .interest("P-dining-set")
 *     .estimatedValue("180000", "CNY")
 *     .attribute("region", "east");
 * }</pre>
 *
 * <p>Blank text counts as not given, except for the name. Interests given twice are kept once.
 * Phone numbers without a country code are read in the {@link #defaultRegion(String) default
 * region}; without one ({@code ZZ}), a country code is required.
 */
public final class LeadDraft {

  private String name;
  private String organizationName;
  private final java.util.List<Contact> contacts = new ArrayList<>();
  private String[] source;
  private String[] budget;
  private Boolean decisionMaker;
  private String need;
  private String timeline;
  private final java.util.List<String> interests = new ArrayList<>();
  private String[] estimatedValue;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private String owner;
  private String team;
  private String defaultRegion = "ZZ";

  private LeadDraft(String name) {
    this.name = name;
  }

  /**
   * Starts the draft of a lead.
   *
   * @param name the person's name, possibly null (then reported as a violation)
   * @return the draft
   */
  public static LeadDraft of(String name) {
    return new LeadDraft(name);
  }

  /** Sets the person's name; returns this draft. */
  public LeadDraft name(String text) {
    this.name = text;
    return this;
  }

  /** Sets the organization they buy for; returns this draft. */
  public LeadDraft organizationName(String text) {
    this.organizationName = text;
    return this;
  }

  /** Adds an email address; returns this draft. */
  public LeadDraft email(String text) {
    contacts.add(new Contact(ContactKind.EMAIL,
        (field, region) -> EmailAddress.validated(text, field).map(ContactPoint::of)));
    return this;
  }

  /** Adds a phone number, in international form or national form of the default region. */
  public LeadDraft phone(String text) {
    contacts.add(new Contact(ContactKind.PHONE,
        (field, region) -> PhoneNumber.validated(text, region, field).map(ContactPoint::of)));
    return this;
  }

  /**
   * Adds a messaging handle, such as ({@code wechat}, {@code xiaoming_88}); it does not count as
   * the email or phone a lead needs.
   */
  public LeadDraft handle(String network, String handle) {
    contacts.add(new Contact(ContactKind.MESSAGING, (field, region) ->
        MessagingHandle.validated(network, handle, field).map(ContactPoint::of)));
    return this;
  }

  /** Sets the region whose national phone format applies, such as {@code CN}; returns this. */
  public LeadDraft defaultRegion(String region) {
    this.defaultRegion = region;
    return this;
  }

  /** Sets where the lead came from (any of campaign, referrer, referredBy may be null). */
  public LeadDraft source(String channel, String campaign, String referrer, String referredBy) {
    this.source = new String[] {channel, campaign, referrer, referredBy};
    return this;
  }

  /** Sets the budget, such as ({@code "200000"}, {@code "CNY"}); returns this draft. */
  public LeadDraft budget(String amount, String currencyCode) {
    this.budget = new String[] {amount, currencyCode};
    return this;
  }

  /** Sets whether the contact decides the purchase (null for unknown); returns this draft. */
  public LeadDraft decisionMaker(Boolean decides) {
    this.decisionMaker = decides;
    return this;
  }

  /** Sets what they need, in their words; returns this draft. */
  public LeadDraft need(String text) {
    this.need = text;
    return this;
  }

  /** Sets by when they want to buy, as an ISO date such as {@code 2026-12-31}. */
  public LeadDraft timeline(String isoDate) {
    this.timeline = isoDate;
    return this;
  }

  /** Adds products they asked about, by product id; returns this draft. */
  public LeadDraft interest(String... productIds) {
    interests.addAll(java.util.Arrays.asList(requireNonNull(productIds, "productIds")));
    return this;
  }

  /** Sets what the deal may be worth, such as ({@code "180000"}, {@code "CNY"}). */
  public LeadDraft estimatedValue(String amount, String currencyCode) {
    this.estimatedValue = new String[] {amount, currencyCode};
    return this;
  }

  /** Sets a further fact as text, such as ({@code industry}, {@code hospitality}). */
  public LeadDraft attribute(String attributeName, String value) {
    attributes.put(requireNonNull(attributeName, "attributeName"), value);
    return this;
  }

  /** Sets the id of the employee who works the lead; returns this draft. */
  public LeadDraft owner(String employeeId) {
    this.owner = employeeId;
    return this;
  }

  /** Sets the id of the team that works the lead; returns this draft. */
  public LeadDraft team(String teamId) {
    this.team = teamId;
    return this;
  }

  /** Validates everything and builds the lead; every problem is reported at once. */
  Validation<Seq<Violation>, Lead> validate(LeadId id, EventStamp stamp) {
    List<Violation> problems = List.empty();
    String person = name == null ? "" : name.strip();
    problems = problems.appendAll(
        LeadChecks.requiredText(person, Lead.MAX_NAME, "lead.name", "name", "A lead's name"));
    Option<String> organization = Option.of(LeadChecks.blankless(organizationName));
    problems = problems.appendAll(organization.toList().flatMap(text -> LeadChecks.requiredText(
        text, Lead.MAX_NAME, "lead.organization_name", "organizationName",
        "An organization name")));
    List<ContactPoint> points = List.empty();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < contacts.size(); i++) {
      String field = "contactPoints[" + i + "].value";
      Validation<Seq<Violation>, ContactPoint> point = contacts.get(i).read.apply(field,
          defaultRegion);
      problems = problems.appendAll(LeadChecks.errors(point));
      if (point.isValid()) {
        ContactValue value = point.get().value();
        if (!seen.add(value.matchKey())) {
          problems = problems.append(Violation.of("lead.contact.duplicate",
              "contactPoints[" + i + "]", "The lead already has this "
                  + value.kind().name().toLowerCase(java.util.Locale.ROOT)));
        } else {
          boolean first = points.forAll(p -> p.kind() != value.kind());
          points = points.append(point.get().withPrimary(first));
        }
      }
    }
    if (contacts.stream().noneMatch(c -> c.kind == ContactKind.EMAIL || c.kind == ContactKind.PHONE)) {
      problems = problems.append(Violation.of("lead.contact.missing", "contactPoints",
          "A lead needs an email address or a phone number to be reached by"));
    }
    Option<AcquisitionSource> acquired = Option.none();
    if (source == null) {
      problems = problems.append(Violation.of("lead.source.missing", "source",
          "A lead needs the channel it came through, such as web or store-visit"));
    } else {
      Validation<Seq<Violation>, AcquisitionSource> checked =
          AcquisitionSource.validated(source[0], source[1], source[2], source[3]);
      problems = problems.appendAll(LeadChecks.errors(checked));
      acquired = checked.toOption();
    }
    Validation<Seq<Violation>, Option<Money>> budgetMoney =
        money(budget, "qualification.budget", "lead.qualification.budget.negative", "A budget");
    problems = problems.appendAll(LeadChecks.errors(budgetMoney));
    Option<String> needText = Option.of(LeadChecks.blankless(need));
    problems = problems.appendAll(Qualification.problems(Option.none(), needText)
        .map(v -> v.under("qualification")));
    Option<LocalDate> timelineDate = Option.none();
    String timelineText = LeadChecks.blankless(timeline);
    if (timelineText != null) {
      try {
        timelineDate = Option.of(LocalDate.parse(timelineText));
      } catch (DateTimeParseException malformed) {
        problems = problems.append(Violation.of("lead.qualification.timeline.malformed",
            "qualification.timeline", "Expected an ISO date such as 2026-12-31, but got "
                + LeadChecks.quote(timeline)));
      }
    }
    List<ProductId> products = List.empty();
    for (int i = 0; i < interests.size(); i++) {
      String text = LeadChecks.blankless(interests.get(i));
      if (text == null) {
        continue;
      }
      Validation<Seq<Violation>, ProductId> product = ProductId.KIND.validated(text);
      problems = problems.appendAll(LeadChecks.at(LeadChecks.errors(product),
          "interests[" + i + "]"));
      if (product.isValid() && !products.contains(product.get())) {
        products = products.append(product.get());
      }
    }
    Validation<Seq<Violation>, Option<Money>> value = money(estimatedValue, "estimatedValue",
        "lead.estimated_value.negative", "An estimated value");
    problems = problems.appendAll(LeadChecks.errors(value));
    SortedMap<String, String> facts = TreeMap.empty();
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      String text = LeadChecks.blankless(entry.getValue());
      if (text == null) {
        continue;
      }
      List<Violation> broken = Lead.attributeProblems(entry.getKey(), text);
      problems = problems.appendAll(broken);
      if (broken.isEmpty()) {
        facts = facts.put(entry.getKey(), text);
      }
    }
    Validation<Seq<Violation>, Option<EmployeeId>> ownerId =
        optionalId(owner, EmployeeId.KIND, "owner");
    Validation<Seq<Violation>, Option<TeamId>> teamId = optionalId(team, TeamId.KIND, "team");
    problems = problems.appendAll(LeadChecks.errors(ownerId)).appendAll(LeadChecks.errors(teamId));
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    try {
      Qualification qualification = new Qualification(budgetMoney.get(),
          Option.of(decisionMaker), needText, timelineDate);
      return Validation.valid(new Lead(id, LeadStatus.NEW, person, organization, points,
          acquired.get(), qualification, products, value.get(), facts, Option.none(),
          ownerId.get(), teamId.get(), Option.none(), Option.none(), stamp.at(), stamp.by(),
          stamp.at()));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
  }

  private static Validation<Seq<Violation>, Option<Money>> money(String[] given, String field,
      String negativeCode, String what) {
    if (given == null || (LeadChecks.blankless(given[0]) == null
        && LeadChecks.blankless(given[1]) == null)) {
      return Validation.valid(Option.none());
    }
    Validation<Seq<Violation>, Money> money = Money.validated(
        given[0] == null ? null : given[0].strip(), given[1] == null ? null : given[1].strip());
    if (money.isInvalid()) {
      return Validation.invalid(LeadChecks.at(money.getError(), field));
    }
    if (money.get().isNegative()) {
      return Violation.invalid(negativeCode, field,
          what + " cannot be negative, but got " + money.get());
    }
    return Validation.valid(Option.of(money.get()));
  }

  private static <I extends TypedId> Validation<Seq<Violation>, Option<I>> optionalId(String text,
      IdKind<I> idKind, String field) {
    String given = LeadChecks.blankless(text);
    if (given == null) {
      return Validation.valid(Option.none());
    }
    return idKind.validated(given).bimap(problems -> LeadChecks.at(problems, field), Option::of);
  }

  /** One contact point as given: its kind and how to read it under a field and a region. */
  private static final class Contact {
    final ContactKind kind;
    final BiFunction<String, String, Validation<Seq<Violation>, ContactPoint>> read;

    Contact(ContactKind kind,
        BiFunction<String, String, Validation<Seq<Violation>, ContactPoint>> read) {
      this.kind = kind;
      this.read = read;
    }
  }
}
