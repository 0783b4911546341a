package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Records how a customer was acquired: the channel (such as {@code store-visit},
 * {@code call-center}, {@code web}), the campaign, a referrer (a web page or a partner) and the
 * customer who referred them, for referral rewards. Immutable and thread-safe.
 *
 * @param channel lower-case letters, digits, {@code -}, {@code _} and {@code .}, 1 to 64 characters
 * @param campaign the campaign's code, or empty
 * @param referrer where they came from, such as a URL or a partner's name, or empty
 * @param referredBy the customer who referred them, or empty
 */
public record AcquisitionSource(String channel, Option<String> campaign, Option<String> referrer,
    Option<CustomerId> referredBy) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the channel is malformed
   */
  public AcquisitionSource {
    requireNonNull(channel, "channel");
    requireNonNull(campaign, "campaign");
    requireNonNull(referrer, "referrer");
    requireNonNull(referredBy, "referredBy");
    Checks.orThrow(validChannel(channel));
  }

  /**
   * Returns a source that is only a channel.
   *
   * @param channel the channel
   * @return the source
   */
  public static AcquisitionSource of(String channel) {
    return new AcquisitionSource(channel, Option.none(), Option.none(), Option.none());
  }

  /**
   * Validates outside input into a source, reporting every problem.
   *
   * @param channel the channel, possibly null
   * @param campaign the campaign, possibly null or blank
   * @param referrer the referrer, possibly null or blank
   * @param referredBy the referring customer's id, possibly null or blank
   * @return the source, or the violations ({@code source.channel.malformed},
   *     {@code source.campaign.too_long}, {@code source.referrer.too_long} and id violations)
   */
  public static Validation<Seq<Violation>, AcquisitionSource> validated(String channel,
      String campaign, String referrer, String referredBy) {
    List<Violation> problems = List.empty();
    Validation<Seq<Violation>, String> checkedChannel = validChannel(channel);
    if (checkedChannel.isInvalid()) {
      problems = problems.appendAll(checkedChannel.getError());
    }
    Option<String> campaignText = blankless(campaign);
    Option<String> referrerText = blankless(referrer);
    if (campaignText.exists(text -> text.length() > 200)) {
      problems = problems.append(Violation.of("source.campaign.too_long", "source.campaign",
          "A campaign code holds at most 200 characters"));
    }
    if (referrerText.exists(text -> text.length() > 2000)) {
      problems = problems.append(Violation.of("source.referrer.too_long", "source.referrer",
          "A referrer holds at most 2000 characters"));
    }
    Option<CustomerId> referring = Option.none();
    if (referredBy != null && !referredBy.isBlank()) {
      Validation<Seq<Violation>, CustomerId> id = CustomerId.KIND.validated(referredBy.strip());
      if (id.isInvalid()) {
        problems = problems.appendAll(id.getError().map(v -> v.under("source.referredBy")));
      } else {
        referring = Option.of(id.get());
      }
    }
    return problems.isEmpty()
        ? Validation.valid(new AcquisitionSource(channel.strip(), campaignText, referrerText, referring))
        : Validation.invalid(problems);
  }

  private static Option<String> blankless(String text) {
    return text == null || text.isBlank() ? Option.none() : Option.of(text.strip());
  }

  private static Validation<Seq<Violation>, String> validChannel(String channel) {
    String text = channel == null ? "" : channel.strip();
    return text.matches("[a-z0-9][a-z0-9._-]{0,63}") ? Validation.valid(text)
        : Violation.invalid("source.channel.malformed", "source.channel",
            "A channel has lower-case letters, digits, '.', '_' and '-', such as store-visit: "
                + Checks.quote(channel));
  }
}
