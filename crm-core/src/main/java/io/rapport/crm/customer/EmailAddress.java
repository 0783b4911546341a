package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Locale;

/**
 * An email address, normalised: surrounding spaces removed, the domain in lower case. The local
 * part keeps its case as given (some servers honour it), and {@link #matchKey()} lower-cases it to
 * find duplicates. Internationalised addresses (Unicode letters, such as {@code 李伟@例子.中国})
 * are accepted. Immutable and thread-safe.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) implements ContactValue {

  private static final int MAX_LENGTH = 254;

  /**
   * Checks that the value is a normalised email address.
   *
   * @throws NullPointerException if value is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is not, with code
   *     {@code email.malformed}; use {@link #parse} to normalise input first
   */
  public EmailAddress {
    requireNonNull(value, "value");
    if (!value.equals(normalise(value))) {
      Checks.orThrow(Checks.invalid("email.malformed", "email",
          "Expected a normalised email address such as 'li.wei@example.com', but got "
              + Checks.quote(value)));
    }
  }

  /**
   * Parses and normalises an email address.
   *
   * @param text the address, such as {@code " Li.Wei@Example.COM "}
   * @return the address
   * @throws NullPointerException if text is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is not an email address
   */
  public static EmailAddress parse(String text) {
    requireNonNull(text, "text");
    return Checks.orThrow(validated(text, "email"));
  }

  /**
   * Validates outside input into an email address.
   *
   * @param text the address, possibly null
   * @param field the field to report a violation under
   * @return the address, or a violation {@code email.missing} or {@code email.malformed}
   */
  public static Validation<Seq<Violation>, EmailAddress> validated(String text, String field) {
    requireNonNull(field, "field");
    if (text == null || text.isBlank()) {
      return Checks.invalid("email.missing", field, "An email address is required");
    }
    String normal = normalise(text);
    if (normal == null) {
      return Checks.invalid("email.malformed", field,
          "Expected an email address such as 'li.wei@example.com', but got " + Checks.quote(text));
    }
    return Validation.valid(new EmailAddress(normal));
  }

  /** Returns the normalised form of an address, or null if it is not one. */
  static String normalise(String text) {
    String trimmed = text.strip();
    int at = trimmed.lastIndexOf('@');
    if (trimmed.length() > MAX_LENGTH || at < 1 || at > 64 || at == trimmed.length() - 1
        || !localPartIsValid(trimmed.substring(0, at))
        || !domainIsValid(trimmed.substring(at + 1))) {
      return null;
    }
    return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public ContactKind kind() {
    return ContactKind.EMAIL;
  }

  /** Returns {@code email:} and the address in lower case. */
  @Override
  public String matchKey() {
    return "email:" + value.toLowerCase(Locale.ROOT);
  }

  /** Returns the address. */
  @Override
  public String toString() {
    return value;
  }

  private static boolean localPartIsValid(String local) {
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean domainIsValid(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > 253) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-')) {
          return false;
        }
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }
}
