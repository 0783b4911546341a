package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.util.Locale;

/**
 * Stands in for a contact value a reader may not see, such as {@code +86 138 **** 8000} for a
 * phone number or {@code l***@e***.com} for an email address: it keeps the kind, so the reader
 * knows a phone number is there, and shows a hint that is never a valid value of that kind (it
 * always holds {@code ***}: a phone hint is not in E.164 form, an email hint has {@code *} in its
 * domain). The hint is for people, not to be parsed (a lenient phone parser skips the stars). Its {@link #matchKey()} starts with {@code masked:}, so it never equals the key of
 * a real value; a customer may hold the same masked hint twice (two numbers that share the shown
 * digits). Masked values are for showing only: an access-checking store puts the stored values
 * back before it saves. Immutable and thread-safe.
 *
 * @param maskedKind the kind of the hidden value
 * @param shown the masked hint shown instead, containing {@code ***}
 */
public record MaskedContact(ContactKind maskedKind, String shown) implements ContactValue {

  private static final String STARS = "***";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException if the hint does not contain {@code ***}
   *     ({@code contact.masked.malformed})
   */
  public MaskedContact {
    requireNonNull(maskedKind, "maskedKind");
    requireNonNull(shown, "shown");
    if (!shown.contains(STARS)) {
      throw new InvalidValueException(List.of(Violation.of("contact.masked.malformed", "shown",
          "A masked contact value shows '***' in place of what it hides, but got "
              + Checks.quote(shown))));
    }
  }

  /**
   * Returns the masked stand-in of a contact value: a phone number keeps its country code, the
   * first three and the last four national digits ({@code +86 138 **** 8000}; short numbers only
   * the last two); an email address the first letter of its local part and domain and the
   * top-level domain ({@code l***@e***.com}); a postal address its locality and country
   * ({@code ***, Shanghai, CN}); a messaging handle its network and first character
   * ({@code WECHAT:l***}). A masked value stays as it is, so masking is idempotent.
   *
   * @param value the value to hide
   * @return the masked stand-in
   * @throws NullPointerException if value is null
   */
  public static MaskedContact of(ContactValue value) {
    requireNonNull(value, "value");
    if (value instanceof MaskedContact) {
      return (MaskedContact) value;
    }
    if (value instanceof PhoneNumber) {
      return new MaskedContact(ContactKind.PHONE, phone(((PhoneNumber) value).e164()));
    }
    if (value instanceof EmailAddress) {
      return new MaskedContact(ContactKind.EMAIL, email(((EmailAddress) value).value()));
    }
    if (value instanceof PostalAddress) {
      PostalAddress address = (PostalAddress) value;
      return new MaskedContact(ContactKind.POSTAL, STARS + ", "
          + (address.locality().isEmpty() ? "" : address.locality() + ", ") + address.country());
    }
    MessagingHandle handle = (MessagingHandle) value;
    return new MaskedContact(ContactKind.MESSAGING, handle.network().name() + ":"
        + handle.handle().substring(0, handle.handle().offsetByCodePoints(0, 1)) + STARS);
  }

  private static String phone(String e164) {
    int countryCode = 0;
    String national = e164.substring(1);
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    for (int length = 1; length <= 3 && countryCode == 0 && length < e164.length() - 1; length++) {
      int candidate = Integer.parseInt(e164.substring(1, 1 + length));
      if (!"ZZ".equals(phones.getRegionCodeForCountryCode(candidate))) {
        countryCode = candidate;
        national = e164.substring(1 + length);
      }
    }
    String prefix = countryCode == 0 ? "+" : "+" + countryCode + " ";
    if (national.length() >= 8) {
      return prefix + national.substring(0, 3) + " **** " + national.substring(national.length() - 4);
    }
    return prefix + "**** " + national.substring(Math.max(0, national.length() - 2));
  }

  private static String email(String address) {
    int at = address.lastIndexOf('@');
    String domain = address.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return address.substring(0, address.offsetByCodePoints(0, 1)) + STARS + "@"
        + domain.substring(0, domain.offsetByCodePoints(0, 1)) + STARS + domain.substring(dot);
  }

  /** Returns the kind of the hidden value. */
  @Override
  public ContactKind kind() {
    return maskedKind;
  }

  /** Returns {@code masked:}, the kind and the hint: never the key of a real value. */
  @Override
  public String matchKey() {
    return "masked:" + maskedKind.name().toLowerCase(Locale.ROOT) + ":" + shown;
  }

  /** Returns true: this value is masked. */
  @Override
  public boolean isMasked() {
    return true;
  }

  /** Returns the hint. */
  @Override
  public String toString() {
    return shown;
  }
}
