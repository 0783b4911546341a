package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Holds a customer's consent records, in the order they were added, and answers whether the
 * customer may be contacted. Deny by default: without a record that grants consent for that
 * purpose on that channel at that time, the answer is no. Immutable and thread-safe.
 *
 * <p>The record that decides is, among those for the purpose and channel that were captured by the
 * time asked about and have taken effect by then, the one that took effect last (then the one
 * captured last, then the one added last). So a withdrawal overrides an earlier grant from the
 * moment it takes effect, a grant awaiting double opt-in confirmation does not count until a
 * confirmed grant is added, and asking about the past ignores what was said later.
 *
 * @param records the records, oldest added first
 */
public record ConsentLedger(Seq<ConsentRecord> records) {

  /** The ledger with no records: nobody may be contacted. */
  public static final ConsentLedger EMPTY = new ConsentLedger(List.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if records or a record is null
   */
  public ConsentLedger {
    requireNonNull(records, "records");
    records.forEach(record -> requireNonNull(record, "records element"));
  }

  /**
   * Returns this ledger with one more record.
   *
   * @param record the record to add
   * @return the new ledger
   * @throws NullPointerException if record is null
   */
  public ConsentLedger record(ConsentRecord record) {
    return new ConsentLedger(records.append(requireNonNull(record, "record")));
  }

  /**
   * Decides whether the customer may be contacted for a purpose on a channel at a time, and why.
   *
   * @param channel the channel
   * @param purpose the purpose
   * @param at the time of the contact
   * @return the decision with its reason and the record it rests on
   * @throws NullPointerException if an argument is null
   */
  public ContactDecision decide(ConsentChannel channel, ConsentPurpose purpose, Instant at) {
    requireNonNull(channel, "channel");
    requireNonNull(purpose, "purpose");
    requireNonNull(at, "at");
    ConsentRecord deciding = null;
    for (ConsentRecord record : records) {
      if (record.channel() == channel && record.purpose().equals(purpose)
          && !record.capturedAt().isAfter(at) && !record.effectiveFrom().isAfter(at)
          && (deciding == null || supersedes(record, deciding))) {
        deciding = record;
      }
    }
    if (deciding == null) {
      return new ContactDecision(false, ContactDecision.Reason.NO_CONSENT, Option.none());
    }
    Option<ConsentRecord> basis = Option.of(deciding);
    switch (deciding.status()) {
      case WITHDRAWN:
        return new ContactDecision(false, ContactDecision.Reason.WITHDRAWN, basis);
      case PENDING_CONFIRMATION:
        return new ContactDecision(false, ContactDecision.Reason.PENDING_CONFIRMATION, basis);
      default:
        return deciding.effectiveUntil().exists(until -> !at.isBefore(until))
            ? new ContactDecision(false, ContactDecision.Reason.EXPIRED, basis)
            : new ContactDecision(true, ContactDecision.Reason.GRANTED, basis);
    }
  }

  /** Returns whether a record took effect after another, or at the same time but was captured later. */
  private static boolean supersedes(ConsentRecord later, ConsentRecord earlier) {
    int byEffect = later.effectiveFrom().compareTo(earlier.effectiveFrom());
    return byEffect > 0 || byEffect == 0 && !later.capturedAt().isBefore(earlier.capturedAt());
  }

  /**
   * Tells whether the customer may be contacted for a purpose on a channel at a time.
   *
   * @param channel the channel
   * @param purpose the purpose
   * @param at the time of the contact
   * @return true only if a grant in effect says so
   * @throws NullPointerException if an argument is null
   */
  public boolean mayContact(ConsentChannel channel, ConsentPurpose purpose, Instant at) {
    return decide(channel, purpose, at).allowed();
  }
}
