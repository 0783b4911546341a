package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Comparator;

/**
 * Records one contact with a customer on any {@link Channel}: when it took place, which employee
 * took part (none for a web form), what it was about, and the records it concerns, such as an
 * opportunity or a ticket. Immutable and thread-safe.
 *
 * <p>Create one with {@link #record}, which checks outside input and reports every violation at
 * once. Commands ({@link #link}, {@link #unlink}, {@link #moveTo}, {@link #moveBack},
 * {@link #redact}) answer the new state with the {@link InteractionEvent} that states the change,
 * or an {@link InteractionRejection} that leaves this interaction unchanged.
 *
 * <p>When two customers are merged, {@link #moveTo} moves the interaction and remembers the
 * customer it came from; {@link #moveBack} undoes the latest move exactly, so moving to another
 * customer and back gives an interaction equal to the original. When a customer is erased,
 * {@link #redact} replaces the summary and the channel's personal details irreversibly by
 * {@value Channel#REDACTED} and keeps the channel kind, time, duration, outcome, employee and links
 * for analytics; an erased interaction refuses every other command.
 *
 * @param id the interaction's id
 * @param customer the customer it is with now
 * @param channel how it took place
 * @param occurredAt when it took place, not after it was recorded
 * @param employee the employee who took part; none for a web form
 * @param summary what it was about, possibly empty, at most {@value #MAX_SUMMARY_LENGTH} characters
 * @param links the records it concerns, at most {@value #MAX_LINKS}, never itself; kept ordered by
 *     their text
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 * @param formerCustomers the customers it was moved away from, the latest last; {@link #moveBack}
 *     returns it to the last one
 * @param erased whether it was redacted for the erasure of its customer
 */
public record Interaction(InteractionId id, CustomerId customer, Channel channel, Instant occurredAt,
    Option<EmployeeId> employee, String summary, Set<RecordRef> links, Instant recordedAt,
    ActorId recordedBy, Seq<CustomerId> formerCustomers, boolean erased)
    implements Aggregate<InteractionId> {

  /** The longest summary, in characters (code points). */
  public static final int MAX_SUMMARY_LENGTH = 4000;

  /** The most records one interaction can be linked to. */
  public static final int MAX_LINKS = 100;

  private static final Comparator<RecordRef> LINK_ORDER = Comparator.comparing(RecordRef::toString);

  /**
   * Checks the components and orders the links by their text.
   *
   * @throws NullPointerException if a component, a link or a former customer is null
   * @throws InvalidValueException with every violation {@link #record} reports, and
   *     {@code interaction.erased.not_redacted} if it is erased but its summary or channel still
   *     holds personal details
   */
  public Interaction {
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(occurredAt, "occurredAt");
    requireNonNull(employee, "employee");
    requireNonNull(summary, "summary");
    requireNonNull(links, "links");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
    requireNonNull(formerCustomers, "formerCustomers");
    links.forEach(link -> requireNonNull(link, "links element"));
    formerCustomers.forEach(former -> requireNonNull(former, "formerCustomers element"));
    links = ordered(links);
    formerCustomers = List.ofAll(formerCustomers);
    Seq<Violation> problems = problems(id, channel, occurredAt, employee, summary, links, recordedAt);
    if (erased && (!summary.equals(Channel.REDACTED) || !channel.equals(channel.redacted()))) {
      problems = problems.append(Violation.of("interaction.erased.not_redacted", "erased",
          "An erased interaction keeps no personal details"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Records an interaction from outside input, reporting every violation at once: the channel's
   * own, and the interaction's.
   *
   * @param id the new interaction's id
   * @param customer the customer it was with
   * @param channel the channel, as validated by its kind's {@code validated} factory
   * @param occurredAt when it took place, possibly null
   * @param employee the employee who took part, if any
   * @param summary what it was about, possibly null
   * @param links the records it concerns
   * @param stamp the event's id, and when and by whom it is recorded
   * @return the interaction with its {@link InteractionRecorded} event, or every violation: the
   *     channel's, {@code interaction.occurred_at.missing},
   *     {@code interaction.occurred_at.after_recorded}, {@code interaction.summary.missing},
   *     {@code interaction.summary.too_long}, {@code interaction.employee.not_allowed} (a web form
   *     with an employee), {@code interaction.links.self}, {@code interaction.links.too_many}
   * @throws NullPointerException if id, customer, channel, employee, links, a link or stamp is null
   */
  public static Validation<Seq<Violation>, Transition<Interaction>> record(InteractionId id,
      CustomerId customer, Validation<Seq<Violation>, ? extends Channel> channel, Instant occurredAt,
      Option<EmployeeId> employee, String summary, Set<RecordRef> links, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(employee, "employee");
    requireNonNull(links, "links");
    requireNonNull(stamp, "stamp");
    links.forEach(link -> requireNonNull(link, "links element"));
    Seq<Violation> problems = (channel.isInvalid() ? channel.getError() : List.<Violation>empty())
        .appendAll(problems(id, channel.isValid() ? channel.get() : null, occurredAt, employee,
            summary, links, stamp.at()));
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    Interaction state = new Interaction(id, customer, channel.get(), occurredAt, employee, summary,
        links, stamp.at(), stamp.by(), List.empty(), false);
    return Validation.valid(Transition.of(state, new InteractionRecorded(id, customer,
        state.channel, occurredAt, employee, summary, state.links, stamp)));
  }

  /**
   * Records an interaction on a channel already made.
   *
   * @param id the new interaction's id
   * @param customer the customer it was with
   * @param channel how it took place
   * @param occurredAt when it took place, possibly null
   * @param employee the employee who took part, if any
   * @param summary what it was about, possibly null
   * @param links the records it concerns
   * @param stamp the event's id, and when and by whom it is recorded
   * @return the interaction with its {@link InteractionRecorded} event, or every violation, as
   *     {@link #record(InteractionId, CustomerId, Validation, Instant, Option, String, Set,
   *     EventStamp)} reports them
   * @throws NullPointerException if id, customer, channel, employee, links, a link or stamp is null
   */
  public static Validation<Seq<Violation>, Transition<Interaction>> record(InteractionId id,
      CustomerId customer, Channel channel, Instant occurredAt, Option<EmployeeId> employee,
      String summary, Set<RecordRef> links, EventStamp stamp) {
    return record(id, customer, Validation.valid(requireNonNull(channel, "channel")), occurredAt,
        employee, summary, links, stamp);
  }

  /**
   * Links this interaction to a record, such as the opportunity a call was about.
   *
   * @param link the record
   * @param stamp the event's id, and when and by whom
   * @return the linked interaction with its {@link InteractionLinked} event, or a rejection:
   *     {@code interaction.erased}, {@code interaction.before_recorded},
   *     {@code interaction.self_link}, {@code interaction.already_linked},
   *     {@code interaction.too_many_links}
   * @throws NullPointerException if an argument is null
   */
  public Either<InteractionRejection, Transition<Interaction>> link(RecordRef link, EventStamp stamp) {
    requireNonNull(link, "link");
    requireNonNull(stamp, "stamp");
    InteractionRejection.Reason refusal = refusal(stamp) != null ? refusal(stamp)
        : link.equals(RecordRef.to(id)) ? InteractionRejection.Reason.SELF_LINK
        : links.contains(link) ? InteractionRejection.Reason.ALREADY_LINKED
        : links.size() >= MAX_LINKS ? InteractionRejection.Reason.TOO_MANY_LINKS
        : null;
    if (refusal != null) {
      return Either.left(rejection(refusal, Option.of(link)));
    }
    return Either.right(Transition.of(
        copy(customer, channel, summary, links.add(link), formerCustomers, erased),
        new InteractionLinked(id, link, stamp)));
  }

  /**
   * Removes this interaction's link to a record.
   *
   * @param link the record
   * @param stamp the event's id, and when and by whom
   * @return the interaction without the link, with its {@link InteractionUnlinked} event, or a
   *     rejection: {@code interaction.erased}, {@code interaction.before_recorded},
   *     {@code interaction.not_linked}
   * @throws NullPointerException if an argument is null
   */
  public Either<InteractionRejection, Transition<Interaction>> unlink(RecordRef link,
      EventStamp stamp) {
    requireNonNull(link, "link");
    requireNonNull(stamp, "stamp");
    InteractionRejection.Reason refusal = refusal(stamp) != null ? refusal(stamp)
        : !links.contains(link) ? InteractionRejection.Reason.NOT_LINKED
        : null;
    if (refusal != null) {
      return Either.left(rejection(refusal, Option.of(link)));
    }
    return Either.right(Transition.of(
        copy(customer, channel, summary, links.remove(link), formerCustomers, erased),
        new InteractionUnlinked(id, link, stamp)));
  }

  /**
   * Moves this interaction to another customer, as when two customers are merged, remembering the
   * customer it came from so that {@link #moveBack} can undo the move exactly.
   *
   * @param to the customer it belongs to from now on
   * @param stamp the event's id, and when and by whom
   * @return the moved interaction with its {@link InteractionReassigned} event, or a rejection:
   *     {@code interaction.erased}, {@code interaction.before_recorded},
   *     {@code interaction.same_customer}
   * @throws NullPointerException if an argument is null
   */
  public Either<InteractionRejection, Transition<Interaction>> moveTo(CustomerId to,
      EventStamp stamp) {
    requireNonNull(to, "to");
    requireNonNull(stamp, "stamp");
    InteractionRejection.Reason refusal = refusal(stamp) != null ? refusal(stamp)
        : to.equals(customer) ? InteractionRejection.Reason.SAME_CUSTOMER
        : null;
    if (refusal != null) {
      return Either.left(rejection(refusal, Option.none()));
    }
    return Either.right(Transition.of(
        copy(to, channel, summary, links, formerCustomers.append(customer), erased),
        new InteractionReassigned(id, customer, to, false, stamp)));
  }

  /**
   * Undoes this interaction's latest {@link #moveTo}, as when a merge of customers is undone: it
   * returns to the customer it came from, and equals the interaction before that move.
   *
   * @param stamp the event's id, and when and by whom
   * @return the interaction back with its former customer, with its {@link InteractionReassigned}
   *     event, or a rejection: {@code interaction.erased}, {@code interaction.before_recorded},
   *     {@code interaction.never_moved}
   * @throws NullPointerException if stamp is null
   */
  public Either<InteractionRejection, Transition<Interaction>> moveBack(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    InteractionRejection.Reason refusal = refusal(stamp) != null ? refusal(stamp)
        : formerCustomers.isEmpty() ? InteractionRejection.Reason.NEVER_MOVED
        : null;
    if (refusal != null) {
      return Either.left(rejection(refusal, Option.none()));
    }
    CustomerId back = formerCustomers.last();
    return Either.right(Transition.of(
        copy(back, channel, summary, links, formerCustomers.init(), erased),
        new InteractionReassigned(id, customer, back, true, stamp)));
  }

  /**
   * Erases this interaction's personal details irreversibly, for the erasure of its customer: the
   * summary and the channel's personal text become {@value Channel#REDACTED}, phone numbers are
   * dropped; the channel kind, time, direction, duration, outcome, employee, links and customer ids
   * are kept for analytics.
   *
   * <p>Never refused. Redacting an interaction that is already erased is harmless: the answer is
   * this same interaction and no event, so a retried erasure neither fails nor states the erasure
   * twice.
   *
   * @param stamp the event's id, and when and by whom
   * @return the redacted interaction with its {@link InteractionRedacted} event, or this
   *     interaction and no event if it was already erased
   * @throws NullPointerException if stamp is null
   */
  public Either<InteractionRejection, Transition<Interaction>> redact(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    if (erased) {
      return Either.right(Transition.of(this));
    }
    return Either.right(Transition.of(
        copy(customer, channel.redacted(), Channel.REDACTED, links, formerCustomers, true),
        new InteractionRedacted(id, customer, stamp)));
  }

  /** Returns the customer the latest move came from, which {@link #moveBack} returns to. */
  public Option<CustomerId> previousCustomer() {
    return formerCustomers.lastOption();
  }

  /**
   * Returns this interaction's entry in its customer's timeline: at the time it took place, from
   * this interaction, of kind {@code interaction.} and the channel kind (such as
   * {@code interaction.call}), titled by the channel (such as {@code Inbound call, answered, 4 min}),
   * with its employee. The title never holds personal details.
   *
   * @return the entry
   */
  public TimelineEntry timelineEntry() {
    return new TimelineEntry(occurredAt, RecordRef.to(id), "interaction." + channel.kind().code(),
        channel.title(), employee);
  }

  private InteractionRejection.Reason refusal(EventStamp stamp) {
    return erased ? InteractionRejection.Reason.ERASED
        : stamp.at().isBefore(recordedAt) ? InteractionRejection.Reason.BEFORE_RECORDED
        : null;
  }

  private InteractionRejection rejection(InteractionRejection.Reason reason, Option<RecordRef> link) {
    return new InteractionRejection(reason, id, customer, links, recordedAt, link);
  }

  private Interaction copy(CustomerId customer, Channel channel, String summary,
      Set<RecordRef> links, Seq<CustomerId> formerCustomers, boolean erased) {
    return new Interaction(id, customer, channel, occurredAt, employee, summary, links, recordedAt,
        recordedBy, formerCustomers, erased);
  }

  private static Set<RecordRef> ordered(Set<RecordRef> links) {
    return links instanceof TreeSet && ((TreeSet<RecordRef>) links).comparator() == LINK_ORDER
        ? links : TreeSet.ofAll(LINK_ORDER, links);
  }

  private static Seq<Violation> problems(InteractionId id, Channel channel, Instant occurredAt,
      Option<EmployeeId> employee, String summary, Set<RecordRef> links, Instant recordedAt) {
    List<Violation> problems = List.empty();
    if (occurredAt == null) {
      problems = problems.append(Violation.of("interaction.occurred_at.missing", "occurredAt",
          "Say when the interaction took place"));
    } else if (occurredAt.isAfter(recordedAt)) {
      problems = problems.append(Violation.of("interaction.occurred_at.after_recorded",
          "occurredAt", "An interaction cannot take place (" + occurredAt
              + ") after it is recorded (" + recordedAt + ")"));
    }
    if (summary == null) {
      problems = problems.append(Violation.of("interaction.summary.missing", "summary",
          "An interaction needs a summary, possibly empty"));
    } else if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY_LENGTH) {
      problems = problems.append(Violation.of("interaction.summary.too_long", "summary",
          "A summary has at most " + MAX_SUMMARY_LENGTH + " characters, but got "
              + summary.codePointCount(0, summary.length())));
    }
    if (channel instanceof Channel.WebForm && employee.isDefined()) {
      problems = problems.append(Violation.of("interaction.employee.not_allowed", "employee",
          "A web form is filled in by the customer alone, but got employee " + employee.get()));
    }
    if (links.contains(RecordRef.to(id))) {
      problems = problems.append(Violation.of("interaction.links.self", "links",
          "An interaction cannot be linked to itself"));
    }
    if (links.size() > MAX_LINKS) {
      problems = problems.append(Violation.of("interaction.links.too_many", "links",
          "An interaction has at most " + MAX_LINKS + " links, but got " + links.size()));
    }
    return problems;
  }
}
