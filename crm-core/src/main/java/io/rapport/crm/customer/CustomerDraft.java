package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.IdKind;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.SortedSet;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Collects outside input for a new customer, as text, exactly as a form or an import file gives it;
 * {@link Customer#register} validates all of it at once. A builder: mutable and not thread-safe;
 * use one per registration.
 *
 * <pre>{@code
 * CustomerDraft draft = CustomerDraft.person("王小明")
 *     .familyName("王").givenNames("小明")
 *     .email("xiaoming@example.com", true)
 *     .phone("138 0013 8000", false)
 *     .tags("rosewood", "vip")
 *     .attribute("wood.preference", "hainan-huanghuali")
 *     .source("store-visit", "spring-fair", null, null);
 * }</pre>
 */
public final class CustomerDraft {

  private final PartyKind kind;
  private final String displayName;
  private String familyName;
  private String givenNames;
  private String phonetic;
  private String organizationName;
  private String taxId;
  private String parent;
  private String owner;
  private String team;
  private final java.util.List<String> tags = new ArrayList<>();
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final java.util.List<BiFunction<String, String, Validation<Seq<Violation>, ContactPoint>>>
      contacts = new ArrayList<>();
  private String[] source;
  private LifecycleStage stage = LifecycleStage.LEAD;
  private String stageReason = "";

  private CustomerDraft(PartyKind kind, String displayName) {
    this.kind = requireNonNull(kind, "kind");
    this.displayName = displayName;
  }

  /**
   * Starts the draft of a person.
   *
   * @param displayName the name as shown, possibly null (then reported as a violation)
   * @return the draft
   */
  public static CustomerDraft person(String displayName) {
    return new CustomerDraft(PartyKind.PERSON, displayName);
  }

  /**
   * Starts the draft of an organization.
   *
   * @param displayName the name as shown, possibly null (then reported as a violation)
   * @return the draft
   */
  public static CustomerDraft organization(String displayName) {
    return new CustomerDraft(PartyKind.ORGANIZATION, displayName);
  }

  /** Sets the family name; returns this draft. */
  public CustomerDraft familyName(String text) {
    this.familyName = text;
    return this;
  }

  /** Sets the given names; returns this draft. */
  public CustomerDraft givenNames(String text) {
    this.givenNames = text;
    return this;
  }

  /** Sets the phonetic reading of the name; returns this draft. */
  public CustomerDraft phonetic(String text) {
    this.phonetic = text;
    return this;
  }

  /** Sets the organization name (a person's employer, or an organization's legal name). */
  public CustomerDraft organizationName(String text) {
    this.organizationName = text;
    return this;
  }

  /** Sets the tax or registration number, as entered; returns this draft. */
  public CustomerDraft taxId(String text) {
    this.taxId = text;
    return this;
  }

  /** Sets the parent organization's id (organizations only); returns this draft. */
  public CustomerDraft parent(String customerId) {
    this.parent = customerId;
    return this;
  }

  /** Sets the owning employee's id; returns this draft. */
  public CustomerDraft owner(String employeeId) {
    this.owner = employeeId;
    return this;
  }

  /** Sets the responsible team's id; returns this draft. */
  public CustomerDraft team(String teamId) {
    this.team = teamId;
    return this;
  }

  /** Adds tags; returns this draft. */
  public CustomerDraft tags(String... more) {
    tags.addAll(java.util.Arrays.asList(requireNonNull(more, "tags")));
    return this;
  }

  /** Sets a custom attribute as text, read by the schema's type; returns this draft. */
  public CustomerDraft attribute(String name, String value) {
    attributes.put(requireNonNull(name, "name"), value);
    return this;
  }

  /** Sets how the customer was acquired (any of campaign, referrer, referredBy may be null). */
  public CustomerDraft source(String channel, String campaign, String referrer, String referredBy) {
    this.source = new String[] {channel, campaign, referrer, referredBy};
    return this;
  }

  /** Sets the lifecycle stage the customer starts in (default {@code LEAD}) and why. */
  public CustomerDraft stage(LifecycleStage start, String reason) {
    this.stage = requireNonNull(start, "start");
    this.stageReason = reason == null ? "" : reason;
    return this;
  }

  /** Adds an email address; returns this draft. */
  public CustomerDraft email(String text, boolean verified) {
    contacts.add((field, region) -> EmailAddress.validated(text, field + ".value")
        .map(email -> point(email, verified)));
    return this;
  }

  /** Adds a phone number, in international form or national form of the default region. */
  public CustomerDraft phone(String text, boolean verified) {
    contacts.add((field, region) -> PhoneNumber.validated(text, region, field + ".value")
        .map(phone -> point(phone, verified)));
    return this;
  }

  /** Adds a postal address; returns this draft. */
  public CustomerDraft address(Iterable<String> lines, String locality, String region,
      String postalCode, String country) {
    contacts.add((field, defaultRegion) -> PostalAddress.validated(lines, locality, region,
        postalCode, country).mapError(problems -> problems.map(v -> v.under(field + ".value")))
        .map(address -> point(address, false)));
    return this;
  }

  /** Adds a messaging or social handle, such as ({@code wechat}, {@code xiaoming_88}). */
  public CustomerDraft handle(String network, String handle) {
    contacts.add((field, region) -> MessagingHandle.validated(network, handle, field + ".value")
        .map(value -> point(value, false)));
    return this;
  }

  private static ContactPoint point(ContactValue value, boolean verified) {
    return new ContactPoint(value, Option.none(), false, verified, Option.none(), Option.none());
  }

  /** Validates everything and builds the customer; every problem is reported at once. */
  Validation<Seq<Violation>, Customer> validate(CustomerId id, CustomerRules rules, Instant at,
      ActorId by) {
    List<Violation> problems = List.empty();
    Validation<Seq<Violation>, CustomerName> name =
        CustomerName.validated(displayName, familyName, givenNames, phonetic);
    problems = problems.appendAll(errors(name));
    List<ContactPoint> points = List.empty();
    for (int i = 0; i < contacts.size(); i++) {
      Validation<Seq<Violation>, ContactPoint> point =
          contacts.get(i).apply("contactPoints[" + i + "]", rules.defaultRegion());
      problems = problems.appendAll(errors(point));
      if (point.isValid()) {
        points = points.append(point.get());
      }
    }
    points = withPrimaries(points);
    problems = problems.appendAll(Customer.contactProblems(points));
    Validation<Seq<Violation>, SortedMap<String, AttributeValue>> values =
        rules.schema().validated(attributes);
    problems = problems.appendAll(errors(values));
    Validation<Seq<Violation>, SortedSet<String>> tagSet = Customer.tags(tags, "tags");
    problems = problems.appendAll(errors(tagSet));
    Option<AcquisitionSource> acquired = Option.none();
    if (source != null) {
      Validation<Seq<Violation>, AcquisitionSource> checked =
          AcquisitionSource.validated(source[0], source[1], source[2], source[3]);
      problems = problems.appendAll(errors(checked));
      acquired = checked.toOption();
    }
    Validation<Seq<Violation>, Option<CustomerId>> parentId = optionalId(parent, CustomerId.KIND, "parent");
    Validation<Seq<Violation>, Option<EmployeeId>> ownerId = optionalId(owner, EmployeeId.KIND, "owner");
    Validation<Seq<Violation>, Option<TeamId>> teamId = optionalId(team, TeamId.KIND, "team");
    problems = problems.appendAll(errors(parentId)).appendAll(errors(ownerId)).appendAll(errors(teamId));
    Option<String> tax = taxId == null || taxId.isBlank() ? Option.none()
        : Option.of(Customer.normaliseTaxId(taxId));
    if (tax.exists(t -> t.length() > 64)) {
      problems = problems.append(Violation.of("customer.tax_id.malformed", "taxId",
          "A tax id holds at most 64 characters"));
    }
    Option<String> organization = organizationName == null || organizationName.isBlank()
        ? Option.none() : Option.of(organizationName.strip());
    if (organization.exists(o -> o.length() > CustomerName.MAX_LENGTH)) {
      problems = problems.append(Violation.of("customer.organization_name.too_long",
          "organizationName", "An organization name holds at most 200 characters"));
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    try {
      return Validation.valid(new Customer(id, kind, name.get(), parentId.get(), organization, tax,
          points, Lifecycle.start(stage, at, by, stageReason), ownerId.get(), teamId.get(),
          tagSet.get(), values.get(), acquired, ConsentLedger.EMPTY, at, at, Option.none(),
          Option.none()));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
  }

  /** Makes the first point of each kind primary. */
  private static List<ContactPoint> withPrimaries(List<ContactPoint> points) {
    java.util.Set<ContactKind> seen = java.util.EnumSet.noneOf(ContactKind.class);
    return points.map(p -> seen.add(p.kind()) ? p.withPrimary(true) : p);
  }

  private static <I extends TypedId> Validation<Seq<Violation>, Option<I>> optionalId(String text,
      IdKind<I> idKind, String field) {
    if (text == null || text.isBlank()) {
      return Validation.valid(Option.none());
    }
    return idKind.validated(text.strip()).bimap(
        problems -> problems.map(v -> Violation.of(v.code(), field, v.message())), Option::of);
  }

  private static Seq<Violation> errors(Validation<Seq<Violation>, ?> validation) {
    return validation.isInvalid() ? validation.getError() : List.empty();
  }
}
