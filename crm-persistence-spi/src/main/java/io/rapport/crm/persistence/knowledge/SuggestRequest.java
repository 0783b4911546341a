package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.service.Ticket;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Asks an {@link ArticleSearch} which articles may answer a ticket: the ticket's text (subject and
 * description), optionally only in one language, and how many suggestions to return. Unlike a
 * {@link SearchQuery}, the text is what a customer wrote: it may be long, blank or all noise, and
 * the search picks its telling terms itself. Immutable and thread-safe.
 *
 * @param ticketText the ticket's text, at most {@value #MAX_TEXT} characters; blank text gets no
 *     suggestions
 * @param locale the language of the articles to suggest, or empty for every language; its
 *     language not empty
 * @param limit how many suggestions to return at most, 1 to {@value SearchQuery#MAX_LIMIT}
 */
public record SuggestRequest(String ticketText, Option<Locale> locale, int limit) {

  /** The longest ticket text read, in characters: a ticket's subject and description fit. */
  public static final int MAX_TEXT = 20_000;

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component or the locale is null
   * @throws InvalidValueException with every broken invariant: {@code suggest.text.too_long},
   *     {@code search.locale.no_language}, {@code search.limit.out_of_range}
   */
  public SuggestRequest {
    requireNonNull(ticketText, "ticketText");
    requireNonNull(locale, "locale");
    locale.forEach(value -> requireNonNull(value, "locale"));
    List<Violation> problems = List.empty();
    if (ticketText.length() > MAX_TEXT) {
      problems = problems.append(Violation.of("suggest.text.too_long", "ticketText",
          "A ticket's text is read up to " + MAX_TEXT + " characters, but got "
              + ticketText.length()));
    }
    if (locale.exists(l -> l.getLanguage().isEmpty())) {
      problems = problems.append(Violation.of("search.locale.no_language", "locale",
          "A locale to search in names a language, such as zh-CN or en, but got '"
              + locale.get() + "'"));
    }
    problems = problems.appendAll(SearchQuery.limitProblems(limit));
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns a request for a ticket's text; text beyond {@value #MAX_TEXT} characters is left out.
   *
   * @param ticketText the ticket's subject and description
   * @param locale the language of the articles to suggest, or empty for every language
   * @param limit how many suggestions to return at most, 1 to {@value SearchQuery#MAX_LIMIT}
   * @return the request
   * @throws NullPointerException if an argument or the locale is null
   * @throws InvalidValueException if the locale has no language
   *     ({@code search.locale.no_language}) or the limit is out of range
   *     ({@code search.limit.out_of_range})
   */
  public static SuggestRequest of(String ticketText, Option<Locale> locale, int limit) {
    requireNonNull(ticketText, "ticketText");
    String text = ticketText.length() > MAX_TEXT ? ticketText.substring(0, MAX_TEXT)
        : ticketText;
    return new SuggestRequest(text, locale, limit);
  }

  /**
   * Returns a request for a ticket: its subject and description.
   *
   * @param ticket the ticket
   * @param locale the language of the articles to suggest, or empty for every language
   * @param limit how many suggestions to return at most, 1 to {@value SearchQuery#MAX_LIMIT}
   * @return the request
   * @throws NullPointerException if an argument or the locale is null
   * @throws InvalidValueException if the locale has no language
   *     ({@code search.locale.no_language}) or the limit is out of range
   *     ({@code search.limit.out_of_range})
   */
  public static SuggestRequest forTicket(Ticket ticket, Option<Locale> locale, int limit) {
    requireNonNull(ticket, "ticket");
    return of(ticket.subject() + "\n" + ticket.description(), locale, limit);
  }
}
