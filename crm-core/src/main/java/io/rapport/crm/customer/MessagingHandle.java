package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Locale;

/**
 * A handle on a messaging or social network, such as a WeChat id or a LINE id. Immutable and
 * thread-safe.
 *
 * @param network the network
 * @param handle the handle on that network, as the network shows it, 1 to 128 characters, no spaces
 */
public record MessagingHandle(Network network, String handle) implements ContactValue {

  /** Names the networks a handle can belong to. */
  public enum Network {
    /** WeChat (微信). */
    WECHAT,
    /** WhatsApp. */
    WHATSAPP,
    /** LINE. */
    LINE,
    /** Telegram. */
    TELEGRAM,
    /** Weibo (微博). */
    WEIBO,
    /** Instagram. */
    INSTAGRAM,
    /** Facebook Messenger. */
    MESSENGER,
    /** X (Twitter). */
    X,
    /** Any other network; say which in the handle's context. */
    OTHER
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the handle is blank, too long or has
   *     white space ({@code handle.malformed})
   */
  public MessagingHandle {
    requireNonNull(network, "network");
    requireNonNull(handle, "handle");
    io.vavr.collection.List<Violation> problems = problems(network.name(), handle, "messagingHandle");
    if (!problems.isEmpty()) {
      throw new io.rapport.crm.kernel.InvalidValueException(problems);
    }
  }

  /**
   * Validates outside input into a handle.
   *
   * @param network the network's name, such as {@code "WECHAT"} (case-insensitive)
   * @param handle the handle
   * @param field the field to report violations under
   * @return the handle, or the violations {@code handle.network.unknown} (field
   *     {@code field.network}) and {@code handle.malformed} (field {@code field.handle})
   */
  public static Validation<Seq<Violation>, MessagingHandle> validated(String network, String handle,
      String field) {
    requireNonNull(field, "field");
    io.vavr.collection.List<Violation> problems = problems(network, handle, field);
    return problems.isEmpty()
        ? Validation.valid(new MessagingHandle(Network.valueOf(network.strip().toUpperCase(Locale.ROOT)), handle))
        : Validation.invalid(problems);
  }

  private static io.vavr.collection.List<Violation> problems(String network, String handle,
      String field) {
    io.vavr.collection.List<Violation> problems = io.vavr.collection.List.empty();
    try {
      Network.valueOf(String.valueOf(network).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      problems = problems.append(Violation.of("handle.network.unknown", field + ".network",
          "Unknown network " + Checks.quote(network)));
    }
    if (handle == null || handle.isEmpty() || handle.length() > 128
        || handle.codePoints().anyMatch(Character::isWhitespace)) {
      problems = problems.append(Violation.of("handle.malformed", field + ".handle",
          "Expected a handle of 1 to 128 characters without spaces, but got " + Checks.quote(handle)));
    }
    return problems;
  }

  @Override
  public ContactKind kind() {
    return ContactKind.MESSAGING;
  }

  /** Returns {@code messaging:}, the network and the handle in lower case. */
  @Override
  public String matchKey() {
    return "messaging:" + network.name().toLowerCase(Locale.ROOT) + ":" + handle.toLowerCase(Locale.ROOT);
  }
}
