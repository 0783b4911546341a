package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.knowledge.ArticleEvent.ArticleDrafted;
import io.rapport.crm.knowledge.ArticleEvent.ArticleFeedbackRecorded;
import io.rapport.crm.knowledge.ArticleEvent.ArticlePublished;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRecategorized;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRetagged;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRetired;
import io.rapport.crm.knowledge.ArticleEvent.ArticleRevised;
import io.rapport.crm.knowledge.ArticleEvent.ArticleSentBack;
import io.rapport.crm.knowledge.ArticleEvent.ArticleSubmittedForReview;
import io.rapport.crm.knowledge.ArticleRejection.Reason;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Locale;

/**
 * A knowledge-base article: versioned text in one locale, a category and tags, a review workflow
 * from draft to published to retired, and readers' feedback. A published article can be revised:
 * its published version stays live while the new version is drafted and reviewed. Immutable and
 * thread-safe.
 *
 * <p>{@link #draft(ArticleId, ArticleDraft, EventStamp) draft} checks outside input and reports
 * every problem at once. Every other command takes an {@link EventStamp} and answers
 * {@code Either<ArticleRejection, Transition<Article>>}: the new state with exactly one
 * {@link ArticleEvent}, or a refusal that names the current status and the statuses allowed from
 * it (see the table on {@link ArticleStatus}). Commands dated before the article's last change are
 * refused ({@code article.out_of_order}), except readers' feedback, which may arrive late.
 *
 * <p><b>Four eyes.</b> Nobody publishes their own text: {@link #publish} is refused
 * ({@code article.publish.own_version}) when the publisher is the latest version's author, its
 * last writer (revising a draft makes the reviser its author). Every text readers see has thus
 * been read by a second person. A host that really has a single editor publishes as a separate
 * actor of its own, such as {@code system:auto-publish}, which its audit trail then shows.
 *
 * @param id the article's id
 * @param locale the language (and region) it is written in, such as {@code zh-CN} or {@code en};
 *     the language is not empty
 * @param translationOf the article this one translates, or empty; never the article itself
 * @param category the category's code, such as {@code care} or {@code delivery}: 1 to 64
 *     lower-case letters, digits and {@code . _ -}
 * @param tags free labels, in any script: at most 50, each not blank, without surrounding white
 *     space, at most 64 characters
 * @param status where the latest version stands
 * @param versions every version, numbered from 1, the latest last; started in time order, the
 *     first when the article was created
 * @param liveVersion the number of the version readers see, or empty when none is published: the
 *     latest when {@code PUBLISHED}, an earlier one or none in {@code DRAFT} and
 *     {@code IN_REVIEW}, none when {@code RETIRED}
 * @param feedback readers' votes
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed, not before any version was started
 */
public record Article(ArticleId id, Locale locale, Option<ArticleId> translationOf,
    String category, Set<String> tags, ArticleStatus status, Seq<ArticleVersion> versions,
    Option<Integer> liveVersion, ArticleFeedback feedback, Instant createdAt, ActorId createdBy,
    Instant updatedAt) implements Aggregate<ArticleId> {

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken invariant: {@code article.locale.no_language},
   *     {@code article.category.malformed}, {@code article.tags.too_many},
   *     {@code article.tag.blank}, {@code article.tag.not_stripped}, {@code article.tag.too_long},
   *     {@code article.versions.empty}, {@code article.version.number.out_of_sequence},
   *     {@code article.version.at.not_created_at} (the first version),
   *     {@code article.version.at.out_of_order} (before the version before it),
   *     {@code article.version.at.after_update} (fields {@code versions[i].number} and
   *     {@code versions[i].at}), {@code article.updated_at.before_creation},
   *     {@code article.translation_of.self}, {@code article.live_version.out_of_range},
   *     {@code article.live_version.not_latest} ({@code PUBLISHED} without the latest live),
   *     {@code article.live_version.retired} ({@code RETIRED} with a live version),
   *     {@code article.live_version.unreviewed} ({@code DRAFT} or {@code IN_REVIEW} with the
   *     latest live)
   */
  public Article {
    requireNonNull(id, "id");
    requireNonNull(locale, "locale");
    requireNonNull(translationOf, "translationOf");
    requireNonNull(category, "category");
    requireNonNull(tags, "tags");
    requireNonNull(status, "status");
    requireNonNull(versions, "versions");
    requireNonNull(liveVersion, "liveVersion");
    requireNonNull(feedback, "feedback");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    translationOf.forEach(value -> requireNonNull(value, "translationOf"));
    tags.forEach(value -> requireNonNull(value, "tags"));
    versions.forEach(value -> requireNonNull(value, "versions"));
    liveVersion.forEach(value -> requireNonNull(value, "liveVersion"));
    ArticleChecks.orThrow(invariants(id, locale, translationOf, category, tags, status, versions,
        liveVersion, createdAt, updatedAt));
  }

  /**
   * Drafts a new article from outside input, checking every part at once. The article starts in
   * {@link ArticleStatus#DRAFT} with version 1, no live version and no votes, created at the
   * stamp's time by its actor.
   *
   * <p>Violations (field in brackets): {@code article.locale.malformed},
   * {@code article.locale.no_language} (locale); {@code article.category.malformed} (category);
   * {@code article.tag.blank}, {@code article.tag.too_long} ({@code tags[i]});
   * {@code article.tags.too_many} (tags); {@code article.title.blank},
   * {@code article.title.too_long} (title); {@code article.body.blank},
   * {@code article.body.too_long} (body); {@code article.note.too_long} (note); id violations and
   * {@code article.translation_of.self} (translationOf).
   *
   * @param id the new article's id, from the host's id generator
   * @param draft the input
   * @param stamp the event's id, the time of creation and who writes it
   * @return the new article with an {@link ArticleDrafted} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Article>> draft(ArticleId id,
      ArticleDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    return draft.validate(id, stamp).map(article -> Transition.of(article,
        new ArticleDrafted(stamp, id, article.locale, article.category, article.translationOf)));
  }

  /**
   * Revises the text. In {@code DRAFT} the latest version is never live, so its title, body and
   * note are replaced and the reviser becomes its author. In {@code PUBLISHED} or {@code RETIRED}
   * version n+1 is added and the article is a {@code DRAFT} again; for {@code PUBLISHED} the live
   * version stays live until the new one is published. In {@code IN_REVIEW} the text is frozen:
   * send it back first.
   *
   * @param title the title, stripped of surrounding white space
   * @param body the text, kept as given
   * @param note what changed, or empty; stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ArticleRevised}, or {@code article.status.move_not_allowed}
   *     (in review), {@code article.title.blank}, {@code article.title.too_long},
   *     {@code article.body.blank}, {@code article.body.too_long}, {@code article.note.blank},
   *     {@code article.note.too_long}, {@code article.revision.unchanged} (a draft revised to its
   *     own title, body and note, or a published article to its own title and body; a retired
   *     article may come back unchanged), {@code article.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ArticleRejection, Transition<Article>> revise(String title, String body,
      Option<String> note, EventStamp stamp) {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(note, "note");
    requireNonNull(stamp, "stamp");
    note.forEach(value -> requireNonNull(value, "note"));
    String heading = title.strip();
    Option<String> remark = note.map(String::strip);
    ArticleVersion latest = latest();
    Reason refusal = status == ArticleStatus.IN_REVIEW ? Reason.MOVE_NOT_ALLOWED
        : textRefusal(heading, body, remark);
    if (refusal == null) {
      boolean unchanged = status == ArticleStatus.DRAFT
          ? latest.sameText(heading, body, remark)
          : status == ArticleStatus.PUBLISHED
              && latest.title().equals(heading) && latest.body().equals(body);
      refusal = unchanged ? Reason.REVISION_UNCHANGED : outOfOrder(stamp);
    }
    if (refusal != null) {
      return refuse(refusal);
    }
    boolean replace = status == ArticleStatus.DRAFT && !liveVersion.contains(latest.number());
    Seq<ArticleVersion> written = replace
        ? versions.update(versions.size() - 1, new ArticleVersion(latest.number(), heading, body,
            latest.at(), stamp.by(), remark))
        : versions.append(new ArticleVersion(versions.size() + 1, heading, body, stamp.at(),
            stamp.by(), remark));
    Option<Integer> live = status == ArticleStatus.RETIRED ? Option.none() : liveVersion;
    return accept(with(ArticleStatus.DRAFT, written, live, stamp.at()),
        new ArticleRevised(stamp, id, written.size(), !replace, status));
  }

  /**
   * Submits the latest version for review: {@code DRAFT} to {@code IN_REVIEW}. Its text is frozen
   * until it is published or sent back.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ArticleSubmittedForReview}, or
   *     {@code article.status.unchanged} (already in review),
   *     {@code article.status.move_not_allowed}, {@code article.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ArticleRejection, Transition<Article>> submitForReview(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = moveRefusal(ArticleStatus.IN_REVIEW, stamp);
    return refusal != null ? refuse(refusal) : accept(
        with(ArticleStatus.IN_REVIEW, versions, liveVersion, stamp.at()),
        new ArticleSubmittedForReview(stamp, id, versions.size()));
  }

  /**
   * Publishes the version under review: {@code IN_REVIEW} to {@code PUBLISHED}; the latest
   * version becomes the live one, replacing any earlier live version. The publisher must not be
   * the version's author (four eyes, see above).
   *
   * @param stamp the event's id, time and actor (the reviewer)
   * @return the new state with {@link ArticlePublished}, or {@code article.status.unchanged}
   *     (already published), {@code article.status.move_not_allowed} (not in review),
   *     {@code article.publish.own_version}, {@code article.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ArticleRejection, Transition<Article>> publish(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = moveRefusal(ArticleStatus.PUBLISHED, stamp);
    if ((refusal == null || refusal == Reason.OUT_OF_ORDER)
        && stamp.by().equals(latest().by())) {
      refusal = Reason.OWN_VERSION;
    }
    return refusal != null ? refuse(refusal) : accept(
        with(ArticleStatus.PUBLISHED, versions, Option.of(versions.size()), stamp.at()),
        new ArticlePublished(stamp, id, versions.size(), liveVersion));
  }

  /**
   * Sends the version under review back to its authors: {@code IN_REVIEW} to {@code DRAFT}, with
   * a note saying what to change (kept on the event). A live earlier version stays live.
   *
   * @param note what the authors should change: not blank, at most
   *     {@value ArticleVersion#MAX_NOTE} characters; stripped of surrounding white space
   * @param stamp the event's id, time and actor (the reviewer)
   * @return the new state with {@link ArticleSentBack}, or {@code article.status.unchanged}
   *     (already a draft), {@code article.status.move_not_allowed} (not in review),
   *     {@code article.note.blank}, {@code article.note.too_long}, {@code article.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ArticleRejection, Transition<Article>> sendBack(String note, EventStamp stamp) {
    requireNonNull(note, "note");
    requireNonNull(stamp, "stamp");
    String text = note.strip();
    Reason refusal = status == ArticleStatus.DRAFT ? Reason.STATUS_UNCHANGED
        : status != ArticleStatus.IN_REVIEW ? Reason.MOVE_NOT_ALLOWED
        : outOfOrder(stamp);
    if (refusal == null || refusal == Reason.OUT_OF_ORDER) {
      Reason broken = noteRefusal(text);
      refusal = broken != null ? broken : refusal;
    }
    return refusal != null ? refuse(refusal) : accept(
        with(ArticleStatus.DRAFT, versions, liveVersion, stamp.at()),
        new ArticleSentBack(stamp, id, versions.size(), text));
  }

  /**
   * Retires the article: from any other status to {@code RETIRED}. No version is live any more;
   * search stops finding it. Revising it later starts a new version towards publication.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ArticleRetired}, or {@code article.status.unchanged}
   *     (already retired), {@code article.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<ArticleRejection, Transition<Article>> retire(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    Reason refusal = moveRefusal(ArticleStatus.RETIRED, stamp);
    return refusal != null ? refuse(refusal) : accept(
        with(ArticleStatus.RETIRED, versions, Option.none(), stamp.at()),
        new ArticleRetired(stamp, id, liveVersion, status));
  }

  /**
   * Moves the article to another category, in any status.
   *
   * @param newCategory the category's code, such as {@code delivery}; stripped of surrounding
   *     white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ArticleRecategorized}, or
   *     {@code article.category.malformed}, {@code article.category.unchanged},
   *     {@code article.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<ArticleRejection, Transition<Article>> recategorize(String newCategory,
      EventStamp stamp) {
    requireNonNull(newCategory, "newCategory");
    requireNonNull(stamp, "stamp");
    String code = newCategory.strip();
    Reason refusal = !ArticleChecks.CATEGORY.matcher(code).matches() ? Reason.CATEGORY_MALFORMED
        : code.equals(category) ? Reason.CATEGORY_UNCHANGED
        : outOfOrder(stamp);
    return refusal != null ? refuse(refusal) : accept(
        new Article(id, locale, translationOf, code, tags, status, versions, liveVersion,
            feedback, createdAt, createdBy, stamp.at()),
        new ArticleRecategorized(stamp, id, category, code));
  }

  /**
   * Replaces the tags, in any status. Each tag is stripped of surrounding white space; a tag
   * given twice is kept once.
   *
   * @param newTags the tags: at most 50, each not blank, at most 64 characters
   * @param stamp the event's id, time and actor
   * @return the new state with {@link ArticleRetagged}, or {@code article.tag.blank},
   *     {@code article.tag.too_long}, {@code article.tags.too_many},
   *     {@code article.tags.unchanged}, {@code article.out_of_order}
   * @throws NullPointerException if an argument or a tag is null
   */
  public Either<ArticleRejection, Transition<Article>> retag(Iterable<String> newTags,
      EventStamp stamp) {
    requireNonNull(newTags, "newTags");
    requireNonNull(stamp, "stamp");
    TreeSet<String> labels = TreeSet.empty();
    Reason refusal = null;
    for (String tag : newTags) {
      String label = requireNonNull(tag, "newTags element").strip();
      if (refusal == null) {
        refusal = label.isEmpty() ? Reason.TAG_BLANK
            : label.length() > ArticleChecks.MAX_TAG ? Reason.TAG_TOO_LONG : null;
      }
      labels = labels.add(label);
    }
    if (refusal == null) {
      refusal = labels.size() > ArticleChecks.MAX_TAGS ? Reason.TAGS_TOO_MANY
          : labels.equals(TreeSet.ofAll(tags)) ? Reason.TAGS_UNCHANGED
          : outOfOrder(stamp);
    }
    return refusal != null ? refuse(refusal) : accept(
        new Article(id, locale, translationOf, category, labels, status, versions, liveVersion,
            feedback, createdAt, createdBy, stamp.at()),
        new ArticleRetagged(stamp, id, labels.diff(tags), TreeSet.ofAll(tags).diff(labels)));
  }

  /**
   * Records a reader's vote on the live version. Votes may arrive late and in any order, so a
   * vote dated before the article's last change is still counted; the article's
   * {@code updatedAt} never moves back.
   *
   * @param helpful whether the reader found the article helpful
   * @param stamp the event's id, time and actor (the reader, or the channel they used)
   * @return the new state with {@link ArticleFeedbackRecorded}, or
   *     {@code article.feedback.not_live} (no version is live)
   * @throws NullPointerException if stamp is null
   * @throws ArithmeticException if a count would overflow a {@code long}
   */
  public Either<ArticleRejection, Transition<Article>> recordFeedback(boolean helpful,
      EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    if (liveVersion.isEmpty()) {
      return refuse(Reason.NOT_LIVE);
    }
    Instant at = stamp.at().isAfter(updatedAt) ? stamp.at() : updatedAt;
    return accept(
        new Article(id, locale, translationOf, category, tags, status, versions, liveVersion,
            feedback.plus(helpful), createdAt, createdBy, at),
        new ArticleFeedbackRecorded(stamp, id, liveVersion.get(), helpful));
  }

  /** Returns the version readers and search see, or empty when none is published. */
  public Option<ArticleVersion> live() {
    return liveVersion.map(number -> versions.get(number - 1));
  }

  /** Returns the latest version: the one being written or reviewed, or the live one. */
  public ArticleVersion latest() {
    return versions.last();
  }

  /**
   * Returns a version by its number.
   *
   * @param number the version's number, from 1
   * @return the version, or empty when there is no such version
   */
  public Option<ArticleVersion> version(int number) {
    return number >= 1 && number <= versions.size() ? Option.of(versions.get(number - 1))
        : Option.none();
  }

  /** Tells whether readers see a version of the article: whether one is live. */
  public boolean isLive() {
    return liveVersion.isDefined();
  }

  /**
   * Returns how useful readers found the article, from 0 to 1: the Wilson lower bound of its
   * votes, see {@link ArticleFeedback#usefulness()}.
   *
   * @return the usefulness, 0 without votes
   */
  public double usefulness() {
    return feedback.usefulness();
  }

  private Reason moveRefusal(ArticleStatus target, EventStamp stamp) {
    return status == target ? Reason.STATUS_UNCHANGED
        : !status.mayMoveTo(target) ? Reason.MOVE_NOT_ALLOWED
        : outOfOrder(stamp);
  }

  private Reason outOfOrder(EventStamp stamp) {
    return stamp.at().isBefore(updatedAt) ? Reason.OUT_OF_ORDER : null;
  }

  private static Reason textRefusal(String title, String body, Option<String> note) {
    return title.isEmpty() ? Reason.TITLE_BLANK
        : title.length() > ArticleVersion.MAX_TITLE ? Reason.TITLE_TOO_LONG
        : body.isBlank() ? Reason.BODY_BLANK
        : body.length() > ArticleVersion.MAX_BODY ? Reason.BODY_TOO_LONG
        : note.isDefined() ? noteRefusal(note.get())
        : null;
  }

  private static Reason noteRefusal(String note) {
    return note.isEmpty() ? Reason.NOTE_BLANK
        : note.length() > ArticleVersion.MAX_NOTE ? Reason.NOTE_TOO_LONG
        : null;
  }

  private Article with(ArticleStatus to, Seq<ArticleVersion> newVersions, Option<Integer> live,
      Instant at) {
    return new Article(id, locale, translationOf, category, tags, to, newVersions, live, feedback,
        createdAt, createdBy, at);
  }

  private Either<ArticleRejection, Transition<Article>> refuse(Reason reason) {
    return Either.left(new ArticleRejection(reason, id, status, status.allowedNext(),
        updatedAt));
  }

  private static Either<ArticleRejection, Transition<Article>> accept(Article next,
      ArticleEvent event) {
    return Either.right(Transition.of(next, event));
  }

  private static List<Violation> invariants(ArticleId id, Locale locale,
      Option<ArticleId> translationOf, String category, Set<String> tags, ArticleStatus status,
      Seq<ArticleVersion> versions, Option<Integer> liveVersion, Instant createdAt,
      Instant updatedAt) {
    List<Violation> problems = List.empty();
    if (locale.getLanguage().isEmpty()) {
      problems = problems.append(Violation.of("article.locale.no_language", "locale",
          "A locale names a language, such as zh-CN or en, but got '" + locale + "'"));
    }
    problems = problems.appendAll(ArticleChecks.category(category, "category"))
        .appendAll(ArticleChecks.tags(tags, "tags"));
    if (versions.isEmpty()) {
      problems = problems.append(Violation.of("article.versions.empty", "versions",
          "An article has at least one version"));
    }
    for (int i = 0; i < versions.size(); i++) {
      ArticleVersion version = versions.get(i);
      String field = "versions[" + i + "]";
      if (version.number() != i + 1) {
        problems = problems.append(Violation.of("article.version.number.out_of_sequence",
            field + ".number", "Versions are numbered 1, 2, 3... in order, so this one is "
                + (i + 1) + ", but got " + version.number()));
      }
      if (i == 0 && !version.at().equals(createdAt)) {
        problems = problems.append(Violation.of("article.version.at.not_created_at",
            field + ".at", "The first version is started when the article is created, at "
                + createdAt + ", but got " + version.at()));
      }
      if (i > 0 && version.at().isBefore(versions.get(i - 1).at())) {
        problems = problems.append(Violation.of("article.version.at.out_of_order",
            field + ".at", "A version cannot start before the version before it, at "
                + versions.get(i - 1).at() + ", but got " + version.at()));
      }
      if (version.at().isAfter(updatedAt)) {
        problems = problems.append(Violation.of("article.version.at.after_update",
            field + ".at", "A version cannot start after the article last changed, at "
                + updatedAt + ", but got " + version.at()));
      }
    }
    if (updatedAt.isBefore(createdAt)) {
      problems = problems.append(Violation.of("article.updated_at.before_creation", "updatedAt",
          "An article cannot change before it was created at " + createdAt));
    }
    if (translationOf.contains(id)) {
      problems = problems.append(Violation.of("article.translation_of.self", "translationOf",
          "An article cannot be a translation of itself: " + id));
    }
    for (int live : liveVersion) {
      if (live < 1 || live > versions.size()) {
        problems = problems.append(Violation.of("article.live_version.out_of_range",
            "liveVersion", "The live version is one of the versions 1 to " + versions.size()
                + ", but got " + live));
      }
    }
    if (status == ArticleStatus.PUBLISHED && !liveVersion.contains(versions.size())) {
      problems = problems.append(Violation.of("article.live_version.not_latest", "liveVersion",
          "A published article's live version is its latest, " + versions.size() + ", but got "
              + liveVersion.map(String::valueOf).getOrElse("none")));
    }
    if (status == ArticleStatus.RETIRED && liveVersion.isDefined()) {
      problems = problems.append(Violation.of("article.live_version.retired", "liveVersion",
          "A retired article has no live version, but got " + liveVersion.get()));
    }
    if ((status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW)
        && !versions.isEmpty() && liveVersion.contains(versions.size())) {
      problems = problems.append(Violation.of("article.live_version.unreviewed", "liveVersion",
          "The latest version of an article in " + status + " is not live yet, but version "
              + versions.size() + " is"));
    }
    return problems;
  }
}
