package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

  @Test
  void computesTheTextbookJaroWinklerValues() {
    assertThat(NameSimilarity.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.0005));
    assertThat(NameSimilarity.jaroWinkler("DWAYNE", "DUANE")).isCloseTo(0.840, within(0.0005));
    assertThat(NameSimilarity.jaroWinkler("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.0005));
    assertThat(NameSimilarity.jaroWinkler("JELLYFISH", "SMELLYFISH")).isCloseTo(0.896, within(0.0005));
  }

  @Test
  void comparesCodePointsExactlyAsGiven() {
    assertThat(NameSimilarity.jaroWinkler("abc", "abc")).isEqualTo(1.0);
    assertThat(NameSimilarity.jaroWinkler("", "")).isEqualTo(1.0);
    assertThat(NameSimilarity.jaroWinkler("abc", "")).isEqualTo(0.0);
    assertThat(NameSimilarity.jaroWinkler("abc", "xyz")).isEqualTo(0.0);
    assertThat(NameSimilarity.jaroWinkler("abc", "ABC")).isEqualTo(0.0);
    // A character outside the Basic Multilingual Plane is one code point, not two chars.
    assertThat(NameSimilarity.jaroWinkler("𠮷田", "吉田")).isCloseTo(2.0 / 3.0, within(1e-9));
  }

  @Test
  void foldsWidthCaseAccentsAndPunctuation() {
    assertThat(NameSimilarity.normalise("Ｊｏｈｎ　ＳＭＩＴＨ")).isEqualTo("john smith");
    assertThat(NameSimilarity.normalise("  Smith,   José ")).isEqualTo("smith jose");
    assertThat(NameSimilarity.normalise("Müller-Lüdenscheidt")).isEqualTo("muller ludenscheidt");
    assertThat(NameSimilarity.normalise("Straße Ærø Łódź")).isEqualTo("strasse aero lodz");
    assertThat(NameSimilarity.normalise("O'Brien O’Neil")).isEqualTo("obrien oneil");
    assertThat(NameSimilarity.normalise("e\u0301milie")).isEqualTo("emilie");
    assertThat(NameSimilarity.normalise("!!!")).isEmpty();
  }

  @Test
  void keepsChineseJapaneseAndKoreanCharactersAsTheyAre() {
    assertThat(NameSimilarity.normalise("王 小明")).isEqualTo("王 小明");
    assertThat(NameSimilarity.normalise("阿卜杜·热合曼")).isEqualTo("阿卜杜 热合曼");
    assertThat(NameSimilarity.normalise("ジョン・スミス")).isEqualTo("ジョン スミス");
    // Voicing marks stay: ガ is not カ. Half-width katakana become full-width.
    assertThat(NameSimilarity.normalise("ガ")).isEqualTo("ガ");
    assertThat(NameSimilarity.normalise("ﾔﾏﾀﾞ")).isEqualTo("ヤマダ");
    assertThat(NameSimilarity.normalise("김민수")).isEqualTo("김민수");
  }

  @Test
  void ignoresWordOrderCaseWidthAndAccentsInLatinNames() {
    assertThat(NameSimilarity.similarity("Smith, John", "John Smith")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("JOHN SMITH", "john smith")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("José García", "Jose Garcia")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("Jean-Luc Picard", "Jean Luc Picard")).isEqualTo(1.0);
  }

  @Test
  void toleratesTyposAndTransliteratedUmlauts() {
    assertThat(NameSimilarity.similarity("Jon Smith", "John Smith")).isGreaterThan(0.95);
    assertThat(NameSimilarity.similarity("Smith, Jonathan", "Johnathan Smith")).isGreaterThan(0.9);
    assertThat(NameSimilarity.similarity("Katherine Jones", "Catherine Jones")).isGreaterThan(0.9);
    assertThat(NameSimilarity.similarity("Müller", "Mueller")).isCloseTo(0.918, within(0.001));
    assertThat(NameSimilarity.similarity("Jane Smith", "John Smith")).isLessThan(0.9);
    assertThat(NameSimilarity.similarity("Smith", "John Smith")).isLessThan(0.5);
  }

  @Test
  void scoresChineseNamesCodePointByCodePoint() {
    double typo = NameSimilarity.similarity("王小明", "王晓明");
    assertThat(typo).isCloseTo(0.92, within(0.001)).isLessThan(1.0);
    assertThat(NameSimilarity.similarity("王 小明", "王小明")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("阿卜杜·热合曼", "阿卜杜 热合曼")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("阿卜杜·热合曼", "阿卜杜热合曼")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("欧阳小明", "欧阳晓明")).isGreaterThan(typo);
    // A different family name, or a family name alone, is far weaker.
    assertThat(NameSimilarity.similarity("张小明", "王小明")).isLessThan(0.8);
    assertThat(NameSimilarity.similarity("王", "王小明")).isLessThan(0.4);
    assertThat(NameSimilarity.similarity("王伟", "王玮")).isCloseTo(0.88, within(0.001));
  }

  @Test
  void comparesJapaneseAndKoreanNamesTheSameWay() {
    assertThat(NameSimilarity.similarity("山田 太郎", "山田太郎")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ・タロウ")).isEqualTo(1.0);
    assertThat(NameSimilarity.similarity("김민수", "김민준")).isBetween(0.9, 0.95);
  }

  @Test
  void givesNothingForNamesInDifferentScriptsOrWithoutLetters() {
    assertThat(NameSimilarity.similarity("王小明", "Wang Xiaoming")).isEqualTo(0.0);
    assertThat(NameSimilarity.similarity("...", "...")).isEqualTo(0.0);
    assertThat(NameSimilarity.similarity("", "John")).isEqualTo(0.0);
  }

  @Test
  void rejectsNullNames() {
    assertThatThrownBy(() -> NameSimilarity.similarity(null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("nameA");
    assertThatThrownBy(() -> NameSimilarity.normalise(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
