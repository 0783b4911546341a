package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Collects outside input for a new knowledge article, as text, exactly as an editor's form or an
 * import file gives it; {@link Article#draft} validates all of it at once. A builder: mutable and
 * not thread-safe; use one per article.
 *
 * <pre>{@code
 * ArticleDraft draft = ArticleDraft.of("zh-CN", "care", "红木家具的日常保养",
 *         "用柔软的干布顺着木纹擦拭，避免阳光直射和暖气烘烤……")
 *     .tag("红木", "保养")
 *     .translationOf("KB-care-en")
 *     .note("初稿");
 * }</pre>
 *
 * <p>The locale is a language tag such as {@code zh-CN} or {@code en} ({@code zh_CN} is read too).
 * The title, category, tags and note are stripped of surrounding white space; the body is kept as
 * given. A blank note or translation counts as not given; a tag given twice is kept once.
 */
public final class ArticleDraft {

  private String locale;
  private String category;
  private String title;
  private String body;
  private String note;
  private String translationOf;
  private final java.util.List<String> tags = new ArrayList<>();

  private ArticleDraft(String locale, String category, String title, String body) {
    this.locale = locale;
    this.category = category;
    this.title = title;
    this.body = body;
  }

  /**
   * Starts the draft of an article.
   *
   * @param locale the language tag, such as {@code zh-CN}; possibly null (then reported)
   * @param category the category's code, such as {@code care}; possibly null (then reported)
   * @param title the title; possibly null (then reported)
   * @param body the text; possibly null (then reported)
   * @return the draft
   */
  public static ArticleDraft of(String locale, String category, String title, String body) {
    return new ArticleDraft(locale, category, title, body);
  }

  /** Sets the language tag, such as {@code en}; returns this draft. */
  public ArticleDraft locale(String languageTag) {
    this.locale = languageTag;
    return this;
  }

  /** Sets the category's code; returns this draft. */
  public ArticleDraft category(String code) {
    this.category = code;
    return this;
  }

  /** Sets the title; returns this draft. */
  public ArticleDraft title(String text) {
    this.title = text;
    return this;
  }

  /** Sets the text; returns this draft. */
  public ArticleDraft body(String text) {
    this.body = text;
    return this;
  }

  /** Sets the note of version 1, such as {@code first draft}; returns this draft. */
  public ArticleDraft note(String text) {
    this.note = text;
    return this;
  }

  /** Sets the id of the article this one translates; returns this draft. */
  public ArticleDraft translationOf(String articleId) {
    this.translationOf = articleId;
    return this;
  }

  /** Adds tags, in any script; returns this draft. */
  public ArticleDraft tag(String... labels) {
    tags.addAll(Arrays.asList(requireNonNull(labels, "labels")));
    return this;
  }

  /** Validates everything and builds the article; every problem is reported at once. */
  Validation<Seq<Violation>, Article> validate(ArticleId id, EventStamp stamp) {
    List<Violation> problems = List.empty();
    Option<Locale> language = Option.none();
    String tag = locale == null ? "" : locale.strip().replace('_', '-');
    try {
      Locale read = tag.isEmpty() ? Locale.ROOT
          : new Locale.Builder().setLanguageTag(tag).build();
      if (read.getLanguage().isEmpty()) {
        problems = problems.append(Violation.of("article.locale.no_language", "locale",
            "A locale names a language, such as zh-CN or en, but got "
                + ArticleChecks.quote(locale)));
      } else {
        language = Option.of(read);
      }
    } catch (IllformedLocaleException malformed) {
      problems = problems.append(Violation.of("article.locale.malformed", "locale",
          "Expected a language tag such as zh-CN or en, but got " + ArticleChecks.quote(locale)));
    }
    String code = category == null ? null : category.strip();
    problems = problems.appendAll(ArticleChecks.category(code, "category"));
    TreeSet<String> labels = TreeSet.empty();
    for (int i = 0; i < tags.size(); i++) {
      String label = tags.get(i) == null ? "" : tags.get(i).strip();
      List<Violation> broken = ArticleChecks.tag(label, "tags[" + i + "]");
      problems = problems.appendAll(broken);
      if (broken.isEmpty()) {
        labels = labels.add(label);
      }
    }
    if (labels.size() > ArticleChecks.MAX_TAGS) {
      problems = problems.append(Violation.of("article.tags.too_many", "tags",
          "An article has at most " + ArticleChecks.MAX_TAGS + " tags, but got "
              + labels.size()));
    }
    String heading = title == null ? "" : title.strip();
    String text = body == null ? "" : body;
    Option<String> remark = Option.of(note).map(String::strip).filter(n -> !n.isEmpty());
    problems = problems.appendAll(ArticleVersion.textProblems(heading, text, remark));
    Option<ArticleId> original = Option.none();
    if (translationOf != null && !translationOf.isBlank()) {
      Validation<Seq<Violation>, ArticleId> read = ArticleId.KIND.validated(translationOf.strip());
      if (read.isInvalid()) {
        problems = problems.appendAll(
            read.getError().map(v -> Violation.of(v.code(), "translationOf", v.message())));
      } else if (read.get().equals(id)) {
        problems = problems.append(Violation.of("article.translation_of.self", "translationOf",
            "An article cannot be a translation of itself: " + id));
      } else {
        original = read.toOption();
      }
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    try {
      ArticleVersion first = new ArticleVersion(1, heading, text, stamp.at(), stamp.by(), remark);
      return Validation.valid(new Article(id, language.get(), original, code, labels,
          ArticleStatus.DRAFT, List.of(first), Option.none(), ArticleFeedback.NONE, stamp.at(),
          stamp.by(), stamp.at()));
    } catch (InvalidValueException invalid) {
      return Validation.invalid(invalid.violations());
    }
  }
}
