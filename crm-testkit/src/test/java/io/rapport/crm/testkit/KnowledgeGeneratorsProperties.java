package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.rapport.crm.testkit.generators.KnowledgeGenerators;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The knowledge generators make only valid records: every invariant the knowledge constructors
 * check (the list in docs/guides/service-storage.md) holds for every generated value, checked here
 * independently of the constructors; and the generators reach every status, script and shape.
 */
class KnowledgeGeneratorsProperties {

  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern HAN = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);
  private static final Pattern KANA = Pattern.compile(".*[\\p{IsHiragana}\\p{IsKatakana}].*",
      Pattern.DOTALL);
  private static final Pattern HANGUL = Pattern.compile(".*\\p{IsHangul}.*", Pattern.DOTALL);

  private static boolean nondecreasing(Seq<Instant> times) {
    return times.sliding(2).forAll(pair -> pair.size() < 2 || !pair.get(1).isBefore(pair.get(0)));
  }

  static List<String> broken(ArticleFeedback f) {
    return f.helpful() >= 0 && f.notHelpful() >= 0 ? List.empty() : List.of("feedback");
  }

  static List<String> broken(ArticleVersion v) {
    return v.number() >= 1 && !v.title().isBlank() && v.title().length() <= 300
        && !v.body().isBlank() && v.body().length() <= 100_000
        && v.note().forAll(n -> !n.isBlank() && n.length() <= 500)
        ? List.empty() : List.of("version");
  }

  /** Returns the names of the broken article invariants. */
  static List<String> broken(Article a) {
    List<String> broken = a.versions().flatMap(KnowledgeGeneratorsProperties::broken).toList()
        .appendAll(broken(a.feedback()));
    if (a.locale().getLanguage().isEmpty()) {
      broken = broken.append("locale");
    }
    if (!CATEGORY.matcher(a.category()).matches()) {
      broken = broken.append("category");
    }
    if (!ServiceGeneratorsProperties.tags(a.tags())) {
      broken = broken.append("tags");
    }
    if (a.versions().isEmpty() || !a.versions().head().at().equals(a.createdAt())
        || !nondecreasing(a.versions().map(ArticleVersion::at))
        || a.versions().exists(v -> v.at().isAfter(a.updatedAt()))
        || a.updatedAt().isBefore(a.createdAt())) {
      broken = broken.append("versions.time");
    }
    for (int i = 0; i < a.versions().size(); i++) {
      if (a.versions().get(i).number() != i + 1) {
        broken = broken.append("versions.number");
      }
    }
    if (a.translationOf().contains(a.id())) {
      broken = broken.append("translation");
    }
    int size = a.versions().size();
    Option<Integer> live = a.liveVersion();
    if (live.exists(n -> n < 1 || n > size)
        || a.status() == ArticleStatus.PUBLISHED && !live.contains(size)
        || a.status() == ArticleStatus.RETIRED && live.isDefined()
        || (a.status() == ArticleStatus.DRAFT || a.status() == ArticleStatus.IN_REVIEW)
            && live.exists(n -> n >= size)) {
      broken = broken.append("live_version");
    }
    return broken;
  }

  @Test
  void articlesKeepEveryInvariantAndReachEveryStatusScriptAndShape() {
    Map<String, Integer> seen = new TreeMap<>();
    qt().forAll(KnowledgeGenerators.articles()).checkAssert(article -> {
      assertThat(broken(article)).as("%s", article).isEmpty();
      seen.merge(article.status().name(), 1, Integer::sum);
      if (article.liveVersion().isDefined() && article.status() != ArticleStatus.PUBLISHED) {
        seen.merge("revising", 1, Integer::sum);
      }
      if (article.translationOf().isDefined()) {
        seen.merge("translation", 1, Integer::sum);
      }
      String text = article.versions().map(v -> v.title() + v.body()).mkString();
      if (HAN.matcher(text).matches()) {
        seen.merge("han", 1, Integer::sum);
      }
      if (KANA.matcher(text).matches()) {
        seen.merge("kana", 1, Integer::sum);
      }
      if (HANGUL.matcher(text).matches()) {
        seen.merge("hangul", 1, Integer::sum);
      }
      if (article.tags().exists(t -> HAN.matcher(t).matches())) {
        seen.merge("han tag", 1, Integer::sum);
      }
      if (article.versions().exists(v -> v.body().length() > 20_000)) {
        seen.merge("long body", 1, Integer::sum);
      }
      if (!article.locale().getScript().isEmpty()) {
        seen.merge("script", 1, Integer::sum);
      }
      seen.merge("versions " + Math.min(article.versions().size(), 2), 1, Integer::sum);
    });
    for (ArticleStatus status : ArticleStatus.values()) {
      assertThat(seen).containsKey(status.name());
    }
    assertThat(seen).containsKeys("revising", "translation", "han", "kana", "hangul", "han tag",
        "long body", "script", "versions 1", "versions 2");
  }

  @Test
  void articlesOfOneStatusHaveThatStatus() {
    for (ArticleStatus status : ArticleStatus.values()) {
      qt().withExamples(100).forAll(KnowledgeGenerators.articles(status)).checkAssert(article -> {
        assertThat(article.status()).isEqualTo(status);
        assertThat(broken(article)).as("%s", article).isEmpty();
      });
    }
    assertThat(ArticleStatus.values()).hasSize(4);
  }

  @Test
  void partsAreValidAndLocalesRoundTripThroughTheirTags() {
    qt().forAll(KnowledgeGenerators.articleVersions()).checkAssert(v ->
        assertThat(broken(v)).isEmpty());
    qt().forAll(KnowledgeGenerators.articleFeedback()).checkAssert(f ->
        assertThat(broken(f)).isEmpty());
    qt().forAll(KnowledgeGenerators.categories()).checkAssert(c ->
        assertThat(c).matches(CATEGORY));
    qt().forAll(KnowledgeGenerators.locales()).checkAssert(locale -> {
      assertThat(locale.getLanguage()).isNotEmpty();
      assertThat(new Locale.Builder().setLanguageTag(locale.toLanguageTag()).build())
          .isEqualTo(locale);
    });
  }

  @Test
  void theConstructorRefusesWhatTheCheckerFlags() {
    Article article = SalesJsonRoundTripProperties.sample(
        KnowledgeGenerators.articles(ArticleStatus.PUBLISHED), 3);
    assertThat(broken(article)).isEmpty();
    assertThatThrownBy(() -> new Article(article.id(), article.locale(),
        article.translationOf(), article.category(), article.tags(), ArticleStatus.RETIRED,
        article.versions(), article.liveVersion(), article.feedback(), article.createdAt(),
        article.createdBy(), article.updatedAt()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("article.live_version.retired");
  }
}
