package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Maps the knowledge package (articles with their versions and feedback) to plain JSON and back,
 * strictly (see docs/json.md and docs/guides/service-storage.md). A locale is its BCP 47 language
 * tag ({@code "zh-CN"}, {@code "zh-Hant-TW"}, {@code "en"}); optional values are absent when
 * empty; the status is written by name; tags are an array without repeats, in a stable order.
 * Reading reports every problem with its path ({@link CollectingReader}) and rebuilds each record
 * through its checking constructor, whose violations are mapped under the property they concern.
 */
final class KnowledgeJson {

  private KnowledgeJson() {}

  /** Adds the knowledge package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(ArticleFeedback.class, KnowledgeJson::writeFeedback,
        (p, n) -> CollectingReader.read(p, n, "article feedback", KnowledgeJson::readFeedback));
    module.addValue(ArticleVersion.class, KnowledgeJson::writeVersion,
        (p, n) -> CollectingReader.read(p, n, "article version", KnowledgeJson::readVersion));
    module.addValue(Article.class, KnowledgeJson::writeArticle,
        (p, n) -> CollectingReader.read(p, n, "article", KnowledgeJson::readArticle));
  }

  private static Locale locale(CollectingReader r, JsonNode node, String at) {
    String tag = r.text(node, at);
    if (tag == null) {
      return null;
    }
    try {
      return new Locale.Builder().setLanguageTag(tag).build();
    } catch (IllformedLocaleException malformed) {
      r.invalid(at, "Expected a BCP 47 language tag such as zh-CN or en, got '" + tag + "'");
      return null;
    }
  }

  private static void writeFeedback(ArticleFeedback feedback, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeNumberField("helpful", feedback.helpful());
    g.writeNumberField("notHelpful", feedback.notHelpful());
    g.writeEndObject();
  }

  private static ArticleFeedback readFeedback(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "article feedback",
        new String[] {"helpful", "notHelpful"});
    if (o == null) {
      return null;
    }
    Long helpful = o.number("helpful");
    Long notHelpful = o.number("notHelpful");
    return o.build(() -> new ArticleFeedback(helpful, notHelpful));
  }

  private static void writeVersion(ArticleVersion version, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("number", version.number());
    g.writeStringField("title", version.title());
    g.writeStringField("body", version.body());
    g.writeStringField("at", IsoInstants.format(version.at()));
    g.writeStringField("by", version.by().value());
    if (version.note().isDefined()) {
      g.writeStringField("note", version.note().get());
    }
    g.writeEndObject();
  }

  private static ArticleVersion readVersion(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "article version",
        new String[] {"number", "title", "body", "at", "by"}, "note");
    if (o == null) {
      return null;
    }
    Integer number = o.integer("number");
    String title = o.text("title");
    String body = o.text("body");
    Instant at = o.value("at", Instant.class);
    ActorId by = o.value("by", ActorId.class);
    Option<String> note = o.optionalText("note");
    return o.build(() -> new ArticleVersion(number, title, body, at, by, note));
  }

  private static void writeArticle(Article a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id().value());
    g.writeStringField("locale", a.locale().toLanguageTag());
    if (a.translationOf().isDefined()) {
      g.writeStringField("translationOf", a.translationOf().get().value());
    }
    g.writeStringField("category", a.category());
    g.writeArrayFieldStart("tags");
    for (String tag : a.tags().toSortedSet()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeStringField("status", a.status().name());
    g.writeArrayFieldStart("versions");
    for (ArticleVersion version : a.versions()) {
      writeVersion(version, g);
    }
    g.writeEndArray();
    if (a.liveVersion().isDefined()) {
      g.writeNumberField("liveVersion", a.liveVersion().get());
    }
    g.writeFieldName("feedback");
    writeFeedback(a.feedback(), g);
    g.writeStringField("createdAt", IsoInstants.format(a.createdAt()));
    g.writeStringField("createdBy", a.createdBy().value());
    g.writeStringField("updatedAt", IsoInstants.format(a.updatedAt()));
    g.writeEndObject();
  }

  private static Article readArticle(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "article", new String[] {"id", "locale",
        "category", "tags", "status", "versions", "feedback", "createdAt", "createdBy",
        "updatedAt"}, "translationOf", "liveVersion");
    if (o == null) {
      return null;
    }
    ArticleId id = o.value("id", ArticleId.class);
    Locale locale = o.part("locale", KnowledgeJson::locale);
    Option<ArticleId> translationOf = o.optional("translationOf", ArticleId.class);
    String category = o.text("category");
    Set<String> tags = o.set("tags", (reader, node, at) -> reader.text(node, at));
    ArticleStatus status = o.constant("status", ArticleStatus.class);
    Vector<ArticleVersion> versions = o.list("versions", KnowledgeJson::readVersion);
    Option<Integer> liveVersion = o.has("liveVersion") ? Option.of(o.integer("liveVersion"))
        : Option.none();
    ArticleFeedback feedback = o.part("feedback", KnowledgeJson::readFeedback);
    Instant createdAt = o.value("createdAt", Instant.class);
    ActorId createdBy = o.value("createdBy", ActorId.class);
    Instant updatedAt = o.value("updatedAt", Instant.class);
    return o.build(() -> new Article(id, locale, translationOf, category,
        tags, status, versions, liveVersion, feedback, createdAt, createdBy, updatedAt));
  }
}
