package io.rapport.crm.customer;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * Names a customer in a way that works for any culture: the display name is what people see and
 * is always present; family and given names are optional parts, never assumed to be "first" and
 * "last" (王小明 has the family name first; many people have one name only); the phonetic reading
 * (pinyin, katakana…) helps sorting and searching. Immutable and thread-safe.
 *
 * @param displayName the name as shown, 1 to 200 characters, such as {@code 王小明} or
 *     {@code Rosewood Trading Ltd.}
 * @param familyName the family name, if known
 * @param givenNames the given name or names, if known
 * @param phonetic how the name is read, if given, such as {@code Wang Xiaoming}
 */
public record CustomerName(String displayName, Option<String> familyName, Option<String> givenNames,
    Option<String> phonetic) {

  /** The longest name part accepted, in characters. */
  public static final int MAX_LENGTH = 200;

  /** The display name an erased customer keeps. */
  public static final CustomerName ERASED =
      new CustomerName("(erased)", Option.none(), Option.none(), Option.none());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every violation found
   */
  public CustomerName {
    requireNonNull(displayName, "displayName");
    requireNonNull(familyName, "familyName");
    requireNonNull(givenNames, "givenNames");
    requireNonNull(phonetic, "phonetic");
    Checks.orThrow(problems(displayName, familyName, givenNames, phonetic).isEmpty()
        ? Validation.valid(displayName)
        : Validation.invalid(problems(displayName, familyName, givenNames, phonetic)));
  }

  /**
   * Returns a name that is only a display name.
   *
   * @param displayName the name as shown
   * @return the name
   * @throws io.rapport.crm.kernel.InvalidValueException if it is blank or too long
   */
  public static CustomerName of(String displayName) {
    return new CustomerName(requireNonNull(displayName, "displayName").strip(), Option.none(),
        Option.none(), Option.none());
  }

  /**
   * Validates outside input into a name, reporting every problem; blank optional parts count as
   * absent, and every part is stripped of surrounding white space.
   *
   * @param displayName the display name, possibly null
   * @param familyName the family name, possibly null
   * @param givenNames the given names, possibly null
   * @param phonetic the phonetic reading, possibly null
   * @return the name, or the violations ({@code name.display.blank}, {@code name.too_long} with
   *     the field of the part)
   */
  public static Validation<Seq<Violation>, CustomerName> validated(String displayName,
      String familyName, String givenNames, String phonetic) {
    String display = displayName == null ? "" : displayName.strip();
    Option<String> family = part(familyName);
    Option<String> given = part(givenNames);
    Option<String> reading = part(phonetic);
    Seq<Violation> problems = problems(display, family, given, reading);
    return problems.isEmpty() ? Validation.valid(new CustomerName(display, family, given, reading))
        : Validation.invalid(problems);
  }

  private static Option<String> part(String text) {
    return text == null || text.isBlank() ? Option.none() : Option.of(text.strip());
  }

  private static Seq<Violation> problems(String display, Option<String> family,
      Option<String> given, Option<String> phonetic) {
    List<Violation> problems = List.empty();
    if (display.isBlank()) {
      problems = problems.append(Violation.of("name.display.blank", "name.displayName",
          "A customer needs a display name"));
    }
    problems = tooLong(problems, display, "name.displayName");
    problems = tooLong(problems, family.getOrElse(""), "name.familyName");
    problems = tooLong(problems, given.getOrElse(""), "name.givenNames");
    return tooLong(problems, phonetic.getOrElse(""), "name.phonetic");
  }

  private static List<Violation> tooLong(List<Violation> problems, String part, String field) {
    return part.codePointCount(0, part.length()) <= MAX_LENGTH ? problems
        : problems.append(Violation.of("name.too_long", field,
            "A name part holds at most " + MAX_LENGTH + " characters"));
  }

  @Override
  public String toString() {
    return displayName;
  }
}
