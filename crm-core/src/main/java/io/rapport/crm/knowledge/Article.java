package io.rapport.crm.knowledge;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.ArticleId;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;

/**
 * A knowledge-base article: versioned text in one locale, a category and tags, a review workflow
 * from draft to published to retired, and readers' feedback. A published article can be revised:
 * its published version stays live while the new version is drafted and reviewed. Immutable and
 * thread-safe.
 *
 * @param id the article's id
 * @param locale the language (and region) it is written in, such as {@code zh-CN} or {@code en}
 * @param translationOf the article this one translates, or empty
 * @param category the category's code, such as {@code care} or {@code delivery}
 * @param tags free labels, in any script
 * @param status where the latest version stands
 * @param versions every version, numbered from 1, the latest last
 * @param liveVersion the number of the version readers see, or empty when none is published
 * @param feedback readers' votes
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 */
public record Article(ArticleId id, Locale locale, Option<ArticleId> translationOf,
    String category, Set<String> tags, ArticleStatus status, Seq<ArticleVersion> versions,
    Option<Integer> liveVersion, ArticleFeedback feedback, Instant createdAt, ActorId createdBy,
    Instant updatedAt) implements Aggregate<ArticleId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
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
  }
}
