package io.rapport.crm.persistence.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Asks an {@link ArticleSearch} for articles: free text in any language, optionally only in one
 * language, only in some categories and only with some tags, and how many hits to return.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * SearchQuery query = SearchQuery.of("红木 家具 保养")
 *     .inLocale(Locale.forLanguageTag("zh-CN"))
 *     .inCategories("care")
 *     .withLimit(5);
 * }</pre>
 *
 * <p>Filters: a locale keeps the articles of its language only (a {@code zh-TW} query finds
 * {@code zh-CN} and {@code zh} articles, never {@code en} ones); categories keep the articles in
 * any of them; tags keep the articles that have every one of them, compared ignoring case.
 *
 * @param text what to look for: not blank, at most {@value #MAX_TEXT} characters, stripped
 * @param locale the language to search in, or empty for every language; its language not empty
 * @param categories the categories to search in, or empty for all; each a category code such as
 *     {@code care}
 * @param tags the tags every hit must have, or empty: at most {@value #MAX_TAGS}, each not blank,
 *     stripped, at most {@value #MAX_TAG} characters
 * @param limit how many hits to return at most, 1 to {@value #MAX_LIMIT}
 */
public record SearchQuery(String text, Option<Locale> locale, Set<String> categories,
    Set<String> tags, int limit) {

  /** The longest query text, in characters. */
  public static final int MAX_TEXT = 1000;

  /** The most hits a query may ask for. */
  public static final int MAX_LIMIT = 100;

  /** The number of hits {@link #of(String)} asks for. */
  public static final int DEFAULT_LIMIT = 10;

  /** The longest tag, in characters. */
  public static final int MAX_TAG = 64;

  /** The most tags a query may require: as many as an article may have. */
  public static final int MAX_TAGS = 50;

  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component, an element or the locale is null
   * @throws InvalidValueException with every broken invariant: {@code search.text.blank},
   *     {@code search.text.too_long}, {@code search.text.not_stripped},
   *     {@code search.locale.no_language}, {@code search.category.malformed},
   *     {@code search.tag.blank}, {@code search.tag.too_long}, {@code search.tag.not_stripped},
   *     {@code search.tags.too_many}, {@code search.limit.out_of_range}
   */
  public SearchQuery {
    requireNonNull(text, "text");
    requireNonNull(locale, "locale");
    requireNonNull(categories, "categories");
    requireNonNull(tags, "tags");
    locale.forEach(value -> requireNonNull(value, "locale"));
    categories.forEach(value -> requireNonNull(value, "categories element"));
    tags.forEach(value -> requireNonNull(value, "tags element"));
    List<Violation> problems = textProblems(text);
    if (!text.isBlank() && !text.equals(text.strip())) {
      problems = problems.append(Violation.of("search.text.not_stripped", "text",
          "The query text has no surrounding white space"));
    }
    problems = problems.appendAll(localeProblems(locale))
        .appendAll(categories.toList().flatMap(c -> categoryProblems(c, "categories")))
        .appendAll(tags.toList().flatMap(t -> tagProblems(t, "tags")))
        .appendAll(tagCountProblems(tags.size()))
        .appendAll(limitProblems(limit));
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns a query for text in every language, category and tag, for the
   * {@value #DEFAULT_LIMIT} best hits.
   *
   * @param text what to look for; stripped of surrounding white space
   * @return the query
   * @throws NullPointerException if text is null
   * @throws InvalidValueException if the text is blank ({@code search.text.blank}) or too long
   *     ({@code search.text.too_long})
   */
  public static SearchQuery of(String text) {
    requireNonNull(text, "text");
    return new SearchQuery(text.strip(), Option.none(), TreeSet.empty(), TreeSet.empty(),
        DEFAULT_LIMIT);
  }

  /**
   * Validates outside input into a query, reporting every problem at once. Text, categories and
   * tags are stripped of surrounding white space; a category or tag given twice counts once.
   *
   * @param text what to look for, possibly null
   * @param locale the language to search in, or empty
   * @param categories the categories to search in, possibly empty
   * @param tags the tags every hit must have, possibly empty
   * @param limit how many hits to return at most
   * @return the query, or the violations: {@code search.text.blank}, {@code search.text.too_long}
   *     (text); {@code search.locale.no_language} (locale); {@code search.category.malformed}
   *     ({@code categories[i]}); {@code search.tag.blank}, {@code search.tag.too_long}
   *     ({@code tags[i]}); {@code search.tags.too_many} (tags); {@code search.limit.out_of_range}
   *     (limit)
   * @throws NullPointerException if locale, categories, tags or an element is null
   */
  public static Validation<Seq<Violation>, SearchQuery> validated(String text,
      Option<Locale> locale, Iterable<String> categories, Iterable<String> tags, int limit) {
    requireNonNull(locale, "locale");
    requireNonNull(categories, "categories");
    requireNonNull(tags, "tags");
    locale.forEach(value -> requireNonNull(value, "locale"));
    String stripped = text == null ? "" : text.strip();
    List<Violation> problems = textProblems(stripped).appendAll(localeProblems(locale));
    TreeSet<String> codes = TreeSet.empty();
    int i = 0;
    for (String category : categories) {
      String code = requireNonNull(category, "categories element").strip();
      problems = problems.appendAll(categoryProblems(code, "categories[" + i++ + "]"));
      codes = codes.add(code);
    }
    TreeSet<String> labels = TreeSet.empty();
    i = 0;
    for (String tag : tags) {
      String label = requireNonNull(tag, "tags element").strip();
      problems = problems.appendAll(tagProblems(label, "tags[" + i++ + "]"));
      labels = labels.add(label);
    }
    problems = problems.appendAll(tagCountProblems(labels.size())).appendAll(limitProblems(limit));
    return problems.isEmpty()
        ? Validation.valid(new SearchQuery(stripped, locale, codes, labels, limit))
        : Validation.invalid(problems);
  }

  /**
   * Returns this query searching only in one language.
   *
   * @param language the locale whose language the hits must have, such as {@code zh-CN}
   * @return the narrowed query
   * @throws NullPointerException if language is null
   * @throws InvalidValueException if the locale has no language ({@code search.locale.no_language})
   */
  public SearchQuery inLocale(Locale language) {
    requireNonNull(language, "language");
    return new SearchQuery(text, Option.of(language), categories, tags, limit);
  }

  /**
   * Returns this query searching only in some categories (any of them).
   *
   * @param codes the categories' codes, such as {@code care}
   * @return the narrowed query
   * @throws NullPointerException if codes or a code is null
   * @throws InvalidValueException if a code is malformed ({@code search.category.malformed})
   */
  public SearchQuery inCategories(String... codes) {
    requireNonNull(codes, "codes");
    return new SearchQuery(text, locale, TreeSet.of(codes), tags, limit);
  }

  /**
   * Returns this query keeping only the articles with every one of some tags.
   *
   * @param labels the tags, compared ignoring case
   * @return the narrowed query
   * @throws NullPointerException if labels or a tag is null
   * @throws InvalidValueException if a tag is blank ({@code search.tag.blank}), has surrounding
   *     white space ({@code search.tag.not_stripped}) or is too long ({@code search.tag.too_long}),
   *     or there are too many ({@code search.tags.too_many})
   */
  public SearchQuery withTags(String... labels) {
    requireNonNull(labels, "labels");
    return new SearchQuery(text, locale, categories, TreeSet.of(labels), limit);
  }

  /**
   * Returns this query asking for another number of hits.
   *
   * @param maxHits how many hits to return at most, 1 to {@value #MAX_LIMIT}
   * @return the query
   * @throws InvalidValueException if maxHits is out of range ({@code search.limit.out_of_range})
   */
  public SearchQuery withLimit(int maxHits) {
    return new SearchQuery(text, locale, categories, tags, maxHits);
  }

  /**
   * Checks the limit of a search or a suggestion.
   *
   * @param limit how many hits to return at most
   * @return the violation {@code search.limit.out_of_range} (field limit), or none
   */
  static List<Violation> limitProblems(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      return List.of(Violation.of("search.limit.out_of_range", "limit",
          "A search returns 1 to " + MAX_LIMIT + " hits, but got " + limit));
    }
    return List.empty();
  }

  private static List<Violation> tagCountProblems(int count) {
    if (count > MAX_TAGS) {
      return List.of(Violation.of("search.tags.too_many", "tags",
          "A query requires at most " + MAX_TAGS + " tags, but got " + count));
    }
    return List.empty();
  }

  private static List<Violation> textProblems(String text) {
    if (text.isBlank()) {
      return List.of(Violation.of("search.text.blank", "text",
          "The query text must not be blank"));
    }
    if (text.length() > MAX_TEXT) {
      return List.of(Violation.of("search.text.too_long", "text",
          "The query text has at most " + MAX_TEXT + " characters, but got " + text.length()));
    }
    return List.empty();
  }

  private static List<Violation> localeProblems(Option<Locale> locale) {
    if (locale.exists(l -> l.getLanguage().isEmpty())) {
      return List.of(Violation.of("search.locale.no_language", "locale",
          "A locale to search in names a language, such as zh-CN or en, but got '"
              + locale.get() + "'"));
    }
    return List.empty();
  }

  private static List<Violation> categoryProblems(String code, String field) {
    if (!CATEGORY.matcher(code).matches()) {
      return List.of(Violation.of("search.category.malformed", field, "A category is 1 to 64 "
          + "lower-case letters, digits, '.', '_' and '-', but got '"
          + (code.length() > 64 ? code.substring(0, 61) + "..." : code) + "'"));
    }
    return List.empty();
  }

  private static List<Violation> tagProblems(String tag, String field) {
    if (tag.isBlank()) {
      return List.of(Violation.of("search.tag.blank", field, "A tag must not be blank"));
    }
    List<Violation> problems = List.empty();
    if (!tag.equals(tag.strip())) {
      problems = problems.append(Violation.of("search.tag.not_stripped", field,
          "A tag has no surrounding white space"));
    }
    if (tag.length() > MAX_TAG) {
      problems = problems.append(Violation.of("search.tag.too_long", field,
          "A tag has at most " + MAX_TAG + " characters, but got " + tag.length()));
    }
    return problems;
  }
}
