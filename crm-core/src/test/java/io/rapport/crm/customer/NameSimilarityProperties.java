package io.rapport.crm.customer;

import static io.rapport.crm.customer.DuplicatePropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class NameSimilarityProperties {

  /** Short strings over a small alphabet, so that strings often share letters. */
  static final Gen<String> SMALL = strings().betweenCodePoints('a', 'f').ofLengthBetween(0, 12);

  /** Any code points at all, including supplementary ones and marks. */
  static final Gen<String> ANY = strings().allPossible().ofLengthBetween(0, 10);

  static final Gen<String> LATIN_NAMES = lists()
      .of(strings().betweenCodePoints('a', 'g').ofLengthBetween(1, 8)).ofSizeBetween(1, 3)
      .map(words -> String.join(" ", words));

  static final Gen<String> CJK_NAMES = lists()
      .of(arbitrary().pick(java.util.List.of("王", "李", "张", "小", "晓", "明", "红", "伟", "欧", "阳")))
      .ofSizeBetween(1, 4).map(chars -> String.join("", chars));

  static final Gen<String> NAMES = LATIN_NAMES.mix(CJK_NAMES, 30).mix(ANY, 10);

  @Test
  void jaroWinklerIsSymmetricAndWithinZeroAndOne() {
    qt().forAll(SMALL.mix(ANY, 30), SMALL.mix(ANY, 30)).checkAssert((a, b) -> {
      double ab = NameSimilarity.jaroWinkler(a, b);
      assertThat(ab).as("%s ~ %s", a, b).isBetween(0.0, 1.0)
          .isCloseTo(NameSimilarity.jaroWinkler(b, a), within(1e-12));
    });
  }

  @Test
  void jaroWinklerIsOneExactlyForEqualStrings() {
    qt().forAll(SMALL, SMALL).checkAssert((a, b) -> {
      assertThat(NameSimilarity.jaroWinkler(a, a)).isEqualTo(1.0);
      assertThat(NameSimilarity.jaroWinkler(a, b) == 1.0).as("%s ~ %s", a, b)
          .isEqualTo(a.equals(b));
    });
  }

  @Test
  void aCommonPrefixNeverLowersTheScore() {
    qt().forAll(SMALL, SMALL).checkAssert((a, b) -> {
      double jaroLike = NameSimilarity.jaroWinkler("x" + a, "y" + b);
      assertThat(NameSimilarity.jaroWinkler("z" + a, "z" + b)).as("%s ~ %s", a, b)
          .isGreaterThanOrEqualTo(jaroLike - 1e-12);
    });
  }

  @Test
  void similarityIsSymmetricAndWithinZeroAndOne() {
    qt().forAll(NAMES, NAMES).checkAssert((a, b) -> {
      double ab = NameSimilarity.similarity(a, b);
      assertThat(ab).as("%s ~ %s", a, b).isBetween(0.0, 1.0)
          .isCloseTo(NameSimilarity.similarity(b, a), within(1e-12));
    });
  }

  @Test
  void normalisingTwiceChangesNothing() {
    qt().forAll(NAMES).checkAssert(name -> {
      String once = NameSimilarity.normalise(name);
      assertThat(NameSimilarity.normalise(once)).as(name).isEqualTo(once);
    });
  }

  @Test
  void aNameMatchesItselfReorderedAndRecased() {
    qt().forAll(LATIN_NAMES).checkAssert(name -> {
      String[] words = name.split(" ");
      java.util.Collections.reverse(java.util.Arrays.asList(words));
      String reordered = String.join(", ", words).toUpperCase(Locale.ROOT);
      assertThat(NameSimilarity.similarity(reordered, name)).as(reordered).isEqualTo(1.0);
    });
  }

  @Test
  void caseAndWidthNeverChangeTheScoreAgainstAnyName() {
    qt().forAll(LATIN_NAMES, NAMES).checkAssert((name, other) -> {
      StringBuilder fullWidth = new StringBuilder();
      name.toUpperCase(Locale.ROOT).codePoints()
          .forEach(cp -> fullWidth.appendCodePoint(cp == ' ' ? 0x3000 : cp - 'A' + 'Ａ'));
      assertThat(NameSimilarity.similarity(fullWidth.toString(), other))
          .as("%s ~ %s", fullWidth, other)
          .isEqualTo(NameSimilarity.similarity(name, other));
    });
  }
}
