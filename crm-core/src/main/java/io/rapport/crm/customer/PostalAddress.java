package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Locale;
import java.util.Set;

/**
 * A postal address in any country's layout: free address lines (street, building, unit, in the
 * order the country writes them), then locality, region and postal code where the country has them,
 * and the ISO 3166 country code. Immutable and thread-safe.
 *
 * @param lines the address lines, 1 to 5, none blank
 * @param locality the city or town, possibly empty
 * @param region the province, state or prefecture, possibly empty
 * @param postalCode the postal code, possibly empty
 * @param country the ISO 3166-1 alpha-2 country code, upper case, such as {@code CN}
 */
public record PostalAddress(List<String> lines, String locality, String region, String postalCode,
    String country) implements ContactValue {

  private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation found
   */
  public PostalAddress {
    Checks.orThrow(check(lines, locality, region, postalCode, country));
  }

  /**
   * Validates outside input into a postal address, reporting every problem at once.
   *
   * @param lines the address lines (field {@code lines[i]})
   * @param locality the city or town, or null
   * @param region the region, or null
   * @param postalCode the postal code, or null
   * @param country the country code (field {@code country})
   * @return the address, or the violations: {@code address.lines.missing},
   *     {@code address.line.blank}, {@code address.lines.too_many}, {@code address.country.unknown}
   */
  public static Validation<Seq<Violation>, PostalAddress> validated(Iterable<String> lines,
      String locality, String region, String postalCode, String country) {
    List<String> given = lines == null ? List.empty() : List.ofAll(lines).map(l -> l == null ? "" : l.strip());
    String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    Validation<Seq<Violation>, Object> check = check(given, orEmpty(locality), orEmpty(region),
        orEmpty(postalCode), code);
    return check.isInvalid() ? Validation.invalid(check.getError())
        : Validation.valid(new PostalAddress(given, orEmpty(locality), orEmpty(region),
            orEmpty(postalCode), code));
  }

  @Override
  public ContactKind kind() {
    return ContactKind.POSTAL;
  }

  /** Returns {@code postal:}, the country, postal code and lines, lower-cased and single-spaced. */
  @Override
  public String matchKey() {
    String text = country + "|" + postalCode + "|" + lines.mkString("|") + "|" + locality;
    return "postal:" + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text.strip();
  }

  private static Validation<Seq<Violation>, Object> check(List<String> lines, String locality,
      String region, String postalCode, String country) {
    requireNonNull(lines, "lines");
    requireNonNull(locality, "locality");
    requireNonNull(region, "region");
    requireNonNull(postalCode, "postalCode");
    requireNonNull(country, "country");
    List<Violation> problems = List.empty();
    if (lines.isEmpty()) {
      problems = problems.append(Violation.of("address.lines.missing", "lines",
          "An address needs at least one line"));
    }
    if (lines.size() > 5) {
      problems = problems.append(Violation.of("address.lines.too_many", "lines",
          "An address has at most 5 lines, but got " + lines.size()));
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i) == null || lines.get(i).isBlank()) {
        problems = problems.append(Violation.of("address.line.blank", "lines[" + i + "]",
            "An address line must not be blank"));
      }
    }
    if (!COUNTRIES.contains(country)) {
      problems = problems.append(Violation.of("address.country.unknown", "country",
          "Expected an ISO 3166 country code such as 'CN', but got " + Checks.quote(country)));
    }
    return problems.isEmpty() ? Validation.valid(Boolean.TRUE) : Validation.invalid(problems);
  }
}
