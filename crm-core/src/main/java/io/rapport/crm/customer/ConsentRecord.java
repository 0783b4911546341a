package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records one statement of consent for one purpose on one channel: what was said, when it was
 * captured, where and with what evidence, and from when (until when) it takes effect. Consent
 * records are only ever added, never changed, so the history can be shown to a regulator.
 * Immutable and thread-safe.
 *
 * @param purpose why the customer may be contacted
 * @param channel on which channel
 * @param status what the customer said
 * @param capturedAt when it was captured
 * @param source where it was captured, such as {@code web-form:newsletter} or {@code call-center}
 * @param evidence what proves it, such as a call recording id or a confirmation link's token
 * @param effectiveFrom from when it applies, not before it was captured
 * @param effectiveUntil until when it applies, exclusive; empty for no end
 */
public record ConsentRecord(ConsentPurpose purpose, ConsentChannel channel, Status status,
    Instant capturedAt, String source, String evidence, Instant effectiveFrom,
    Option<Instant> effectiveUntil) {

  /** Names what a customer said. */
  public enum Status {
    /** Consent given (and confirmed, where double opt-in applies). */
    GRANTED,
    /** Consent withdrawn. */
    WITHDRAWN,
    /** Asked for, awaiting the customer's confirmation (double opt-in): not yet consent. */
    PENDING_CONFIRMATION
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it takes effect before it was captured
   *     ({@code consent.effective_before_capture}), ends before it starts
   *     ({@code consent.ends_before_start}), or the source is blank ({@code consent.source.blank})
   */
  public ConsentRecord {
    requireNonNull(purpose, "purpose");
    requireNonNull(channel, "channel");
    requireNonNull(status, "status");
    requireNonNull(capturedAt, "capturedAt");
    requireNonNull(source, "source");
    requireNonNull(evidence, "evidence");
    requireNonNull(effectiveFrom, "effectiveFrom");
    requireNonNull(effectiveUntil, "effectiveUntil");
    if (effectiveFrom.isBefore(capturedAt)) {
      Checks.orThrow(Checks.invalid("consent.effective_before_capture", "effectiveFrom",
          "Consent cannot take effect (" + effectiveFrom + ") before it was captured (" + capturedAt + ")"));
    }
    if (effectiveUntil.exists(until -> !until.isAfter(effectiveFrom))) {
      Checks.orThrow(Checks.invalid("consent.ends_before_start", "effectiveUntil",
          "Consent must end after it starts (" + effectiveFrom + ")"));
    }
    if (source.isBlank()) {
      Checks.orThrow(Checks.invalid("consent.source.blank", "source",
          "Say where the consent was captured"));
    }
  }

  /**
   * Returns a record that takes effect when captured and does not end.
   *
   * @param purpose why
   * @param channel on which channel
   * @param status what the customer said
   * @param capturedAt when
   * @param source where
   * @param evidence what proves it
   * @return the record
   */
  public static ConsentRecord of(ConsentPurpose purpose, ConsentChannel channel, Status status,
      Instant capturedAt, String source, String evidence) {
    return new ConsentRecord(purpose, channel, status, capturedAt, source, evidence, capturedAt,
        Option.none());
  }
}
