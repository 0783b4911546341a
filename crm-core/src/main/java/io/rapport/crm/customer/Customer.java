package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.CustomerEvent.ContactPointsChanged.Change;
import io.rapport.crm.customer.CustomerRejection.Reason;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.SortedMap;
import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Locale;

/**
 * Holds everything known about one customer, a person or an organization: name, contact points,
 * lifecycle with its history, owner and team, tags, typed custom attributes, how they were
 * acquired, and consent. Commands answer {@code Either<CustomerRejection, Transition<Customer>>}
 * and never change this value. Immutable and thread-safe.
 *
 * <p>Two terminal conditions: an <em>erased</em> customer keeps only non-personal facts (kind,
 * lifecycle stages and times, owner, team, tags, non-personal attributes, acquisition channel and
 * campaign) and refuses every command but {@link #erase}; a <em>merged</em> customer only points
 * to the customer it was merged into.
 *
 * @param id the customer's id
 * @param kind person or organization
 * @param name the name
 * @param parent for an organization, the organization it belongs to
 * @param organizationName for a person, the organization they work for; for an organization, its
 *     legal name if it differs from the display name
 * @param taxId the tax or registration number, normalised (upper case, no spaces, dashes or dots)
 * @param contactPoints the contact points, at most one primary per kind, no value twice (masked
 *     stand-ins, {@link MaskedContact}, may repeat and are left out of {@link #matchKeys()})
 * @param lifecycle the lifecycle with its history
 * @param owner the employee who owns the relationship
 * @param team the team responsible
 * @param tags the tags, normalised to lower case
 * @param attributes the custom attributes by name
 * @param source how the customer was acquired
 * @param consent the consent statements
 * @param createdAt when the customer was registered
 * @param updatedAt when the last command changed it
 * @param erasedAt when its personal data was erased, if it was
 * @param mergedInto the customer it was merged into, if it was
 */
public record Customer(CustomerId id, PartyKind kind, CustomerName name, Option<CustomerId> parent,
    Option<String> organizationName, Option<String> taxId, Seq<ContactPoint> contactPoints,
    Lifecycle lifecycle, Option<EmployeeId> owner, Option<TeamId> team, SortedSet<String> tags,
    SortedMap<String, AttributeValue> attributes, Option<AcquisitionSource> source,
    ConsentLedger consent, Instant createdAt, Instant updatedAt, Option<Instant> erasedAt,
    Option<CustomerId> mergedInto) implements Aggregate<CustomerId> {

  /** The longest tag accepted, in characters. */
  public static final int MAX_TAG_LENGTH = 64;

  /**
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if a person has a parent ({@code customer.parent.person}), the
   *     customer is its own parent ({@code customer.parent.self}), a contact value appears twice
   *     ({@code contact.duplicate}), a kind has two primaries ({@code contact.primary.twice}), a tag
   *     is malformed ({@code tag.malformed}) or the tax id is not normalised
   *     ({@code customer.tax_id.malformed})
   */
  public Customer {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(name, "name");
    requireNonNull(parent, "parent");
    requireNonNull(organizationName, "organizationName");
    requireNonNull(taxId, "taxId");
    requireNonNull(contactPoints, "contactPoints");
    requireNonNull(lifecycle, "lifecycle");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(tags, "tags");
    requireNonNull(attributes, "attributes");
    requireNonNull(source, "source");
    requireNonNull(consent, "consent");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(erasedAt, "erasedAt");
    requireNonNull(mergedInto, "mergedInto");
    contactPoints.forEach(point -> requireNonNull(point, "contactPoints element"));
    Seq<Violation> problems = invariants(id, kind, parent, taxId, contactPoints, tags);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  private static Seq<Violation> invariants(CustomerId id, PartyKind kind, Option<CustomerId> parent,
      Option<String> taxId, Seq<ContactPoint> points, SortedSet<String> tags) {
    List<Violation> problems = List.empty();
    if (kind == PartyKind.PERSON && parent.isDefined()) {
      problems = problems.append(Violation.of("customer.parent.person", "parent",
          "Only an organization may have a parent organization"));
    }
    if (parent.contains(id)) {
      problems = problems.append(Violation.of("customer.parent.self", "parent",
          "A customer cannot be its own parent"));
    }
    if (taxId.exists(tax -> !normaliseTaxId(tax).equals(tax) || tax.isEmpty())) {
      problems = problems.append(Violation.of("customer.tax_id.malformed", "taxId",
          "A tax id is upper case without spaces, dashes or dots, 1 to 64 characters"));
    }
    problems = problems.appendAll(contactProblems(points));
    for (String tag : tags) {
      if (!normaliseTag(tag).equals(tag) || tag.isEmpty() || tag.length() > MAX_TAG_LENGTH) {
        problems = problems.append(Violation.of("tag.malformed", "tags",
            "A tag is 1 to " + MAX_TAG_LENGTH + " lower-case letters, digits, spaces, '.', '_' or '-': "
                + Checks.quote(tag)));
      }
    }
    return problems;
  }

  static Seq<Violation> contactProblems(Seq<ContactPoint> points) {
    List<Violation> problems = List.empty();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Set<ContactKind> primaries = java.util.EnumSet.noneOf(ContactKind.class);
    int index = 0;
    for (ContactPoint point : points) {
      if (!point.value().isMasked() && !seen.add(point.value().matchKey())) {
        problems = problems.append(Violation.of("contact.duplicate", "contactPoints[" + index + "]",
            "The customer already has this " + point.kind().name().toLowerCase(Locale.ROOT)));
      }
      if (point.primary() && !primaries.add(point.kind())) {
        problems = problems.append(Violation.of("contact.primary.twice", "contactPoints[" + index + "]",
            "Only one " + point.kind().name().toLowerCase(Locale.ROOT) + " can be primary"));
      }
      index++;
    }
    return problems;
  }

  /**
   * Registers a customer from outside input, reporting every problem at once: the name, each
   * contact point (field {@code contactPoints[i]…}), the attributes against the schema, the source
   * and the ids.
   *
   * @param id the new customer's id, from the host's id generator
   * @param draft the input
   * @param rules the schema, lifecycle policy and default phone region
   * @param stamp the event's id, the time and the actor
   * @return the customer with its {@link CustomerEvent.Registered} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Customer>> register(CustomerId id,
      CustomerDraft draft, CustomerRules rules, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(rules, "rules");
    requireNonNull(stamp, "stamp");
    return draft.validate(id, rules, stamp.at(), stamp.by()).map(customer ->
        Transition.of(customer, new CustomerEvent.Registered(stamp, id, customer.kind(),
            customer.lifecycle().stage())));
  }

  /** Returns whether the customer's personal data was erased. */
  public boolean isErased() {
    return erasedAt.isDefined();
  }

  /** Returns whether the customer was merged into another. */
  public boolean isMerged() {
    return mergedInto.isDefined();
  }

  /** Returns the current lifecycle stage. */
  public LifecycleStage stage() {
    return lifecycle.stage();
  }

  /**
   * Returns the primary contact point of a kind, or else the first one of that kind valid at the
   * instant.
   *
   * @param contactKind the kind
   * @param at the instant
   * @return the contact point, or empty
   */
  public Option<ContactPoint> preferred(ContactKind contactKind, Instant at) {
    Seq<ContactPoint> valid = contactPoints.filter(p -> p.kind() == contactKind && p.isValidAt(at));
    return valid.find(ContactPoint::primary).orElse(valid.headOption());
  }

  /**
   * Answers whether the customer may be contacted on a channel for a purpose at an instant, from
   * the consent records; never for an erased or merged customer.
   *
   * @param channel the channel
   * @param purpose the purpose
   * @param at the instant
   * @return the decision with its reason
   */
  public ContactDecision mayContact(ConsentChannel channel, ConsentPurpose purpose, Instant at) {
    if (isErased() || isMerged()) {
      return new ContactDecision(false, ContactDecision.Reason.NOT_CONTACTABLE, Option.none());
    }
    return consent.decide(channel, purpose, at);
  }

  /** Returns the normalised values two customers would share if they were the same, for matching. */
  public Set<String> matchKeys() {
    Set<String> keys = contactPoints.filter(p -> !p.value().isMasked())
        .map(p -> p.value().matchKey()).toSet();
    return taxId.isDefined() ? keys.add("tax:" + taxId.get()) : keys;
  }

  /**
   * Returns what duplicate detection compares of this customer: names, email and phone keys, tax
   * id, address keys and organization name.
   */
  public MatchProfile matchProfile() {
    Set<String> emails = HashSet.empty();
    Set<String> phones = HashSet.empty();
    Set<String> postal = HashSet.empty();
    for (ContactPoint point : contactPoints) {
      ContactValue value = point.value();
      if (value instanceof EmailAddress) {
        emails = emails.add(value.matchKey().substring("email:".length()));
      } else if (value instanceof PhoneNumber) {
        phones = phones.add(((PhoneNumber) value).e164());
      } else if (value instanceof PostalAddress) {
        postal = postal.add(MatchProfile.postalKey((PostalAddress) value));
      }
    }
    return new MatchProfile(id, kind == PartyKind.ORGANIZATION, name.displayName(),
        name.familyName(), name.givenNames(), emails, phones, taxId, postal, organizationName);
  }

  /**
   * Returns the keys under which duplicate detection files this customer
   * ({@link BlockingKeys#of(MatchProfile)}): a lookup by any of them finds the candidates worth
   * scoring, and any likely duplicate shares at least one.
   */
  public Set<String> blockingKeys() {
    return BlockingKeys.of(matchProfile());
  }

  // ---- commands ----

  /**
   * Renames the customer.
   *
   * @param newName the name
   * @param stamp id, time and actor
   * @return the renamed customer, or why not ({@code customer.erased}, {@code customer.merged},
   *     {@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> rename(CustomerName newName,
      EventStamp stamp) {
    requireNonNull(newName, "newName");
    return active().flatMap(ok -> newName.equals(name) ? noChange("The name is already " + name)
        : profile(with(newName, organizationName, taxId, parent, source, attributes), stamp,
            HashSet.of("name")));
  }

  /**
   * Changes the organization facts: the organization name, tax id and parent.
   *
   * @param newOrganizationName the organization name, or empty
   * @param newTaxId the tax id as entered (normalised here), or empty
   * @param newParent the parent organization, or empty
   * @param stamp id, time and actor
   * @return the changed customer, or why not (with violations for a malformed tax id or a parent
   *     on a person)
   */
  public Either<CustomerRejection, Transition<Customer>> changeOrganization(
      Option<String> newOrganizationName, Option<String> newTaxId, Option<CustomerId> newParent,
      EventStamp stamp) {
    requireNonNull(newOrganizationName, "newOrganizationName");
    requireNonNull(newTaxId, "newTaxId");
    requireNonNull(newParent, "newParent");
    Option<String> tax = newTaxId.map(Customer::normaliseTaxId).filter(t -> !t.isEmpty());
    Option<String> organization = newOrganizationName.map(String::strip).filter(t -> !t.isEmpty());
    Set<String> changed = HashSet.empty();
    changed = organization.equals(organizationName) ? changed : changed.add("organizationName");
    changed = tax.equals(taxId) ? changed : changed.add("taxId");
    changed = newParent.equals(parent) ? changed : changed.add("parent");
    Set<String> fields = changed;
    return active().flatMap(ok -> fields.isEmpty() ? noChange("Nothing changed")
        : attempt(() -> with(name, organization, tax, newParent, source, attributes))
            .flatMap(next -> profile(next, stamp, fields)));
  }

  /**
   * Records how the customer was acquired, or clears it. Converting a lead into an existing
   * customer uses it to fill a source that was never recorded.
   *
   * @param newSource the source, or empty
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.erased}, {@code customer.merged},
   *     {@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> changeSource(
      Option<AcquisitionSource> newSource, EventStamp stamp) {
    requireNonNull(newSource, "newSource");
    newSource.forEach(value -> requireNonNull(value, "newSource"));
    return active().flatMap(ok -> newSource.equals(source) ? noChange("The source is unchanged")
        : profile(with(name, organizationName, taxId, parent, newSource, attributes), stamp,
            HashSet.of("source")));
  }

  /**
   * Sets the custom attributes, checked against the schema.
   *
   * @param values the new values by name (replacing all)
   * @param schema the schema
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.invalid} with every violation)
   */
  public Either<CustomerRejection, Transition<Customer>> changeAttributes(
      io.vavr.collection.Map<String, AttributeValue> values, AttributeSchema schema, EventStamp stamp) {
    requireNonNull(values, "values");
    requireNonNull(schema, "schema");
    return active().flatMap(ok -> {
      Validation<Seq<Violation>, SortedMap<String, AttributeValue>> checked = schema.check(values);
      if (checked.isInvalid()) {
        return Either.left(CustomerRejection.invalid(id, checked.getError()));
      }
      return checked.get().equals(attributes) ? noChange("The attributes are unchanged")
          : profile(with(name, organizationName, taxId, parent, source, checked.get()), stamp,
              HashSet.of("attributes"));
    });
  }

  /**
   * Adds a contact point. The first of its kind becomes primary; a primary one takes the flag from
   * the previous primary of its kind.
   *
   * @param point the contact point
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.contact_duplicate})
   */
  public Either<CustomerRejection, Transition<Customer>> addContactPoint(ContactPoint point,
      EventStamp stamp) {
    requireNonNull(point, "point");
    return active().flatMap(ok -> {
      if (find(point.value()).isDefined()) {
        return Either.left(CustomerRejection.of(Reason.CONTACT_DUPLICATE, id,
            "The customer already has this " + point.kind().name().toLowerCase(Locale.ROOT)));
      }
      boolean first = contactPoints.forAll(p -> p.kind() != point.kind());
      boolean primary = point.primary() || first;
      Seq<ContactPoint> points = primary ? demote(point.kind()) : contactPoints;
      return contacts(points.append(point.withPrimary(primary)), point.kind(), Change.ADDED, stamp);
    });
  }

  /**
   * Removes a contact point; if it was primary, the next one of its kind becomes primary.
   *
   * @param value the value to remove
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.contact_unknown})
   */
  public Either<CustomerRejection, Transition<Customer>> removeContactPoint(ContactValue value,
      EventStamp stamp) {
    requireNonNull(value, "value");
    return active().flatMap(ok -> find(value).fold(() -> unknownContact(value), removed -> {
      Seq<ContactPoint> rest = contactPoints.remove(removed);
      if (removed.primary()) {
        Option<ContactPoint> next = rest.find(p -> p.kind() == removed.kind());
        rest = next.isEmpty() ? rest : rest.replace(next.get(), next.get().withPrimary(true));
      }
      return contacts(rest, removed.kind(), Change.REMOVED, stamp);
    }));
  }

  /**
   * Marks a contact point as verified.
   *
   * @param value the value
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.contact_unknown},
   *     {@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> verifyContactPoint(ContactValue value,
      EventStamp stamp) {
    requireNonNull(value, "value");
    return active().flatMap(ok -> find(value).fold(() -> unknownContact(value), point ->
        point.verified() ? noChange("It is already verified")
            : contacts(contactPoints.replace(point, point.withVerified(true)), point.kind(),
                Change.VERIFIED, stamp)));
  }

  /**
   * Makes a contact point the primary one of its kind.
   *
   * @param value the value
   * @param stamp id, time and actor
   * @return the changed customer, or why not ({@code customer.contact_unknown},
   *     {@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> makePrimary(ContactValue value,
      EventStamp stamp) {
    requireNonNull(value, "value");
    return active().flatMap(ok -> find(value).fold(() -> unknownContact(value), point ->
        point.primary() ? noChange("It is already primary")
            : contacts(demote(point.kind()).map(p -> p.value().equals(value) ? p.withPrimary(true) : p),
                point.kind(), Change.PRIMARY_CHANGED, stamp)));
  }

  /**
   * Moves the customer to another lifecycle stage, as the policy allows.
   *
   * @param to the stage
   * @param reason why, possibly empty
   * @param policy the allowed moves
   * @param stamp id, time and actor
   * @return the moved customer, or why not ({@code customer.lifecycle}, naming the allowed stages)
   */
  public Either<CustomerRejection, Transition<Customer>> moveTo(LifecycleStage to, String reason,
      LifecyclePolicy policy, EventStamp stamp) {
    requireNonNull(to, "to");
    requireNonNull(reason, "reason");
    requireNonNull(policy, "policy");
    requireNonNull(stamp, "stamp");
    return active().flatMap(ok -> lifecycle.moveTo(to, stamp.at(), stamp.by(), reason, policy)
        .mapLeft(refusal -> new CustomerRejection(Reason.LIFECYCLE, id, refusal.message(),
            List.of(Violation.of(refusal.code(), "lifecycle", refusal.message()))))
        .map(moved -> Transition.of(copy(moved, stamp.at()),
            new CustomerEvent.StageChanged(stamp, id, moved.history().last()))));
  }

  /**
   * Assigns the customer to an owner and a team.
   *
   * @param newOwner the owner, or empty
   * @param newTeam the team, or empty
   * @param stamp id, time and actor
   * @return the assigned customer, or why not ({@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> assign(Option<EmployeeId> newOwner,
      Option<TeamId> newTeam, EventStamp stamp) {
    requireNonNull(newOwner, "newOwner");
    requireNonNull(newTeam, "newTeam");
    requireNonNull(stamp, "stamp");
    return active().flatMap(ok -> newOwner.equals(owner) && newTeam.equals(team)
        ? noChange("Already assigned so")
        : Either.right(Transition.of(new Customer(id, kind, name, parent, organizationName, taxId,
            contactPoints, lifecycle, newOwner, newTeam, tags, attributes, source, consent,
            createdAt, stamp.at(), erasedAt, mergedInto),
            new CustomerEvent.Assigned(stamp, id, newOwner, newTeam))));
  }

  /**
   * Adds and removes tags (normalised to lower case, surrounding spaces removed).
   *
   * @param add the tags to add
   * @param remove the tags to remove
   * @param stamp id, time and actor
   * @return the tagged customer, or why not ({@code customer.invalid} for malformed tags,
   *     {@code customer.no_change})
   */
  public Either<CustomerRejection, Transition<Customer>> tag(Iterable<String> add,
      Iterable<String> remove, EventStamp stamp) {
    requireNonNull(add, "add");
    requireNonNull(remove, "remove");
    requireNonNull(stamp, "stamp");
    return active().flatMap(ok -> {
      Validation<Seq<Violation>, SortedSet<String>> added = tags(add, "add");
      Validation<Seq<Violation>, SortedSet<String>> removed = tags(remove, "remove");
      if (added.isInvalid() || removed.isInvalid()) {
        return Either.left(CustomerRejection.invalid(id,
            added.fold(e -> e, v -> List.<Violation>empty())
                .appendAll(removed.fold(e -> e, v -> List.empty()))));
      }
      SortedSet<String> next = tags.addAll(added.get()).removeAll(removed.get());
      if (next.equals(tags)) {
        return noChange("The tags are unchanged");
      }
      return Either.right(Transition.of(new Customer(id, kind, name, parent, organizationName,
          taxId, contactPoints, lifecycle, owner, team, next, attributes, source, consent,
          createdAt, stamp.at(), erasedAt, mergedInto),
          new CustomerEvent.Tagged(stamp, id, next.diff(tags), tags.diff(next))));
    });
  }

  /**
   * Records a consent statement.
   *
   * @param record the statement
   * @param stamp id, time and actor
   * @return the customer with the statement, or why not
   */
  public Either<CustomerRejection, Transition<Customer>> recordConsent(ConsentRecord record,
      EventStamp stamp) {
    requireNonNull(record, "record");
    requireNonNull(stamp, "stamp");
    return active().map(ok -> Transition.of(new Customer(id, kind, name, parent, organizationName,
        taxId, contactPoints, lifecycle, owner, team, tags, attributes, source,
        consent.record(record), createdAt, stamp.at(), erasedAt, mergedInto),
        new CustomerEvent.ConsentRecorded(stamp, id, record.purpose(), record.channel(),
            record.status())));
  }

  /**
   * Erases the customer's personal data irreversibly (the right to be forgotten): the name becomes
   * {@link CustomerName#ERASED}; contact points, tax id, organization name, parent, personal
   * attributes, the referrer, consent records and the reasons written in the lifecycle history are
   * removed. Kept for analytics: the kind, lifecycle stages and times, owner, team, tags,
   * non-personal attributes, acquisition channel and campaign, creation time. Purchases and other
   * records keep pointing at the id. Erasing an erased customer changes nothing and produces no
   * event, so it is always safe to repeat.
   *
   * @param schema the schema saying which attributes are personal (unknown ones are removed)
   * @param stamp id, time and actor
   * @return the erased customer with its {@link CustomerEvent.Erased} event, or this customer
   *     unchanged without events if it was already erased; never a rejection
   */
  public Transition<Customer> erase(AttributeSchema schema, EventStamp stamp) {
    requireNonNull(schema, "schema");
    requireNonNull(stamp, "stamp");
    if (isErased()) {
      return new Transition<>(this, List.empty());
    }
    SortedMap<String, AttributeValue> kept = attributes.filter((attribute, value) ->
        schema.definitions().get(attribute).exists(d -> !d.personal()));
    Lifecycle scrubbed = new Lifecycle(lifecycle.history().map(LifecycleChange::withoutReason));
    Option<AcquisitionSource> keptSource = source.map(s ->
        new AcquisitionSource(s.channel(), s.campaign(), Option.none(), Option.none()));
    Customer erased = new Customer(id, kind, CustomerName.ERASED, Option.none(), Option.none(),
        Option.none(), List.empty(), scrubbed, owner, team, tags, kept, keptSource,
        ConsentLedger.EMPTY, createdAt, stamp.at(), Option.of(stamp.at()), mergedInto);
    return Transition.of(erased, new CustomerEvent.Erased(stamp, id));
  }

  // ---- helpers ----

  Either<CustomerRejection, Customer> active() {
    if (isErased()) {
      return Either.left(CustomerRejection.of(Reason.ERASED, id,
          "The customer's personal data was erased at " + erasedAt.get()));
    }
    if (isMerged()) {
      return Either.left(CustomerRejection.of(Reason.MERGED, id,
          "The customer was merged into " + mergedInto.get()));
    }
    return Either.right(this);
  }

  private Either<CustomerRejection, Transition<Customer>> noChange(String detail) {
    return Either.left(CustomerRejection.of(Reason.NO_CHANGE, id, detail));
  }

  private Either<CustomerRejection, Transition<Customer>> unknownContact(ContactValue value) {
    return Either.left(CustomerRejection.of(Reason.CONTACT_UNKNOWN, id,
        "The customer has no such " + value.kind().name().toLowerCase(Locale.ROOT)));
  }

  private Either<CustomerRejection, Customer> attempt(java.util.function.Supplier<Customer> next) {
    try {
      return Either.right(next.get());
    } catch (InvalidValueException invalid) {
      return Either.left(CustomerRejection.invalid(id, invalid.violations()));
    }
  }

  private Option<ContactPoint> find(ContactValue value) {
    String key = value.matchKey();
    return contactPoints.find(p -> p.value().matchKey().equals(key));
  }

  private Seq<ContactPoint> demote(ContactKind contactKind) {
    return contactPoints.map(p -> p.kind() == contactKind && p.primary() ? p.withPrimary(false) : p);
  }

  private Either<CustomerRejection, Transition<Customer>> contacts(Seq<ContactPoint> points,
      ContactKind changedKind, Change change, EventStamp stamp) {
    return Either.right(Transition.of(new Customer(id, kind, name, parent, organizationName, taxId,
        points, lifecycle, owner, team, tags, attributes, source, consent, createdAt, stamp.at(),
        erasedAt, mergedInto), new CustomerEvent.ContactPointsChanged(stamp, id, changedKind, change)));
  }

  private Either<CustomerRejection, Transition<Customer>> profile(Customer next, EventStamp stamp,
      Set<String> fields) {
    Customer stamped = new Customer(next.id, next.kind, next.name, next.parent, next.organizationName,
        next.taxId, next.contactPoints, next.lifecycle, next.owner, next.team, next.tags,
        next.attributes, next.source, next.consent, next.createdAt, stamp.at(), next.erasedAt,
        next.mergedInto);
    return Either.right(Transition.of(stamped,
        new CustomerEvent.ProfileChanged(stamp, id, TreeSet.ofAll(fields))));
  }

  private Customer with(CustomerName newName, Option<String> newOrganization, Option<String> newTax,
      Option<CustomerId> newParent, Option<AcquisitionSource> newSource,
      SortedMap<String, AttributeValue> newAttributes) {
    return new Customer(id, kind, newName, newParent, newOrganization, newTax, contactPoints,
        lifecycle, owner, team, tags, newAttributes, newSource, consent, createdAt, updatedAt,
        erasedAt, mergedInto);
  }

  private Customer copy(Lifecycle newLifecycle, Instant at) {
    return new Customer(id, kind, name, parent, organizationName, taxId, contactPoints, newLifecycle,
        owner, team, tags, attributes, source, consent, createdAt, at, erasedAt, mergedInto);
  }

  /**
   * Normalises a tax id as customers store it: upper case, without white space, dashes, dots or
   * slashes.
   *
   * @param text the tax id as entered
   * @return the normalised tax id, possibly empty
   */
  public static String normalisedTaxId(String text) {
    return normaliseTaxId(requireNonNull(text, "text"));
  }

  /** Returns a tax id upper-cased, without white space, dashes, dots or slashes. */
  static String normaliseTaxId(String text) {
    StringBuilder normal = new StringBuilder(text.length());
    text.strip().codePoints().filter(c -> !Character.isWhitespace(c) && c != '-' && c != '.'
        && c != '/').forEach(normal::appendCodePoint);
    return normal.toString().toUpperCase(Locale.ROOT);
  }

  /**
   * Normalises a tag as customers store it: lower case, white space collapsed and trimmed.
   *
   * @param text the tag as entered
   * @return the normalised tag, possibly empty
   */
  public static String normalisedTag(String text) {
    return normaliseTag(requireNonNull(text, "text"));
  }

  /** Returns a tag lower-cased with its white space collapsed. */
  static String normaliseTag(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static Validation<Seq<Violation>, SortedSet<String>> tags(Iterable<String> given, String field) {
    List<Violation> problems = List.empty();
    SortedSet<String> normal = TreeSet.empty();
    int index = 0;
    for (String tag : given) {
      String text = tag == null ? "" : normaliseTag(tag);
      if (text.isEmpty() || text.length() > MAX_TAG_LENGTH
          || !text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '.'
              || c == '_' || c == '-')) {
        problems = problems.append(Violation.of("tag.malformed", field + "[" + index + "]",
            "A tag is 1 to " + MAX_TAG_LENGTH + " letters, digits, spaces, '.', '_' or '-': "
                + Checks.quote(tag)));
      } else {
        normal = normal.add(text);
      }
      index++;
    }
    return problems.isEmpty() ? Validation.valid(normal) : Validation.invalid(problems);
  }
}
