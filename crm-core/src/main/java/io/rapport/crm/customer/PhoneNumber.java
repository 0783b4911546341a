package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Locale;

/**
 * A phone number in E.164 form, such as {@code +8613800138000}: parsed and checked with
 * libphonenumber, so {@code 138 0013 8000} typed in China and {@code +86 138-0013-8000} are the
 * same number. Immutable and thread-safe.
 */
public final class PhoneNumber implements ContactValue {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private final String e164;

  private PhoneNumber(String e164) {
    this.e164 = e164;
  }

  /**
   * Returns the number with this E.164 form, as {@link #toString()} prints it.
   *
   * @param e164 a plus sign and up to 15 digits, such as {@code +8613800138000}
   * @return the number
   * @throws NullPointerException if e164 is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is not a valid number in E.164 form
   *     ({@code phone.malformed} or {@code phone.invalid})
   */
  public static PhoneNumber ofE164(String e164) {
    requireNonNull(e164, "e164");
    if (isE164Shaped(e164) && plainNumber(e164, "ZZ") != null) {
      // '+', a country code and national digits not starting with 0 is exactly the E.164 form
      return new PhoneNumber(e164);
    }
    PhoneNumber number = Checks.orThrow(validated(e164, "ZZ", "phone"));
    if (!number.e164.equals(e164)) {
      Checks.orThrow(Checks.invalid("phone.malformed", "phone",
          "Expected E.164 form such as '+8613800138000', but got " + Checks.quote(e164)));
    }
    return number;
  }

  /**
   * Restores a number that was validated when it was stored, checking only that it is in E.164
   * form (a plus sign, a country code libphonenumber knows, up to 15 digits). Stored numbers must
   * stay readable when a newer libphonenumber release changes which number ranges it considers
   * valid, and reading them must not cost a full validation each; new input goes through
   * {@link #parse} or {@link #validated} instead.
   *
   * @param e164 such as {@code +8613800138000}
   * @return the number
   * @throws NullPointerException if e164 is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is not in E.164 form
   *     ({@code phone.malformed})
   */
  public static PhoneNumber restore(String e164) {
    requireNonNull(e164, "e164");
    if (!isE164Shaped(e164) || !hasKnownCountryCode(e164)) {
      Checks.orThrow(Checks.invalid("phone.malformed", "phone",
          "Expected E.164 form such as '+8613800138000', but got " + Checks.quote(e164)));
    }
    return new PhoneNumber(e164);
  }

  private static boolean hasKnownCountryCode(String e164) {
    for (int length = 1; length <= 3 && length < e164.length() - 1; length++) {
      if (!"ZZ".equals(PHONES.getRegionCodeForCountryCode(
          Integer.parseInt(e164.substring(1, 1 + length))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses a number as people type it, in a default region for numbers without a country code.
   *
   * @param text the number, such as {@code "138 0013 8000"} or {@code "+1 (650) 253-0000"}
   * @param defaultRegion the ISO 3166 region for numbers without a country code, such as
   *     {@code "CN"}
   * @return the number
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.kernel.InvalidValueException if it is not a valid number
   */
  public static PhoneNumber parse(String text, String defaultRegion) {
    requireNonNull(text, "text");
    requireNonNull(defaultRegion, "defaultRegion");
    return Checks.orThrow(validated(text, defaultRegion, "phone"));
  }

  /**
   * Validates outside input into a phone number.
   *
   * @param text the number as typed, possibly null
   * @param defaultRegion the ISO 3166 region for numbers without a country code ({@code "ZZ"}
   *     for none: then a country code is required)
   * @param field the field to report a violation under
   * @return the number, or a violation: {@code phone.missing}, {@code phone.region.unknown},
   *     {@code phone.malformed} (not a phone number at all) or {@code phone.invalid} (no such
   *     number in its country)
   */
  public static Validation<Seq<Violation>, PhoneNumber> validated(
      String text, String defaultRegion, String field) {
    requireNonNull(field, "field");
    if (text == null || text.isBlank()) {
      return Checks.invalid("phone.missing", field, "A phone number is required");
    }
    String region = defaultRegion == null ? "" : defaultRegion.toUpperCase(Locale.ROOT);
    if (!region.equals("ZZ") && !PHONES.getSupportedRegions().contains(region)) {
      return Checks.invalid("phone.region.unknown", field,
          "Expected an ISO 3166 region such as 'CN' for numbers without a country code, but got "
              + Checks.quote(defaultRegion));
    }
    Phonenumber.PhoneNumber fast = plainNumber(text, region);
    if (fast != null) {
      return Validation.valid(new PhoneNumber(PHONES.format(fast,
          PhoneNumberUtil.PhoneNumberFormat.E164)));
    }
    Phonenumber.PhoneNumber number;
    try {
      number = PHONES.parse(text, region);
    } catch (NumberParseException notANumber) {
      return Checks.invalid("phone.malformed", field,
          "Expected a phone number, but got " + Checks.quote(text) + ": "
              + notANumber.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (!PHONES.isValidNumber(number)) {
      return Checks.invalid("phone.invalid", field,
          Checks.quote(text) + " is not a valid phone number in "
              + PHONES.getRegionCodeForNumber(number));
    }
    return Validation.valid(new PhoneNumber(PHONES.format(number,
        PhoneNumberUtil.PhoneNumberFormat.E164)));
  }

  private static boolean isE164Shaped(String text) {
    int length = text.length();
    if (length < 5 || length > 16 || text.charAt(0) != '+' || text.charAt(1) == '0') {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the common plain forms without libphonenumber's general parser, which takes several
   * microseconds: digits with spaces, dashes, dots, slashes or brackets, either with a leading
   * {@code +} and country code, or national digits that do not start with the region's national
   * prefix. Returns the number only if libphonenumber says it is valid, and null for anything else
   * (letters, extensions, prefixes, leading zeros), which then goes through the general parser.
   */
  static Phonenumber.PhoneNumber plainNumber(String text, String region) {
    StringBuilder digits = new StringBuilder(16);
    boolean international = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && !international) {
        international = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        return null;
      }
      if (digits.length() > 17) {
        return null;
      }
    }
    if (digits.length() < 4) {
      return null;
    }
    int countryCode;
    String national;
    if (international) {
      countryCode = 0;
      national = null;
      for (int length = 1; length <= 3 && countryCode == 0; length++) {
        int candidate = Integer.parseInt(digits.substring(0, length));
        // Country calling codes are prefix-free: at most one of 1, 2 or 3 digits is one.
        if (!"ZZ".equals(PHONES.getRegionCodeForCountryCode(candidate))) {
          countryCode = candidate;
          national = digits.substring(length);
        }
      }
      if (countryCode == 0) {
        return null;
      }
    } else {
      if (region.equals("ZZ")) {
        return null;
      }
      String prefix = PHONES.getNddPrefixForRegion(region, true);
      national = digits.toString();
      if (prefix != null && !prefix.isEmpty() && national.startsWith(prefix)) {
        return null;
      }
      countryCode = PHONES.getCountryCodeForRegion(region);
    }
    if (national.isEmpty() || national.charAt(0) == '0' || national.length() > 15) {
      return null;
    }
    Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber()
        .setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
    return PHONES.isValidNumber(number) ? number : null;
  }

  /** Returns the number in E.164 form. */
  public String e164() {
    return e164;
  }

  /** Returns the ISO 3166 region the number belongs to, such as {@code CN}. */
  public String region() {
    try {
      return PHONES.getRegionCodeForNumber(PHONES.parse(e164, "ZZ"));
    } catch (NumberParseException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public ContactKind kind() {
    return ContactKind.PHONE;
  }

  /** Returns {@code phone:} and the E.164 form. */
  @Override
  public String matchKey() {
    return "phone:" + e164;
  }

  /** Returns whether the other object is the same number. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PhoneNumber && e164.equals(((PhoneNumber) other).e164);
  }

  @Override
  public int hashCode() {
    return e164.hashCode();
  }

  /** Returns the E.164 form. */
  @Override
  public String toString() {
    return e164;
  }
}
