package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.collection.LinkedHashSet;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Holds what duplicate detection compares of one customer: the names, the exact contact keys and
 * the address keys, already normalised. A customer produces it with {@code matchProfile()}; tests
 * and imports build one with {@link #person} or {@link #organization} and the {@code with…}
 * methods. Immutable and thread-safe.
 *
 * <p>The constructor normalises the keys, so equal keys are equal strings: emails are trimmed and
 * lower-cased; tax ids are upper-cased without spaces, dashes, dots or slashes
 * ({@code "91-3100.00 ma1"} becomes {@code "91310000MA1"});
 * postal keys are trimmed and lower-cased (build them with {@link #postalKey(PostalAddress)}).
 * Phones must already be in E.164 form, as {@link PhoneNumber#e164()} gives them.
 *
 * @param id the customer this profile describes
 * @param organization true for an organization, false for a person
 * @param displayName the name as shown, not blank, such as {@code "John Smith"} or
 *     {@code "王小明"}
 * @param familyName the family name, if known separately, not blank
 * @param givenNames the given names, if known separately, not blank
 * @param emails the email match keys, lower case, such as {@code li.wei@example.com}
 * @param phones the phone numbers in E.164 form, such as {@code +8613800138000}
 * @param taxId the tax id, normalised: upper case, no spaces, dashes, dots or slashes
 * @param postalKeys the address keys, as {@link #postalKey(PostalAddress)} builds them
 * @param organizationName for a person the company they work for, for an organization its legal
 *     name; not blank
 */
public record MatchProfile(CustomerId id, boolean organization, String displayName,
    Option<String> familyName, Option<String> givenNames, Set<String> emails, Set<String> phones,
    Option<String> taxId, Set<String> postalKeys, Option<String> organizationName) {

  /**
   * Checks and normalises the components, reporting every problem at once.
   *
   * @throws NullPointerException if a component or an element is null
   * @throws InvalidValueException with every violation found: {@code match.display_name.blank},
   *     {@code match.family_name.blank}, {@code match.given_names.blank},
   *     {@code match.email.malformed}, {@code match.phone.malformed}, {@code match.tax_id.blank},
   *     {@code match.postal_key.blank}, {@code match.organization_name.blank}
   */
  public MatchProfile {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(familyName, "familyName");
    requireNonNull(givenNames, "givenNames");
    requireNonNull(emails, "emails");
    requireNonNull(phones, "phones");
    requireNonNull(taxId, "taxId");
    requireNonNull(postalKeys, "postalKeys");
    requireNonNull(organizationName, "organizationName");
    List<Violation> problems = List.empty();
    if (displayName.isBlank()) {
      problems = problems.append(Violation.of("match.display_name.blank", "displayName",
          "A profile needs a display name"));
    }
    problems = problems.appendAll(blank(familyName, "match.family_name.blank", "familyName"));
    problems = problems.appendAll(blank(givenNames, "match.given_names.blank", "givenNames"));
    problems = problems.appendAll(blank(organizationName, "match.organization_name.blank",
        "organizationName"));
    emails = sorted(emails.map(e -> requireNonNull(e, "emails element")
        .strip().toLowerCase(Locale.ROOT)));
    for (String email : emails) {
      int at = email.lastIndexOf('@');
      if (at < 1 || at == email.length() - 1) {
        problems = problems.append(Violation.of("match.email.malformed", "emails",
            "Expected an email match key such as 'li.wei@example.com', but got "
                + Checks.quote(email)));
      }
    }
    phones = sorted(phones.map(p -> requireNonNull(p, "phones element").strip()));
    for (String phone : phones) {
      if (!isE164(phone)) {
        problems = problems.append(Violation.of("match.phone.malformed", "phones",
            "Expected a phone number in E.164 form such as '+8613800138000', but got "
                + Checks.quote(phone)));
      }
    }
    taxId = taxId.map(MatchProfile::normaliseTaxId);
    if (taxId.exists(String::isEmpty)) {
      problems = problems.append(Violation.of("match.tax_id.blank", "taxId",
          "A tax id, when given, must have letters or digits"));
    }
    postalKeys = sorted(postalKeys.map(k -> requireNonNull(k, "postalKeys element")
        .strip().toLowerCase(Locale.ROOT)));
    if (postalKeys.exists(String::isEmpty)) {
      problems = problems.append(Violation.of("match.postal_key.blank", "postalKeys",
          "A postal key must not be blank"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the profile of a person with only a display name.
   *
   * @param id the customer
   * @param displayName the name as shown
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the name is blank ({@code match.display_name.blank})
   */
  public static MatchProfile person(CustomerId id, String displayName) {
    return new MatchProfile(id, false, displayName, Option.none(), Option.none(), HashSet.empty(),
        HashSet.empty(), Option.none(), HashSet.empty(), Option.none());
  }

  /**
   * Returns the profile of an organization with only a display name.
   *
   * @param id the customer
   * @param displayName the name as shown, such as a trading name
   * @return the profile
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the name is blank ({@code match.display_name.blank})
   */
  public static MatchProfile organization(CustomerId id, String displayName) {
    return new MatchProfile(id, true, displayName, Option.none(), Option.none(), HashSet.empty(),
        HashSet.empty(), Option.none(), HashSet.empty(), Option.none());
  }

  /**
   * Returns a copy with the family and given names.
   *
   * @param family the family name, such as {@code "王"} or {@code "Smith"}
   * @param given the given names, such as {@code "小明"} or {@code "John"}
   * @return the copy
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if a name is blank
   */
  public MatchProfile withNames(String family, String given) {
    return new MatchProfile(id, organization, displayName,
        Option.some(requireNonNull(family, "family")), Option.some(requireNonNull(given, "given")),
        emails, phones, taxId, postalKeys, organizationName);
  }

  /**
   * Returns a copy with these email match keys instead of the present ones.
   *
   * @param keys the addresses, such as {@code "li.wei@example.com"}
   * @return the copy
   * @throws NullPointerException if keys or a key is null
   * @throws InvalidValueException if a key is not an address ({@code match.email.malformed})
   */
  public MatchProfile withEmails(String... keys) {
    return new MatchProfile(id, organization, displayName, familyName, givenNames,
        HashSet.of(requireNonNull(keys, "keys")), phones, taxId, postalKeys, organizationName);
  }

  /**
   * Returns a copy with these phone numbers instead of the present ones.
   *
   * @param e164 the numbers in E.164 form, such as {@code "+8613800138000"}
   * @return the copy
   * @throws NullPointerException if e164 or a number is null
   * @throws InvalidValueException if a number is not in E.164 form ({@code match.phone.malformed})
   */
  public MatchProfile withPhones(String... e164) {
    return new MatchProfile(id, organization, displayName, familyName, givenNames, emails,
        HashSet.of(requireNonNull(e164, "e164")), taxId, postalKeys, organizationName);
  }

  /**
   * Returns a copy with this tax id.
   *
   * @param taxId the tax id as written, such as {@code "91-3100.00 MA1"}
   * @return the copy
   * @throws NullPointerException if taxId is null
   * @throws InvalidValueException if it has no letters or digits ({@code match.tax_id.blank})
   */
  public MatchProfile withTaxId(String taxId) {
    return new MatchProfile(id, organization, displayName, familyName, givenNames, emails, phones,
        Option.some(requireNonNull(taxId, "taxId")), postalKeys, organizationName);
  }

  /**
   * Returns a copy with these postal keys instead of the present ones.
   *
   * @param keys the keys, as {@link #postalKey(PostalAddress)} builds them
   * @return the copy
   * @throws NullPointerException if keys or a key is null
   * @throws InvalidValueException if a key is blank ({@code match.postal_key.blank})
   */
  public MatchProfile withPostalKeys(String... keys) {
    return new MatchProfile(id, organization, displayName, familyName, givenNames, emails, phones,
        taxId, HashSet.of(requireNonNull(keys, "keys")), organizationName);
  }

  /**
   * Returns a copy with this organization name: the employer of a person, the legal name of an
   * organization.
   *
   * @param name the name, such as {@code "Acme Trading Ltd"}
   * @return the copy
   * @throws NullPointerException if name is null
   * @throws InvalidValueException if it is blank ({@code match.organization_name.blank})
   */
  public MatchProfile withOrganizationName(String name) {
    return new MatchProfile(id, organization, displayName, familyName, givenNames, emails, phones,
        taxId, postalKeys, Option.some(requireNonNull(name, "name")));
  }

  /**
   * Builds the key under which two addresses count as the same place: the country, the postal
   * code and the first address line, each folded like a name (see
   * {@link NameSimilarity#normalise(String)}) with spaces removed, joined by colons. So
   * {@code "10 Downing Street"}, {@code "SW1A 2AA"}, {@code GB} gives
   * {@code "gb:sw1a2aa:10downingstreet"}. The first line is where most countries put the street and
   * house number; later lines (floor, unit) and the locality are left out, so a unit typed in one
   * record and not in the other still matches.
   *
   * @param address the address
   * @return the key
   * @throws NullPointerException if address is null
   */
  public static String postalKey(PostalAddress address) {
    requireNonNull(address, "address");
    return postalKey(address.country(), address.postalCode(), address.lines().head());
  }

  /**
   * Builds an address key from its parts, as {@link #postalKey(PostalAddress)} does.
   *
   * @param country the ISO 3166 country code, such as {@code "CN"}
   * @param postalCode the postal code, possibly empty
   * @param firstLine the first address line
   * @return the key, such as {@code "cn:200120:世纪大道100号"}
   * @throws NullPointerException if an argument is null
   */
  public static String postalKey(String country, String postalCode, String firstLine) {
    requireNonNull(country, "country");
    requireNonNull(postalCode, "postalCode");
    requireNonNull(firstLine, "firstLine");
    return compactFold(country) + ":" + compactFold(postalCode) + ":" + compactFold(firstLine);
  }

  /** Returns the name to compare: family and given names if both are known, else the display name. */
  String matchName() {
    if (familyName.isDefined() && givenNames.isDefined()) {
      return familyName.get() + " " + givenNames.get();
    }
    return displayName;
  }

  /** Folds text like a name and removes the spaces. */
  static String compactFold(String text) {
    String folded = NameSimilarity.normalise(text);
    return folded.indexOf(' ') < 0 ? folded : folded.replace(" ", "");
  }

  private static String normaliseTaxId(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!(Character.isWhitespace(c) || c == '-' || c == '.' || c == '/')) {
        out.append(c);
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  private static boolean isE164(String phone) {
    if (phone.length() < 3 || phone.length() > 16 || phone.charAt(0) != '+'
        || phone.charAt(1) == '0') {
      return false;
    }
    for (int i = 1; i < phone.length(); i++) {
      if (phone.charAt(i) < '0' || phone.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the values as a set that iterates in sorted order. Not a {@code TreeSet}: Vavr 1.0.1's
   * {@code TreeSet.intersect} can fail with a ClassCastException, and callers intersect these.
   */
  static Set<String> sorted(Iterable<String> values) {
    java.util.TreeSet<String> ordered = new java.util.TreeSet<>();
    values.forEach(ordered::add);
    return LinkedHashSet.ofAll(ordered);
  }

  private static List<Violation> blank(Option<String> value, String code, String field) {
    return value.exists(String::isBlank)
        ? List.of(Violation.of(code, field, "When given, it must not be blank"))
        : List.empty();
  }
}
