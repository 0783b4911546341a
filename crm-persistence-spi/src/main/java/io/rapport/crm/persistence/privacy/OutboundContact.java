package io.rapport.crm.persistence.privacy;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ContactDecision;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;

/**
 * Checks consent before the company contacts a customer, and records outbound contact only when
 * the customer consented: a call, email or text message the company starts
 * ({@link Channel.Direction#OUTBOUND}) is refused with {@code privacy.no_consent} and the consent
 * decision's reason (no consent, withdrawn, pending confirmation, expired, not contactable) unless
 * a grant for the purpose on that channel is in effect. Hosts call {@link #check} before any other
 * outbound contact of their own (a survey, a campaign). Stateless and thread-safe.
 */
public final class OutboundContact {

  private OutboundContact() {}

  /**
   * Returns the consent channel that covers a contact channel: calls need {@code PHONE_CALL},
   * emails {@code EMAIL}, text messages {@code SMS}, chats and social messages {@code MESSAGING};
   * web forms, store visits and meetings are not contact at a distance and need none.
   *
   * @param channel the contact channel
   * @return the consent channel, or empty
   * @throws NullPointerException if channel is null
   */
  public static Option<ConsentChannel> consentChannelOf(Channel channel) {
    requireNonNull(channel, "channel");
    if (channel instanceof Channel.Call) {
      return Option.of(ConsentChannel.PHONE_CALL);
    } else if (channel instanceof Channel.Email) {
      return Option.of(ConsentChannel.EMAIL);
    } else if (channel instanceof Channel.Sms) {
      return Option.of(ConsentChannel.SMS);
    } else if (channel instanceof Channel.Chat || channel instanceof Channel.Social) {
      return Option.of(ConsentChannel.MESSAGING);
    }
    return Option.none();
  }

  /**
   * Tells whether the company started a contact on a channel: an outbound call, email or text
   * message. Chats, social messages, web forms, visits and meetings carry no direction.
   *
   * @param channel the contact channel
   * @return true if the contact is outbound
   * @throws NullPointerException if channel is null
   */
  public static boolean isOutbound(Channel channel) {
    requireNonNull(channel, "channel");
    Channel.Direction direction = channel instanceof Channel.Call
        ? ((Channel.Call) channel).direction()
        : channel instanceof Channel.Email ? ((Channel.Email) channel).direction()
        : channel instanceof Channel.Sms ? ((Channel.Sms) channel).direction()
        : Channel.Direction.INBOUND;
    return direction == Channel.Direction.OUTBOUND;
  }

  /**
   * Checks a customer's consent to be contacted on a channel for a purpose at an instant.
   *
   * @param customer the customer
   * @param channel the consent channel
   * @param purpose the purpose
   * @param at when the contact would happen
   * @return the granting decision, or {@code privacy.no_consent} with the decision that refused it
   * @throws NullPointerException if an argument is null
   */
  public static Either<PrivacyRefusal, ContactDecision> check(Customer customer,
      ConsentChannel channel, ConsentPurpose purpose, Instant at) {
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(purpose, "purpose");
    requireNonNull(at, "at");
    ContactDecision decision = customer.mayContact(channel, purpose, at);
    if (decision.allowed()) {
      return Either.right(decision);
    }
    return Either.left(PrivacyRefusal.noConsent(decision, "Customer " + customer.id()
        + " may not be contacted by " + channel.name().toLowerCase(java.util.Locale.ROOT)
        + " for " + purpose + " at " + at + ": "
        + decision.reason().name().toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * Checks a stored customer's consent to be contacted on a channel for a purpose at an instant.
   *
   * @param store the store
   * @param customer the customer's id
   * @param channel the consent channel
   * @param purpose the purpose
   * @param at when the contact would happen
   * @return the granting decision, {@code privacy.no_consent} with the decision that refused it,
   *     or {@code privacy.customer_not_found}
   * @throws NullPointerException if an argument is null
   */
  public static Either<PrivacyRefusal, ContactDecision> check(CrmStore store, CustomerId customer,
      ConsentChannel channel, ConsentPurpose purpose, Instant at) {
    requireNonNull(store, "store");
    requireNonNull(customer, "customer");
    Option<Versioned<Customer>> found = CustomerRepository.in(store).find(customer);
    if (found.isEmpty()) {
      return Either.left(notFound(customer));
    }
    return check(found.get().value(), channel, purpose, at);
  }

  /**
   * Records an interaction with a stored customer in one transaction, after checking consent when
   * the company started it ({@link #isOutbound}): the customer's consent to the purpose on the
   * channel's {@link #consentChannelOf consent channel}, at the time the contact occurred (or the
   * stamp's time when unknown). Inbound contact is recorded without a check.
   *
   * @param store the store
   * @param id the new interaction's id
   * @param customer the customer
   * @param channel how the contact took place
   * @param purpose why the company contacts the customer
   * @param occurredAt when it took place, possibly null
   * @param employee the employee who took part, if any
   * @param summary what it was about
   * @param links the records it concerns
   * @param stamp the event's id, time and actor
   * @return the stored interaction, or why nothing was recorded: {@code privacy.no_consent},
   *     {@code privacy.customer_not_found}, {@code privacy.interaction_invalid} (with the
   *     interaction's violations), a version conflict (the id is taken)
   * @throws NullPointerException if an argument other than occurredAt is null
   */
  public static Either<Rejection, Versioned<Interaction>> record(CrmStore store, InteractionId id,
      CustomerId customer, Channel channel, ConsentPurpose purpose, Instant occurredAt,
      Option<EmployeeId> employee, String summary, Set<RecordRef> links, EventStamp stamp) {
    requireNonNull(store, "store");
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(channel, "channel");
    requireNonNull(purpose, "purpose");
    requireNonNull(employee, "employee");
    requireNonNull(links, "links");
    requireNonNull(stamp, "stamp");
    return store.inTransaction(tx -> {
      Option<Versioned<Customer>> found = CustomerRepository.in(tx).find(customer);
      if (found.isEmpty()) {
        return Either.left(notFound(customer));
      }
      if (isOutbound(channel)) {
        Instant when = occurredAt == null ? stamp.at() : occurredAt;
        Either<PrivacyRefusal, ContactDecision> consent =
            check(found.get().value(), consentChannelOf(channel).get(), purpose, when);
        if (consent.isLeft()) {
          return Either.left(consent.getLeft());
        }
      }
      Validation<Seq<Violation>, Transition<Interaction>> recorded = Interaction.record(id,
          customer, channel, occurredAt, employee, summary, links, stamp);
      if (recorded.isInvalid()) {
        return Either.left(new PrivacyRefusal(PrivacyRefusal.INTERACTION_INVALID,
            "The interaction is not valid", Option.none(), recorded.getError()));
      }
      Either<VersionConflict, Version> saved =
          InteractionRepository.in(tx).save(recorded.get().state(), Version.NEW);
      if (saved.isLeft()) {
        return Either.left(saved.getLeft());
      }
      tx.publish(recorded.get().events());
      return Either.right(new Versioned<>(recorded.get().state(), saved.get()));
    });
  }

  private static PrivacyRefusal notFound(CustomerId customer) {
    return PrivacyRefusal.of(PrivacyRefusal.CUSTOMER_NOT_FOUND, "No customer " + customer
        + " is stored");
  }
}
