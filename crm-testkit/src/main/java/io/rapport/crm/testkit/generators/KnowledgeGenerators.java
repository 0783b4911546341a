package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.instantsBetween;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.knowledge.Article;
import io.rapport.crm.knowledge.ArticleFeedback;
import io.rapport.crm.knowledge.ArticleStatus;
import io.rapport.crm.knowledge.ArticleVersion;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates the knowledge package's types for property tests: articles in every status, in
 * Latin, Chinese, Japanese and Korean locales, with versions, tags in any script and readers'
 * feedback. Every value is valid: it keeps exactly the invariants the knowledge records'
 * constructors check (listed in docs/guides/service-storage.md), and is built through the
 * canonical constructors. Times fall between 2020 and 2030.
 *
 * <p>Use them in your own laws:
 * {@code Theories.qt().forAll(KnowledgeGenerators.articles()).check(…)}.
 */
public final class KnowledgeGenerators {

  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2030-01-01T00:00:00Z");
  private static final String CODE_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String CODE_REST = CODE_FIRST + "._-";
  private static final Locale[] LOCALES = Arrays.stream(new String[] {"en", "en-US", "en-GB",
      "zh", "zh-CN", "zh-TW", "zh-Hans-CN", "zh-Hant-TW", "zh-HK", "ja", "ja-JP", "ko-KR", "de-DE",
      "fr", "es-419", "pt-BR", "yue-HK", "en-US-u-ca-gregory"})
      .map(Locale::forLanguageTag).toArray(Locale[]::new);
  private static final String[] CATEGORIES = {"care", "delivery", "returns", "warranty",
      "wood.species", "faq", "installation", "billing", "repair_guide"};
  private static final String[] TAGS = {"红木", "紫檀", "黄花梨", "保养", "家具", "rosewood",
      "zitan", "oil", "humidity", "家具の手入れ", "원목 가구", "delivery", "FAQ"};
  private static final String[] SENTENCES = {"红木家具需要定期保养。", "请勿将紫檀家具放在阳光直射的地方。",
      "黄花梨的纹理非常美丽，适合收藏。", "送货时间为三到五个工作日。", "如有划痕，请联系我们的售后服务。",
      "木製家具は直射日光を避けてください。", "湿度は四十から六十パーセントに保ちます。",
      "원목 가구는 직사광선을 피하세요.", "Wipe the surface with a soft, dry cloth.",
      "Keep rosewood away from radiators and air conditioning.",
      "Apply a thin coat of beeswax twice a year.",
      "Deliveries take 3-5 working days; we call the day before.", "A 1.2 m 紫檀 table weighs 38.6 jin."};
  private static final String[] TITLES = {"如何保养红木家具", "紫檀与黄花梨的区别", "退换货政策",
      "木製家具のお手入れ方法", "원목 가구 관리", "How to care for rosewood furniture",
      "Delivery and installation", "Why does my table crack in winter?"};
  private static final Gen<String> TEXTS = WorkGenerators.texts(300);
  private static final Gen<String> NOTES = WorkGenerators.texts(500);
  private static final Gen<String> TAG_TEXTS = WorkGenerators.texts(64);

  private KnowledgeGenerators() {}

  /**
   * Returns locales with a language: English, Chinese (simplified and traditional, with scripts
   * and regions), Cantonese, Japanese, Korean, German, French, Spanish and Portuguese variants,
   * and one with a Unicode extension; each round-trips through its BCP 47 tag.
   */
  public static Gen<Locale> locales() {
    return in -> oneOf(in, LOCALES);
  }

  /**
   * Returns category codes: the usual ones ({@code care}, {@code delivery}, …) and others of 1 to
   * 64 lower-case letters, digits and {@code . _ -}, starting with a letter or digit.
   */
  public static Gen<String> categories() {
    return KnowledgeGenerators::category;
  }

  private static String category(RandomnessSource in) {
    if (chance(in, 70)) {
      return oneOf(in, CATEGORIES);
    }
    int length = chance(in, 80) ? 1 + pick(in, 12) : 1 + pick(in, 64);
    StringBuilder code = new StringBuilder(length);
    code.append(CODE_FIRST.charAt(pick(in, CODE_FIRST.length())));
    for (int i = 1; i < length; i++) {
      code.append(CODE_REST.charAt(pick(in, CODE_REST.length())));
    }
    return code.toString();
  }

  /** Returns feedback counts: none, a few, and now and then billions of votes. */
  public static Gen<ArticleFeedback> articleFeedback() {
    return KnowledgeGenerators::feedback;
  }

  private static ArticleFeedback feedback(RandomnessSource in) {
    if (chance(in, 20)) {
      return ArticleFeedback.NONE;
    }
    long bound = chance(in, 90) ? 500 : 5_000_000_000L;
    return new ArticleFeedback(pickLong(in, bound), pickLong(in, bound));
  }

  /**
   * Returns standalone article versions numbered from 1: titles and bodies in Chinese, Japanese,
   * Korean and Latin text (bodies now and then tens of thousands of characters), often with a note.
   */
  public static Gen<ArticleVersion> articleVersions() {
    return in -> version(in, 1 + pick(in, 20), instantsBetween(EARLIEST, LATEST).generate(in));
  }

  private static String body(RandomnessSource in) {
    StringBuilder body = new StringBuilder();
    int length = chance(in, 3) ? 20_000 + pick(in, 70_000) : 0;
    int sentences = 1 + pick(in, 12);
    for (int i = 0; i < sentences || body.length() < length; i++) {
      if (i > 0) {
        body.append(chance(in, 20) ? "\n\n" : " ");
      }
      body.append(chance(in, 75) ? oneOf(in, SENTENCES) : TEXTS.generate(in));
    }
    return body.toString();
  }

  private static ArticleVersion version(RandomnessSource in, int number, Instant at) {
    return new ArticleVersion(number, chance(in, 60) ? oneOf(in, TITLES) : TEXTS.generate(in),
        body(in), at, ActorId.parse("employee:E-" + pick(in, 40)),
        chance(in, 50) ? Option.of(NOTES.generate(in)) : Option.none());
  }

  /**
   * Returns articles of every status, as {@link #articles(ArticleStatus)} makes them; each status
   * comes up about as often as the others.
   */
  public static Gen<Article> articles() {
    return in -> article(in, oneOf(in, ArticleStatus.values()));
  }

  /**
   * Returns valid articles of one status: in a generated locale, sometimes a translation of
   * another article, in a category, with up to 6 tags (rarely 50) in any script; 1 to 6 versions
   * (rarely 30) numbered from 1, in time order from creation; published ones with their latest
   * version live, retired ones with none, drafts and articles in review with none or an earlier
   * version live (a published article being revised); and feedback.
   *
   * @param status the status
   * @return the generator
   * @throws NullPointerException if status is null
   */
  public static Gen<Article> articles(ArticleStatus status) {
    requireNonNull(status, "status");
    return in -> article(in, status);
  }

  private static Article article(RandomnessSource in, ArticleStatus status) {
    ArticleId id = chance(in, 70) ? ArticleId.parse("A-" + pick(in, 10_000))
        : ids(ArticleId.KIND).generate(in);
    Option<ArticleId> translationOf = Option.none();
    if (chance(in, 30)) {
      ArticleId original = ArticleId.parse("A-" + pick(in, 10_000));
      translationOf = Option.of(original.equals(id) ? ArticleId.parse("A-original") : original);
    }
    Set<String> tags = HashSet.empty();
    for (int i = chance(in, 3) ? 50 : pick(in, 7); i > 0; i--) {
      tags = tags.add(chance(in, 60) ? oneOf(in, TAGS) : TAG_TEXTS.generate(in));
    }
    Instant createdAt = instantsBetween(EARLIEST, LATEST).generate(in);
    Instant updatedAt = chance(in, 10) ? createdAt
        : createdAt.plus(Duration.ofSeconds(1 + pickLong(in, 400L * 86_400)));
    int count = chance(in, 3) ? 30 : 1 + pick(in, 6);
    Instant[] times = new Instant[count];
    times[0] = createdAt;
    long span = Duration.between(createdAt, updatedAt).getSeconds();
    for (int i = 1; i < count; i++) {
      times[i] = createdAt.plusSeconds(pickLong(in, span + 1));
    }
    Arrays.sort(times);
    Vector<ArticleVersion> versions = Vector.empty();
    for (int i = 0; i < count; i++) {
      versions = versions.append(version(in, i + 1, times[i]));
    }
    Option<Integer> live;
    switch (status) {
      case PUBLISHED:
        live = Option.of(count);
        break;
      case RETIRED:
        live = Option.none();
        break;
      default:
        live = count > 1 && chance(in, 50) ? Option.of(1 + pick(in, count - 1)) : Option.none();
    }
    return new Article(id, oneOf(in, LOCALES), translationOf, category(in), tags, status,
        versions, live, feedback(in), createdAt, ActorId.parse("employee:E-" + pick(in, 40)),
        updatedAt);
  }
}
