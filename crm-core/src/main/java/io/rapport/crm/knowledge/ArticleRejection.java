package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.collection.Set;
import java.time.Instant;

/**
 * Refuses a command on an {@link Article} and gives what the caller needs to act: the status the
 * article is in, the statuses it may move to from there (see the table on {@link ArticleStatus}),
 * and when it last changed. A refused command changes nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param article the article's id
 * @param status the article's current status
 * @param allowed the statuses the current one may move to, as
 *     {@link ArticleStatus#allowedNext()}
 * @param lastChangedAt when the article last changed; no command may be dated before it
 */
public record ArticleRejection(Reason reason, ArticleId article, ArticleStatus status,
    Set<ArticleStatus> allowed, Instant lastChangedAt) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** A command the table on {@link ArticleStatus} does not allow from the current status. */
    MOVE_NOT_ALLOWED("article.status.move_not_allowed"),
    /** A status move to the status the article already has. */
    STATUS_UNCHANGED("article.status.unchanged"),
    /** A command dated before the article's last change. */
    OUT_OF_ORDER("article.out_of_order"),
    /** A publication by the author of the version under review: four eyes are required. */
    OWN_VERSION("article.publish.own_version"),
    /** A revision that would not change the text. */
    REVISION_UNCHANGED("article.revision.unchanged"),
    /** A blank title. */
    TITLE_BLANK("article.title.blank"),
    /** A title longer than {@value ArticleVersion#MAX_TITLE} characters. */
    TITLE_TOO_LONG("article.title.too_long"),
    /** A blank body. */
    BODY_BLANK("article.body.blank"),
    /** A body longer than {@value ArticleVersion#MAX_BODY} characters. */
    BODY_TOO_LONG("article.body.too_long"),
    /** A blank note. */
    NOTE_BLANK("article.note.blank"),
    /** A note longer than {@value ArticleVersion#MAX_NOTE} characters. */
    NOTE_TOO_LONG("article.note.too_long"),
    /** A category that is not a code such as {@code care}. */
    CATEGORY_MALFORMED("article.category.malformed"),
    /** A category equal to the article's current one. */
    CATEGORY_UNCHANGED("article.category.unchanged"),
    /** A blank tag. */
    TAG_BLANK("article.tag.blank"),
    /** A tag longer than 64 characters. */
    TAG_TOO_LONG("article.tag.too_long"),
    /** More than 50 tags. */
    TAGS_TOO_MANY("article.tags.too_many"),
    /** Tags equal to the article's current ones. */
    TAGS_UNCHANGED("article.tags.unchanged"),
    /** Feedback on an article no reader can see: it has no live version. */
    NOT_LIVE("article.feedback.not_live");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code article.status.move_not_allowed}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ArticleRejection {
    requireNonNull(reason, "reason");
    requireNonNull(article, "article");
    requireNonNull(status, "status");
    requireNonNull(allowed, "allowed");
    requireNonNull(lastChangedAt, "lastChangedAt");
  }

  /** Returns the reason's code, such as {@code article.status.move_not_allowed}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Describes the refusal, naming the current status and the statuses allowed from it. */
  @Override
  public String message() {
    String where = "article " + article + " is " + status + " (may move to "
        + allowed.mkString(", ") + ")";
    switch (reason) {
      case MOVE_NOT_ALLOWED:
        return "That command is not allowed: " + where;
      case STATUS_UNCHANGED:
        return "The article already has that status: " + where;
      case OWN_VERSION:
        return "The author of a version cannot publish it; another person reviews it: " + where;
      case REVISION_UNCHANGED:
        return "The revision has the text the article's latest version already has";
      case TITLE_BLANK:
        return "An article's title must not be blank";
      case TITLE_TOO_LONG:
        return "An article's title has at most " + ArticleVersion.MAX_TITLE + " characters";
      case BODY_BLANK:
        return "An article's body must not be blank";
      case BODY_TOO_LONG:
        return "An article's body has at most " + ArticleVersion.MAX_BODY + " characters";
      case NOTE_BLANK:
        return "A note must not be blank; leave it out instead";
      case NOTE_TOO_LONG:
        return "A note has at most " + ArticleVersion.MAX_NOTE + " characters";
      case CATEGORY_MALFORMED:
        return "A category is a code of lower-case letters, digits, '.', '_' and '-', such as "
            + "care";
      case CATEGORY_UNCHANGED:
        return "The article " + article + " already has that category";
      case TAG_BLANK:
        return "A tag must not be blank";
      case TAG_TOO_LONG:
        return "A tag has at most " + ArticleChecks.MAX_TAG + " characters";
      case TAGS_TOO_MANY:
        return "An article has at most " + ArticleChecks.MAX_TAGS + " tags";
      case TAGS_UNCHANGED:
        return "The article " + article + " already has those tags";
      case NOT_LIVE:
        return "Readers rate the live version, but " + where + " and has none";
      default:
        return "A command on " + article + " cannot be dated before its last change, at "
            + lastChangedAt;
    }
  }
}
