package io.rapport.crm.customer;

import static io.rapport.crm.customer.ConsentChannel.EMAIL;
import static io.rapport.crm.customer.ConsentChannel.SMS;
import static io.rapport.crm.customer.ConsentPurpose.MARKETING;
import static io.rapport.crm.customer.ConsentPurpose.SERVICE;
import static io.rapport.crm.customer.ConsentRecord.Status.GRANTED;
import static io.rapport.crm.customer.ConsentRecord.Status.PENDING_CONFIRMATION;
import static io.rapport.crm.customer.ConsentRecord.Status.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ConsentLedgerTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  static ConsentRecord said(ConsentRecord.Status status, int capturedOnDay) {
    return ConsentRecord.of(MARKETING, EMAIL, status, day(capturedOnDay), "web-form", "token-" + capturedOnDay);
  }

  @Test
  void deniesByDefault() {
    ContactDecision decision = ConsentLedger.EMPTY.decide(EMAIL, MARKETING, day(1));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(ContactDecision.Reason.NO_CONSENT);
  }

  @Test
  void aConfirmedDoubleOptInAllowsFromItsConfirmation() {
    ConsentLedger ledger = ConsentLedger.EMPTY.record(said(PENDING_CONFIRMATION, 1)).record(said(GRANTED, 3));
    assertThat(ledger.decide(EMAIL, MARKETING, day(2)).reason()).isEqualTo(ContactDecision.Reason.PENDING_CONFIRMATION);
    assertThat(ledger.mayContact(EMAIL, MARKETING, day(3))).isTrue();
    assertThat(ledger.decide(EMAIL, MARKETING, day(4)).basis().get().evidence()).isEqualTo("token-3");
  }

  @Test
  void aWithdrawalWinsFromWhenItTakesEffect() {
    ConsentLedger ledger = ConsentLedger.EMPTY.record(said(GRANTED, 1)).record(said(WITHDRAWN, 5));
    assertThat(ledger.mayContact(EMAIL, MARKETING, day(4))).isTrue();
    assertThat(ledger.decide(EMAIL, MARKETING, day(5)).reason()).isEqualTo(ContactDecision.Reason.WITHDRAWN);
    // Consent is per purpose and per channel.
    assertThat(ledger.mayContact(SMS, MARKETING, day(2))).isFalse();
    assertThat(ledger.mayContact(EMAIL, SERVICE, day(2))).isFalse();
  }

  @Test
  void aGrantEndsWhenItsEffectEnds() {
    ConsentLedger ledger = ConsentLedger.EMPTY.record(new ConsentRecord(SERVICE, SMS, GRANTED, day(0),
        "store", "signature", day(1), Option.of(day(10))));
    assertThat(ledger.mayContact(SMS, SERVICE, day(0))).isFalse();
    assertThat(ledger.mayContact(SMS, SERVICE, day(9))).isTrue();
    assertThat(ledger.decide(SMS, SERVICE, day(10)).reason()).isEqualTo(ContactDecision.Reason.EXPIRED);
  }

  @Test
  void rejectsImpossibleRecords() {
    assertThatThrownBy(() -> new ConsentRecord(MARKETING, EMAIL, GRANTED, day(2), "web", "", day(1),
        Option.none())).isInstanceOf(InvalidValueException.class).hasMessageContaining("effective_before_capture");
    assertThatThrownBy(() -> new ConsentRecord(MARKETING, EMAIL, GRANTED, day(1), "web", "", day(1),
        Option.of(day(1)))).isInstanceOf(InvalidValueException.class).hasMessageContaining("ends_before_start");
    assertThatThrownBy(() -> ConsentRecord.of(MARKETING, EMAIL, GRANTED, day(1), " ", ""))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new ConsentPurpose("Marketing!")).isInstanceOf(InvalidValueException.class);
  }

  static final Gen<ConsentRecord> RECORDS = arbitrary().enumValues(ConsentRecord.Status.class)
      .zip(integers().between(0, 30), arbitrary().pick(EMAIL, SMS), (status, dayCaptured, channel) ->
          ConsentRecord.of(MARKETING, channel, status, day(dayCaptured), "src", "e" + dayCaptured));

  static final Gen<java.util.List<ConsentRecord>> LEDGERS = lists().of(RECORDS).ofSizeBetween(0, 12);

  @Test
  void whatIsSaidLaterNeverChangesAnAnswerAboutThePast() {
    qt().withFixedSeed(20261123L).forAll(LEDGERS, RECORDS, integers().between(0, 30))
        .check((records, later, askedDay) -> {
          ConsentLedger ledger = new ConsentLedger(List.ofAll(records));
          return !later.capturedAt().isAfter(day(askedDay))
              || ledger.decide(EMAIL, MARKETING, day(askedDay))
                  .equals(ledger.record(later).decide(EMAIL, MARKETING, day(askedDay)));
        });
  }

  @Test
  void contactIsAllowedOnlyOnAGrantInEffect() {
    qt().withFixedSeed(20261123L).forAll(LEDGERS, integers().between(0, 30)).check((records, askedDay) -> {
      ContactDecision decision = new ConsentLedger(List.ofAll(records)).decide(EMAIL, MARKETING, day(askedDay));
      boolean anyGrantBefore = records.stream().anyMatch(r -> r.channel() == EMAIL
          && r.status() == GRANTED && !r.capturedAt().isAfter(day(askedDay)));
      return !decision.allowed() || anyGrantBefore && decision.basis().get().status() == GRANTED;
    });
  }

  @Test
  void theLatestStatementDecides() {
    qt().withFixedSeed(20261123L).forAll(LEDGERS, integers().between(0, 30)).check((records, askedDay) -> {
      ContactDecision decision = new ConsentLedger(List.ofAll(records)).decide(EMAIL, MARKETING, day(askedDay));
      Option<ConsentRecord> latest = List.ofAll(records)
          .filter(r -> r.channel() == EMAIL && !r.capturedAt().isAfter(day(askedDay)))
          .maxBy(ConsentRecord::capturedAt);
      return latest.isEmpty() ? decision.reason() == ContactDecision.Reason.NO_CONSENT
          : decision.basis().get().capturedAt().equals(latest.get().capturedAt());
    });
  }
}
