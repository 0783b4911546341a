package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.MessagingHandle;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.PostalAddress;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.LeadEvent.LeadAssigned;
import io.rapport.crm.sales.LeadEvent.LeadAttributesChanged;
import io.rapport.crm.sales.LeadEvent.LeadCaptured;
import io.rapport.crm.sales.LeadEvent.LeadContactPointAdded;
import io.rapport.crm.sales.LeadEvent.LeadConverted;
import io.rapport.crm.sales.LeadEvent.LeadDisqualified;
import io.rapport.crm.sales.LeadEvent.LeadQualificationUpdated;
import io.rapport.crm.sales.LeadEvent.LeadQualified;
import io.rapport.crm.sales.LeadEvent.LeadRequalified;
import io.rapport.crm.sales.LeadEvent.LeadScored;
import io.rapport.crm.sales.LeadEvent.LeadWorkStarted;
import io.rapport.crm.sales.LeadRejection.Reason;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;

/**
 * Tracks a prospect before they are a customer: who they are and how to reach them, where they
 * came from (channel, campaign, referrer), what qualifies them, their score, and whether they were
 * disqualified or converted. Immutable and thread-safe.
 *
 * <p>{@link #capture(LeadId, LeadDraft, EventStamp) capture} checks outside input and reports every
 * problem at once. Every other command takes an {@link EventStamp} and answers
 * {@code Either<LeadRejection, Transition<Lead>>}: the new state with exactly one
 * {@link LeadEvent}, or a refusal that names the current status and the statuses allowed from it
 * (see the table on {@link LeadStatus}). Commands dated before the lead's last change are refused
 * ({@code lead.out_of_order}); every command on a converted lead is refused
 * ({@code lead.converted}). A disqualified lead still takes edits (qualification, contact points,
 * attributes, assignment, score), so it can be requalified with fresh facts.
 *
 * @param id the lead's id
 * @param status where it stands
 * @param name the person's name as given, not blank, at most {@value #MAX_NAME} characters
 * @param organizationName the organization they buy for, or empty; not blank, at most
 *     {@value #MAX_NAME} characters
 * @param contactPoints how to reach them (email, phone, ...), as validated customer contact points
 * @param source where they came from
 * @param qualification budget, authority, need and timeline as known
 * @param interests the products they asked about, each once
 * @param estimatedValue what the deal may be worth, or empty; not negative
 * @param attributes further facts as text (industry, region, company size ...), by name; scoring
 *     models read them; names are lower-case codes, values not blank, at most
 *     {@value #MAX_ATTRIBUTE_VALUE} characters
 * @param score the latest score, 0 to 100, or empty when never scored
 * @param owner who works it, or empty
 * @param team the team that works it, or empty
 * @param disqualification why it was disqualified; present exactly when disqualified
 * @param conversion what it became; present exactly when converted
 * @param createdAt when it was captured
 * @param createdBy who captured it
 * @param updatedAt when it last changed, not before it was captured
 */
public record Lead(LeadId id, LeadStatus status, String name, Option<String> organizationName,
    Seq<ContactPoint> contactPoints, AcquisitionSource source, Qualification qualification,
    Seq<ProductId> interests, Option<Money> estimatedValue, SortedMap<String, String> attributes,
    Option<Integer> score, Option<EmployeeId> owner, Option<TeamId> team,
    Option<Disqualification> disqualification, Option<Conversion> conversion, Instant createdAt,
    ActorId createdBy, Instant updatedAt) implements Aggregate<LeadId> {

  /** The longest name or organization name, in characters. */
  public static final int MAX_NAME = 200;

  /** The longest attribute value, in characters. */
  public static final int MAX_ATTRIBUTE_VALUE = 1000;

  /** The highest score; the lowest is 0. */
  public static final int MAX_SCORE = 100;

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken invariant: {@code lead.name.blank},
   *     {@code lead.name.too_long}, {@code lead.organization_name.blank},
   *     {@code lead.organization_name.too_long}, {@code lead.disqualification.mismatch} (present
   *     exactly when disqualified), {@code lead.conversion.mismatch} (present exactly when
   *     converted), {@code lead.score.out_of_range}, {@code lead.attribute.name.malformed},
   *     {@code lead.attribute.value.blank}, {@code lead.attribute.value.too_long} (field
   *     {@code attributes.<name>}), {@code lead.interests.duplicate},
   *     {@code lead.estimated_value.negative}, {@code lead.updated_at.before_creation}
   */
  public Lead {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    requireNonNull(name, "name");
    requireNonNull(organizationName, "organizationName");
    requireNonNull(contactPoints, "contactPoints");
    requireNonNull(source, "source");
    requireNonNull(qualification, "qualification");
    requireNonNull(interests, "interests");
    requireNonNull(estimatedValue, "estimatedValue");
    requireNonNull(attributes, "attributes");
    requireNonNull(score, "score");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(disqualification, "disqualification");
    requireNonNull(conversion, "conversion");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    contactPoints.forEach(value -> requireNonNull(value, "contactPoints element"));
    interests.forEach(value -> requireNonNull(value, "interests element"));
    organizationName.forEach(value -> requireNonNull(value, "organizationName"));
    estimatedValue.forEach(value -> requireNonNull(value, "estimatedValue"));
    score.forEach(value -> requireNonNull(value, "score"));
    owner.forEach(value -> requireNonNull(value, "owner"));
    team.forEach(value -> requireNonNull(value, "team"));
    disqualification.forEach(value -> requireNonNull(value, "disqualification"));
    conversion.forEach(value -> requireNonNull(value, "conversion"));
    attributes.forEach((key, value) -> requireNonNull(value, "attributes value"));
    LeadChecks.orThrow(invariants(status, name, organizationName, interests, estimatedValue,
        attributes, score, disqualification, conversion, createdAt, updatedAt));
  }

  /**
   * Captures a new lead from outside input, checking every part at once. The lead starts
   * {@link LeadStatus#NEW}, unscored, captured at the stamp's time by its actor. The first contact
   * point of each kind is its primary one.
   *
   * <p>Violations (field in brackets): {@code lead.name.blank}, {@code lead.name.too_long}
   * (name); {@code lead.organization_name.too_long} (organizationName); {@code email.malformed},
   * {@code phone.malformed}, {@code phone.invalid}, {@code phone.region.unknown},
   * {@code handle.malformed} ({@code contactPoints[i].value}); {@code lead.contact.duplicate}
   * ({@code contactPoints[i]}); {@code lead.contact.missing} when neither an email address nor a
   * phone number was given (contactPoints); {@code lead.source.missing} (source) and the source's
   * own violations ({@code source.channel}, ...); money violations and
   * {@code lead.qualification.budget.negative} ({@code qualification.budget});
   * {@code lead.qualification.need.too_long} ({@code qualification.need});
   * {@code lead.qualification.timeline.malformed} ({@code qualification.timeline}); id violations
   * ({@code interests[i]}); money violations and {@code lead.estimated_value.negative}
   * (estimatedValue); {@code lead.attribute.name.malformed}, {@code lead.attribute.value.too_long}
   * ({@code attributes.<name>}); id violations (owner, team).
   *
   * @param id the new lead's id, from the host's id generator
   * @param draft the input
   * @param stamp the event's id, the time of capture and who captures it
   * @return the new lead with a {@link LeadCaptured} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Lead>> capture(LeadId id, LeadDraft draft,
      EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    return draft.validate(id, stamp).map(lead -> Transition.of(lead,
        new LeadCaptured(stamp, id, lead.source.channel(), lead.source.campaign(),
            lead.contactPoints.size(), lead.owner, lead.team)));
  }

  /**
   * Starts working a new lead: {@code NEW} to {@code WORKING}.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadWorkStarted}, or {@code lead.converted},
   *     {@code lead.status.unchanged} (already working), {@code lead.status.move_not_allowed}
   *     (only a new lead starts being worked; a disqualified one is requalified),
   *     {@code lead.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<LeadRejection, Transition<Lead>> startWorking(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = moveRefusal(LeadStatus.WORKING, status == LeadStatus.NEW, stamp);
    return refusal != null ? refuse(refusal) : accept(
        moved(LeadStatus.WORKING, Option.none(), Option.none(), stamp.at()),
        new LeadWorkStarted(stamp, id));
  }

  /**
   * Qualifies the lead: {@code NEW} or {@code WORKING} to {@code QUALIFIED}, ready to convert.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadQualified}, or {@code lead.converted},
   *     {@code lead.status.unchanged}, {@code lead.status.move_not_allowed} (when disqualified),
   *     {@code lead.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<LeadRejection, Transition<Lead>> qualify(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = moveRefusal(LeadStatus.QUALIFIED, status.mayMoveTo(LeadStatus.QUALIFIED),
        stamp);
    return refusal != null ? refuse(refusal) : accept(
        moved(LeadStatus.QUALIFIED, Option.none(), Option.none(), stamp.at()),
        new LeadQualified(stamp, id, status));
  }

  /**
   * Replaces what is known to qualify the lead. The status stays as it is.
   *
   * @param newQualification the budget, authority, need and timeline as now known
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadQualificationUpdated} naming the parts that changed, or
   *     {@code lead.converted}, {@code lead.qualification.unchanged}, {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> updateQualification(
      Qualification newQualification, EventStamp stamp) {
    requireNonNull(newQualification, "newQualification");
    requireNonNull(stamp, "stamp");
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : newQualification.equals(qualification) ? Reason.QUALIFICATION_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Lead(id, status, name, organizationName, contactPoints, source, newQualification,
            interests, estimatedValue, attributes, score, owner, team, disqualification,
            conversion, createdAt, createdBy, stamp.at()),
        new LeadQualificationUpdated(stamp, id, newQualification.differencesFrom(qualification)));
  }

  /**
   * Adds a way to reach the lead. The first contact point of its kind becomes primary; later
   * ones do not.
   *
   * @param point the contact point
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadContactPointAdded}, or {@code lead.converted},
   *     {@code lead.contact.duplicate} (the lead already has that value), {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> addContactPoint(ContactPoint point,
      EventStamp stamp) {
    requireNonNull(point, "point");
    requireNonNull(stamp, "stamp");
    String key = point.value().matchKey();
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : contactPoints.exists(p -> p.value().matchKey().equals(key)) ? Reason.CONTACT_DUPLICATE
        : outOfOrder(stamp);
    if (refusal != null) {
      return refuse(refusal);
    }
    boolean first = contactPoints.forAll(p -> p.kind() != point.kind());
    Seq<ContactPoint> points = contactPoints.append(point.withPrimary(first));
    return accept(
        new Lead(id, status, name, organizationName, points, source, qualification, interests,
            estimatedValue, attributes, score, owner, team, disqualification, conversion,
            createdAt, createdBy, stamp.at()),
        new LeadContactPointAdded(stamp, id, point.kind(), points.size()));
  }

  /**
   * Sets an attribute, a further fact that scoring models read, such as {@code industry}.
   *
   * @param attribute the name: lower-case letters, digits and {@code . _ -}, starting with a
   *     letter, at most 64 characters
   * @param value the value, not blank, at most {@value #MAX_ATTRIBUTE_VALUE} characters; stripped
   *     of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadAttributesChanged}, or {@code lead.converted},
   *     {@code lead.attribute.name.malformed}, {@code lead.attribute.value.blank},
   *     {@code lead.attribute.value.too_long}, {@code lead.attribute.unchanged},
   *     {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> setAttribute(String attribute, String value,
      EventStamp stamp) {
    requireNonNull(attribute, "attribute");
    requireNonNull(value, "value");
    requireNonNull(stamp, "stamp");
    String text = value.strip();
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : !LeadChecks.ATTRIBUTE_NAME.matcher(attribute).matches()
            ? Reason.ATTRIBUTE_NAME_MALFORMED
        : text.isEmpty() ? Reason.ATTRIBUTE_VALUE_BLANK
        : text.length() > MAX_ATTRIBUTE_VALUE ? Reason.ATTRIBUTE_VALUE_TOO_LONG
        : attributes.get(attribute).contains(text) ? Reason.ATTRIBUTE_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        withAttributes(attributes.put(attribute, text), stamp.at()),
        new LeadAttributesChanged(stamp, id, attribute, false));
  }

  /**
   * Removes an attribute.
   *
   * @param attribute the name
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadAttributesChanged}, or {@code lead.converted},
   *     {@code lead.attribute.unknown}, {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> removeAttribute(String attribute,
      EventStamp stamp) {
    requireNonNull(attribute, "attribute");
    requireNonNull(stamp, "stamp");
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : !attributes.containsKey(attribute) ? Reason.ATTRIBUTE_UNKNOWN
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        withAttributes(attributes.remove(attribute), stamp.at()),
        new LeadAttributesChanged(stamp, id, attribute, true));
  }

  /**
   * Gives the lead to an owner and a team, or takes it from them.
   *
   * @param newOwner who works it, or empty
   * @param newTeam the team that works it, or empty
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadAssigned}, or {@code lead.converted},
   *     {@code lead.assignment.unchanged}, {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> assign(Option<EmployeeId> newOwner,
      Option<TeamId> newTeam, EventStamp stamp) {
    requireNonNull(newOwner, "newOwner");
    requireNonNull(newTeam, "newTeam");
    requireNonNull(stamp, "stamp");
    newOwner.forEach(value -> requireNonNull(value, "newOwner"));
    newTeam.forEach(value -> requireNonNull(value, "newTeam"));
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : newOwner.equals(owner) && newTeam.equals(team) ? Reason.ASSIGNMENT_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Lead(id, status, name, organizationName, contactPoints, source, qualification,
            interests, estimatedValue, attributes, score, newOwner, newTeam, disqualification,
            conversion, createdAt, createdBy, stamp.at()),
        new LeadAssigned(stamp, id, newOwner, newTeam));
  }

  /**
   * Records a new score, such as a lead scoring model's latest answer.
   *
   * @param newScore the score, 0 to {@value #MAX_SCORE}
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadScored}, or {@code lead.converted},
   *     {@code lead.score.out_of_range}, {@code lead.score.unchanged}, {@code lead.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<LeadRejection, Transition<Lead>> rescore(int newScore, EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : newScore < 0 || newScore > MAX_SCORE ? Reason.SCORE_OUT_OF_RANGE
        : score.contains(newScore) ? Reason.SCORE_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Lead(id, status, name, organizationName, contactPoints, source, qualification,
            interests, estimatedValue, attributes, Option.of(newScore), owner, team,
            disqualification, conversion, createdAt, createdBy, stamp.at()),
        new LeadScored(stamp, id, score, newScore));
  }

  /**
   * Disqualifies the lead: {@code NEW}, {@code WORKING} or {@code QUALIFIED} to
   * {@code DISQUALIFIED}, recording why, when and by whom.
   *
   * @param reason a reason code such as {@code no_budget} or {@code spam}: lower-case letters,
   *     digits and {@code . _ -}, at most 64 characters; stripped of surrounding white space
   * @param note a note, or empty; not blank, at most {@value Disqualification#MAX_NOTE}
   *     characters; stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadDisqualified}, or {@code lead.converted},
   *     {@code lead.status.unchanged}, {@code lead.disqualification.reason.malformed},
   *     {@code lead.disqualification.note.blank}, {@code lead.disqualification.note.too_long},
   *     {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> disqualify(String reason, Option<String> note,
      EventStamp stamp) {
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    requireNonNull(stamp, "stamp");
    note.forEach(value -> requireNonNull(value, "note"));
    String code = reason.strip();
    Option<String> text = note.map(String::strip);
    Reason refusal = moveRefusal(LeadStatus.DISQUALIFIED,
        status.mayMoveTo(LeadStatus.DISQUALIFIED), stamp);
    if (refusal == null || refusal == Reason.OUT_OF_ORDER) {
      refusal = !LeadChecks.CODE.matcher(code).matches()
          ? Reason.DISQUALIFICATION_REASON_MALFORMED
          : text.exists(String::isEmpty) ? Reason.DISQUALIFICATION_NOTE_BLANK
          : text.exists(t -> t.length() > Disqualification.MAX_NOTE)
              ? Reason.DISQUALIFICATION_NOTE_TOO_LONG
          : refusal;
    }
    return refusal != null ? refuse(refusal) : accept(
        moved(LeadStatus.DISQUALIFIED,
            Option.of(new Disqualification(code, text, stamp.at(), stamp.by())), Option.none(),
            stamp.at()),
        new LeadDisqualified(stamp, id, code, status));
  }

  /**
   * Works a disqualified lead again: {@code DISQUALIFIED} to {@code WORKING}, clearing the
   * disqualification (its event keeps it).
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadRequalified}, or {@code lead.converted},
   *     {@code lead.status.move_not_allowed} (when not disqualified), {@code lead.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<LeadRejection, Transition<Lead>> requalify(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = status.isFinal() ? Reason.CONVERTED
        : status != LeadStatus.DISQUALIFIED ? Reason.MOVE_NOT_ALLOWED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        moved(LeadStatus.WORKING, Option.none(), Option.none(), stamp.at()),
        new LeadRequalified(stamp, id, disqualification.get().reason()));
  }

  /**
   * Converts the lead: {@code NEW}, {@code WORKING} or {@code QUALIFIED} to {@code CONVERTED},
   * recording the customer it became (new, or an existing one the duplicate check found) and the
   * opportunity opened, if any. Conversion is final. The conversion service that finds the
   * duplicate, fills the customer and opens the opportunity calls this in the same transaction.
   *
   * @param customer the customer the lead became or was linked to
   * @param existingCustomer whether that customer existed before
   * @param opportunity the opportunity opened, or empty
   * @param stamp the event's id, time and actor
   * @return the new state with {@link LeadConverted}, or {@code lead.converted},
   *     {@code lead.status.move_not_allowed} (when disqualified), {@code lead.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<LeadRejection, Transition<Lead>> convert(CustomerId customer,
      boolean existingCustomer, Option<OpportunityId> opportunity, EventStamp stamp) {
    requireNonNull(customer, "customer");
    requireNonNull(opportunity, "opportunity");
    requireNonNull(stamp, "stamp");
    opportunity.forEach(value -> requireNonNull(value, "opportunity"));
    Reason refusal = moveRefusal(LeadStatus.CONVERTED, status.mayMoveTo(LeadStatus.CONVERTED),
        stamp);
    return refusal != null ? refuse(refusal) : accept(
        moved(LeadStatus.CONVERTED, Option.none(), Option.of(new Conversion(customer,
            existingCustomer, opportunity, stamp.at(), stamp.by())), stamp.at()),
        new LeadConverted(stamp, id, customer, existingCustomer, opportunity));
  }

  /**
   * Returns the draft of a customer made from this lead, for the duplicate check and for
   * registering the new customer: a person with the lead's name and organization, every contact
   * point as text (unverified ones stay unverified), the source, owner and team. Qualification,
   * interests and attributes stay on the lead (and the opportunity); the draft's lifecycle stage
   * is the draft's default. A masked contact value (a lead read by someone who may not see it)
   * goes into the draft as its hint, so registering the customer reports it as malformed instead
   * of silently dropping it.
   *
   * @return a new draft, which the caller may complete further
   */
  public CustomerDraft toCustomerDraft() {
    CustomerDraft draft = CustomerDraft.person(name);
    organizationName.forEach(draft::organizationName);
    for (ContactPoint point : contactPoints) {
      ContactValue value = point.value();
      if (value instanceof EmailAddress) {
        draft.email(((EmailAddress) value).value(), point.verified());
      } else if (value instanceof PhoneNumber) {
        draft.phone(((PhoneNumber) value).e164(), point.verified());
      } else if (value instanceof PostalAddress) {
        PostalAddress address = (PostalAddress) value;
        draft.address(address.lines(), address.locality(), address.region(),
            address.postalCode(), address.country());
      } else if (value instanceof MessagingHandle) {
        MessagingHandle handle = (MessagingHandle) value;
        draft.handle(handle.network().name(), handle.handle());
      } else if (value.kind() == io.rapport.crm.customer.ContactKind.EMAIL) {
        draft.email(value.toString(), false); // a masked hint: registering reports it malformed
      } else if (value.kind() == io.rapport.crm.customer.ContactKind.PHONE) {
        draft.phone("masked phone", false); // the hint's digits might parse as another number
      } else if (value.kind() == io.rapport.crm.customer.ContactKind.POSTAL) {
        draft.address(io.vavr.collection.List.of(value.toString()), "", "", "", "");
      } else {
        draft.handle("", value.toString());
      }
    }
    draft.source(source.channel(), source.campaign().getOrNull(), source.referrer().getOrNull(),
        source.referredBy().map(CustomerId::value).getOrNull());
    owner.forEach(employee -> draft.owner(employee.value()));
    team.forEach(value -> draft.team(value.value()));
    return draft;
  }

  /**
   * Returns this lead without its personal data, for the erasure of the customer it names: the
   * name becomes {@link Channel#REDACTED}; the organization name, contact
   * points, attributes, the qualification's need, the disqualification's note and the source's
   * referrer are removed. Kept for analytics: status, source channel and campaign, interests,
   * estimated value, score, owner, team, conversion and times. Redacting a redacted lead answers
   * it unchanged.
   *
   * @param at when the redaction happens; the lead's update time moves to it unless later
   * @return the redacted lead, or this lead if it holds no personal data
   * @throws NullPointerException if at is null
   */
  public Lead redacted(Instant at) {
    requireNonNull(at, "at");
    Lead scrubbed = new Lead(id, status, Channel.REDACTED, Option.none(),
        List.empty(), new AcquisitionSource(source.channel(), source.campaign(), Option.none(),
            Option.none()), qualification.withNeed(Option.none()), interests, estimatedValue,
        TreeMap.empty(), score, owner, team,
        disqualification.map(d -> new Disqualification(d.reason(), Option.none(), d.at(), d.by())),
        conversion, createdAt, createdBy, updatedAt);
    if (scrubbed.equals(this)) {
      return this;
    }
    return new Lead(id, status, scrubbed.name, scrubbed.organizationName, scrubbed.contactPoints,
        scrubbed.source, scrubbed.qualification, interests, estimatedValue, scrubbed.attributes,
        score, owner, team, scrubbed.disqualification, conversion, createdAt, createdBy,
        at.isAfter(updatedAt) ? at : updatedAt);
  }

  /** Returns the values of the lead's contact points, in order: what the duplicate check reads. */
  public Seq<ContactValue> contactValues() {
    return contactPoints.map(ContactPoint::value);
  }

  /** Tells whether the lead is still in play: new, working or qualified. */
  public boolean isOpen() {
    return status.isOpen();
  }

  /** Returns the broken rules of one attribute, under field {@code attributes.<name>}. */
  static List<Violation> attributeProblems(String attribute, String value) {
    String field = "attributes." + attribute;
    List<Violation> problems = List.empty();
    if (!LeadChecks.ATTRIBUTE_NAME.matcher(attribute).matches()) {
      problems = problems.append(Violation.of("lead.attribute.name.malformed", field,
          "An attribute name has 1 to 64 lower-case letters, digits, '.', '_' and '-', starting "
              + "with a letter, but got " + LeadChecks.quote(attribute)));
    }
    return problems.appendAll(LeadChecks.requiredText(value, MAX_ATTRIBUTE_VALUE,
        "lead.attribute.value", field, "An attribute value"));
  }

  private Reason moveRefusal(LeadStatus target, boolean allowed, EventStamp stamp) {
    return status.isFinal() ? Reason.CONVERTED
        : status == target ? Reason.STATUS_UNCHANGED
        : !allowed ? Reason.MOVE_NOT_ALLOWED
        : outOfOrder(stamp);
  }

  private Reason outOfOrder(EventStamp stamp) {
    return stamp.at().isBefore(updatedAt) ? Reason.OUT_OF_ORDER : null;
  }

  private Lead moved(LeadStatus to, Option<Disqualification> why, Option<Conversion> became,
      Instant at) {
    return new Lead(id, to, name, organizationName, contactPoints, source, qualification,
        interests, estimatedValue, attributes, score, owner, team, why, became, createdAt,
        createdBy, at);
  }

  private Lead withAttributes(SortedMap<String, String> newAttributes, Instant at) {
    return new Lead(id, status, name, organizationName, contactPoints, source, qualification,
        interests, estimatedValue, newAttributes, score, owner, team, disqualification,
        conversion, createdAt, createdBy, at);
  }

  private Either<LeadRejection, Transition<Lead>> refuse(Reason reason) {
    return Either.left(new LeadRejection(reason, id, status, status.allowedNext(), updatedAt));
  }

  private static Either<LeadRejection, Transition<Lead>> accept(Lead next, LeadEvent event) {
    return Either.right(Transition.of(next, event));
  }

  private static List<Violation> invariants(LeadStatus status, String name,
      Option<String> organizationName, Seq<ProductId> interests, Option<Money> estimatedValue,
      SortedMap<String, String> attributes, Option<Integer> score,
      Option<Disqualification> disqualification, Option<Conversion> conversion,
      Instant createdAt, Instant updatedAt) {
    List<Violation> problems =
        LeadChecks.requiredText(name, MAX_NAME, "lead.name", "name", "A lead's name");
    for (String organization : organizationName) {
      problems = problems.appendAll(LeadChecks.requiredText(organization, MAX_NAME,
          "lead.organization_name", "organizationName", "An organization name"));
    }
    if (disqualification.isDefined() != (status == LeadStatus.DISQUALIFIED)) {
      problems = problems.append(Violation.of("lead.disqualification.mismatch",
          "disqualification", "A lead has a disqualification exactly when it is disqualified, "
              + "but it is " + status));
    }
    if (conversion.isDefined() != (status == LeadStatus.CONVERTED)) {
      problems = problems.append(Violation.of("lead.conversion.mismatch", "conversion",
          "A lead has a conversion exactly when it is converted, but it is " + status));
    }
    if (score.exists(s -> s < 0 || s > MAX_SCORE)) {
      problems = problems.append(Violation.of("lead.score.out_of_range", "score",
          "A score is 0 to " + MAX_SCORE + ", but got " + score.get()));
    }
    for (io.vavr.Tuple2<String, String> attribute : attributes) {
      problems = problems.appendAll(attributeProblems(attribute._1, attribute._2));
    }
    java.util.Set<ProductId> seen = new java.util.HashSet<>();
    for (int i = 0; i < interests.size(); i++) {
      if (!seen.add(interests.get(i))) {
        problems = problems.append(Violation.of("lead.interests.duplicate",
            "interests[" + i + "]", "A product is listed once among the interests: "
                + interests.get(i)));
      }
    }
    if (estimatedValue.exists(Money::isNegative)) {
      problems = problems.append(Violation.of("lead.estimated_value.negative", "estimatedValue",
          "An estimated value cannot be negative, but got " + estimatedValue.get()));
    }
    if (updatedAt.isBefore(createdAt)) {
      problems = problems.append(Violation.of("lead.updated_at.before_creation", "updatedAt",
          "A lead cannot change before it was captured at " + createdAt));
    }
    return problems;
  }
}
