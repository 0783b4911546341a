package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.PrivacyRecords.T0;
import static io.rapport.crm.testkit.storage.PrivacyRecords.customer;
import static io.rapport.crm.testkit.storage.PrivacyRecords.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ConsentRecord;
import io.rapport.crm.customer.ContactDecision;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerErasure;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.privacy.OutboundContact;
import io.rapport.crm.persistence.privacy.PrivacyRefusal;
import io.rapport.crm.testkit.storage.PrivacyRecords.Person;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The consent gate before outbound contact: allowed, refused, withdrawn, expired, erased. */
class OutboundContactTest {

  private static final Person ANA = Person.of("C-ana", 4711);
  private static final Instant LATER = T0.plus(Duration.ofDays(10));

  private static Customer withConsent(Customer c, ConsentPurpose purpose, ConsentChannel channel,
      ConsentRecord.Status status, Instant at) {
    return c.recordConsent(ConsentRecord.of(purpose, channel, status, at, "web-form:newsletter",
        "token-" + at.getEpochSecond()), stamp(at)).get().state();
  }

  private static CrmStore storeWith(Customer c) {
    CrmStore store = InMemoryCrmStore.create();
    CustomerRepository.in(store).save(c, Version.NEW);
    return store;
  }

  private static Either<Rejection, Versioned<Interaction>> email(CrmStore store, String id,
      Channel.Direction direction, ConsentPurpose purpose) {
    return OutboundContact.record(store, InteractionId.parse(id), ANA.customerId(),
        Channel.Email.validated(direction, "Spring collection").get(), purpose, LATER,
        Option.of(EmployeeId.parse("E-1")), "Sent the spring catalogue", HashSet.empty(),
        stamp(LATER.plusSeconds(5)));
  }

  @Test
  void anOutboundEmailWithAGrantInEffectIsRecorded() {
    Customer granted = withConsent(customer(ANA), ConsentPurpose.MARKETING, ConsentChannel.EMAIL,
        ConsentRecord.Status.GRANTED, T0.plusSeconds(60));
    try (CrmStore store = storeWith(granted)) {
      assertThat(OutboundContact.check(store, ANA.customerId(), ConsentChannel.EMAIL,
          ConsentPurpose.MARKETING, LATER).get().reason()).isEqualTo(ContactDecision.Reason.GRANTED);

      Either<Rejection, Versioned<Interaction>> recorded =
          email(store, "I-1", Channel.Direction.OUTBOUND, ConsentPurpose.MARKETING);

      assertThat(recorded.isRight()).isTrue();
      assertThat(InteractionRepository.in(store).find(InteractionId.parse("I-1")).get().value())
          .isEqualTo(recorded.get().value());
    }
  }

  @Test
  void anOutboundContactWithoutConsentIsRefusedWithTheReasonAndNothingIsStored() {
    Customer granted = withConsent(customer(ANA), ConsentPurpose.SERVICE, ConsentChannel.EMAIL,
        ConsentRecord.Status.GRANTED, T0.plusSeconds(60));
    try (CrmStore store = storeWith(granted)) {
      Either<Rejection, Versioned<Interaction>> refused =
          email(store, "I-1", Channel.Direction.OUTBOUND, ConsentPurpose.MARKETING);

      assertThat(refused.getLeft().code()).isEqualTo("privacy.no_consent");
      assertThat(((PrivacyRefusal) refused.getLeft()).consentReason())
          .contains(ContactDecision.Reason.NO_CONSENT);
      assertThat(InteractionRepository.in(store).find(InteractionId.parse("I-1"))).isEmpty();
      // the service grant covers service mail, on email only
      assertThat(email(store, "I-2", Channel.Direction.OUTBOUND, ConsentPurpose.SERVICE).isRight())
          .isTrue();
      assertThat(OutboundContact.check(granted, ConsentChannel.SMS, ConsentPurpose.SERVICE, LATER)
          .getLeft().consentReason()).contains(ContactDecision.Reason.NO_CONSENT);
    }
  }

  @Test
  void aWithdrawnConsentRefusesFromTheWithdrawalOn() {
    Customer granted = withConsent(customer(ANA), ConsentPurpose.MARKETING, ConsentChannel.EMAIL,
        ConsentRecord.Status.GRANTED, T0.plusSeconds(60));
    Customer withdrawn = withConsent(granted, ConsentPurpose.MARKETING, ConsentChannel.EMAIL,
        ConsentRecord.Status.WITHDRAWN, T0.plus(Duration.ofDays(5)));
    try (CrmStore store = storeWith(withdrawn)) {
      assertThat(OutboundContact.check(store, ANA.customerId(), ConsentChannel.EMAIL,
          ConsentPurpose.MARKETING, T0.plus(Duration.ofDays(1))).isRight()).isTrue();

      Either<Rejection, Versioned<Interaction>> refused =
          email(store, "I-1", Channel.Direction.OUTBOUND, ConsentPurpose.MARKETING);

      PrivacyRefusal refusal = (PrivacyRefusal) refused.getLeft();
      assertThat(refusal.code()).isEqualTo(PrivacyRefusal.NO_CONSENT);
      assertThat(refusal.consentReason()).contains(ContactDecision.Reason.WITHDRAWN);
      assertThat(refusal.decision().get().basis().map(ConsentRecord::status))
          .contains(ConsentRecord.Status.WITHDRAWN);
      assertThat(refusal.message()).contains("withdrawn");
    }
  }

  @Test
  void inboundContactNeedsNoConsentButAnErasedCustomerIsNotContactable() {
    try (CrmStore store = storeWith(customer(ANA))) {
      assertThat(email(store, "I-1", Channel.Direction.INBOUND, ConsentPurpose.MARKETING).isRight())
          .isTrue();
      CustomerErasure.of(store).erase(ANA.customerId(), AttributeSchema.EMPTY, stamp(LATER));

      Either<PrivacyRefusal, ContactDecision> erased = OutboundContact.check(store,
          ANA.customerId(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, LATER);

      assertThat(erased.getLeft().consentReason())
          .contains(ContactDecision.Reason.NOT_CONTACTABLE);
    }
  }

  @Test
  void anUnknownCustomerOrAnInvalidInteractionIsRefusedWithItsCode() {
    try (CrmStore store = storeWith(customer(ANA))) {
      assertThat(OutboundContact.check(store, CustomerId.parse("C-none"), ConsentChannel.EMAIL,
          ConsentPurpose.SERVICE, LATER).getLeft().code())
          .isEqualTo("privacy.customer_not_found");
      Either<Rejection, Versioned<Interaction>> invalid = OutboundContact.record(store,
          InteractionId.parse("I-9"), ANA.customerId(),
          Channel.Meeting.validated("Showroom", Duration.ofMinutes(30)).get(),
          ConsentPurpose.SERVICE, LATER.plus(Duration.ofDays(1)), Option.none(), "Showroom visit",
          HashSet.empty(), stamp(LATER.plusSeconds(5)));
      assertThat(invalid.getLeft().code()).isEqualTo("privacy.interaction_invalid");
      assertThat(((PrivacyRefusal) invalid.getLeft()).violations().map(v -> v.code()))
          .contains("interaction.occurred_at.after_recorded");
    }
  }

  @Test
  void callsTextsAndMessagesMapToTheirConsentChannels() {
    Channel.Call outboundCall = Channel.Call.validated(Channel.Direction.OUTBOUND,
        Duration.ofMinutes(2), Channel.CallOutcome.ANSWERED, Option.none(), Option.none()).get();
    assertThat(OutboundContact.consentChannelOf(outboundCall)).contains(ConsentChannel.PHONE_CALL);
    assertThat(OutboundContact.isOutbound(outboundCall)).isTrue();
    assertThat(OutboundContact.consentChannelOf(Channel.Sms.validated(Channel.Direction.INBOUND)
        .get())).contains(ConsentChannel.SMS);
    assertThat(OutboundContact.isOutbound(Channel.Sms.validated(Channel.Direction.INBOUND).get()))
        .isFalse();
    assertThat(OutboundContact.consentChannelOf(Channel.Chat.validated("wechat").get()))
        .contains(ConsentChannel.MESSAGING);
    assertThat(OutboundContact.consentChannelOf(Channel.StoreVisit.validated("Guangzhou").get()))
        .isEmpty();
  }
}
