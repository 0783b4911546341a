package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.CODEC;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRefused;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTrips;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.assertRoundTripsAsValue;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.edit;
import static io.rapport.crm.testkit.SalesJsonRoundTripProperties.sample;
import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.testkit.generators.KnowledgeGenerators;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every article round-trips through JSON, as a value and as a stored document, its locale as a
 * BCP 47 language tag; and reading is strict: every problem is reported with its path, and
 * mutated documents raise nothing but CodecExceptions.
 */
class KnowledgeJsonRoundTripProperties {

  @Test
  void articlesRoundTrip() {
    assertRoundTrips(KnowledgeGenerators.articles(), Article.class);
  }

  @Test
  void partsRoundTrip() {
    assertRoundTripsAsValue(KnowledgeGenerators.articleVersions(), ArticleVersion.class);
    assertRoundTripsAsValue(KnowledgeGenerators.articleFeedback(), ArticleFeedback.class);
  }

  @Test
  void writesTheLocaleAsItsLanguageTagAndKeepsChineseText() {
    Instant at = Instant.parse("2026-03-01T02:00:00Z");
    ActorId chen = ActorId.parse("employee:E-chen");
    Article article = new Article(ArticleId.parse("A-7"), Locale.forLanguageTag("zh-Hant-TW"),
        Option.of(ArticleId.parse("A-1")), "care", HashSet.of("紫檀", "保養"),
        ArticleStatus.PUBLISHED, List.of(new ArticleVersion(1, "如何保養紫檀家具",
            "請勿將紫檀家具放在陽光直射的地方。", at, chen, Option.none())), Option.of(1),
        new ArticleFeedback(12, 1), at, chen, at);
    String json = CODEC.encode(article);
    assertThat(json).isEqualTo("{\"id\":\"A-7\",\"locale\":\"zh-Hant-TW\","
        + "\"translationOf\":\"A-1\",\"category\":\"care\",\"tags\":[\"保養\",\"紫檀\"],"
        + "\"status\":\"PUBLISHED\",\"versions\":[{\"number\":1,\"title\":\"如何保養紫檀家具\","
        + "\"body\":\"請勿將紫檀家具放在陽光直射的地方。\",\"at\":\"2026-03-01T02:00:00Z\","
        + "\"by\":\"employee:E-chen\"}],\"liveVersion\":1,"
        + "\"feedback\":{\"helpful\":12,\"notHelpful\":1},\"createdAt\":\"2026-03-01T02:00:00Z\","
        + "\"createdBy\":\"employee:E-chen\",\"updatedAt\":\"2026-03-01T02:00:00Z\"}");
    assertThat(CODEC.decode(json, Article.class)).isEqualTo(article);
    qt().withExamples(100).forAll(KnowledgeGenerators.articles()).checkAssert(a ->
        assertThat(CODEC.encode(a)).contains("\"locale\":\"" + a.locale().toLanguageTag() + "\""));
  }

  @Test
  void badLocalesNumbersAndStatusesAreRefusedWithTheirPaths() {
    String document = CODEC.encodeDocument(sample(KnowledgeGenerators.articles(), 11));
    assertRefused(edit(document, data -> data.put("locale", "zh_CN!")), Article.class,
        "json.invalid_value", "$.data.locale");
    assertRefused(edit(document, data -> data.put("status", "ARCHIVED")), Article.class,
        "json.invalid_value", "$.data.status");
    assertRefused(edit(document, data -> ((ObjectNode) data.get("feedback"))
        .put("helpful", 1.5)), Article.class, "json.wrong_type", "$.data.feedback.helpful");
    assertRefused(edit(document, data -> ((ObjectNode) data.get("versions").get(0))
        .remove("title")), Article.class, "json.missing_property", "$.data.versions[0].title");
    assertRefused(edit(document, data -> data.put("liveVersion", 3_000_000_000L)), Article.class,
        "json.invalid_value", "$.data.liveVersion");
  }

  @Test
  void everyProblemOfAnArticleIsReported() {
    String document = CODEC.encodeDocument(sample(KnowledgeGenerators.articles(), 12));
    CodecException problem = ServiceJsonRoundTripProperties.refusal(edit(document, data -> {
      data.put("translationOf", "A 1");
      data.put("locale", 7);
      data.putArray("tags").add("红木").add(3);
      ((ObjectNode) data.get("versions").get(0)).put("at", "yesterday");
    }), Article.class);
    assertThat(problem.path()).isEqualTo("$.data");
    assertThat(problem.violations().map(Violation::field)).containsExactlyInAnyOrder(
        "$.data.translationOf", "$.data.locale", "$.data.tags[1]", "$.data.versions[0].at");
  }

  @Test
  void mutatedArticlesRaiseNothingButCodecExceptions() {
    java.util.List<Article> samples = java.util.List.of(
        sample(KnowledgeGenerators.articles(ArticleStatus.PUBLISHED), 3),
        sample(KnowledgeGenerators.articles(ArticleStatus.DRAFT), 5));
    for (Article value : samples) {
      String document = CODEC.encodeDocument(value);
      qt().withExamples(400).forAll(JsonFuzzProperties.MUTATIONS, JsonFuzzProperties.MUTATIONS)
          .checkAssert((first, second) -> JsonFuzzProperties
              .assertDecodingFailsOnlyWithCodecException(second.applyTo(first.applyTo(document)),
                  Article.class));
    }
    assertThat(samples).hasSize(2);
  }
}
