package io.rapport.crm.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

  @Test
  void keepsAShortBodyWhole() {
    assertThat(Snippets.excerpt("Wipe with a\n soft cloth.", 5)).isEqualTo("Wipe with a soft cloth.");
  }

  @Test
  void cutsALongBodyAtWordsAroundTheMatch() {
    String body = "word ".repeat(100) + "MATCH " + "word ".repeat(100);
    String snippet = Snippets.excerpt(body, body.indexOf("MATCH"));
    assertThat(snippet).startsWith("…word").endsWith("word…").contains("MATCH");
    assertThat(snippet.length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
    assertThat(snippet.indexOf("MATCH")).isBetween(Snippets.BEFORE - 10, Snippets.BEFORE + 1);
  }

  @Test
  void cutsTextWithoutSpacesByCharacters() {
    String body = "红木".repeat(200) + "暖气" + "家具".repeat(200);
    String snippet = Snippets.excerpt(body, 400);
    assertThat(snippet).startsWith("…").endsWith("…").contains("暖气");
    assertThat(snippet).hasSize(Snippets.LENGTH + 2);
  }

  @Test
  void neverSplitsASurrogatePair() {
    String body = "😀".repeat(300);
    String snippet = Snippets.excerpt(body, 201);
    assertThat(snippet.replace("…", "").codePoints().allMatch(c -> c == 0x1F600)).isTrue();
  }
}
