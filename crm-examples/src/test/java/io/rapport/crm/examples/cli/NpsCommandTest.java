package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpsCommandTest {

  private final CliRun cli = new CliRun();

  @Test
  void countsPromotersPassivesAndDetractorsByHand() {
    int status = cli.rapport("nps", "--responses", CliRun.resource("nps.csv"), "--column",
        "likely_to_recommend", "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode json = cli.json();
    // 10 9 9 10 promote, 8 7 are passive, 6 3 0 detract, one blank is left out: (4 - 3) / 9.
    assertThat(json.get("n").asInt()).isEqualTo(9);
    assertThat(json.get("promoters").asInt()).isEqualTo(4);
    assertThat(json.get("passives").asInt()).isEqualTo(2);
    assertThat(json.get("detractors").asInt()).isEqualTo(3);
    assertThat(json.get("nps").asDouble()).isCloseTo(11.111, within(0.001));
    // Adjusted Wald: p = 4.75/12, d = 3.75/12, se = 100 sqrt((p + d - (p - d)^2) / 12) = 24.176,
    // margin 1.96 se = 47.385 around the adjusted 8.333.
    assertThat(json.get("marginOfError").asDouble()).isCloseTo(47.385, within(0.01));
    assertThat(json.get("ci95").get(0).asDouble()).isCloseTo(8.333 - 47.385, within(0.01));
    assertThat(json.get("ci95").get(1).asDouble()).isCloseTo(8.333 + 47.385, within(0.01));
  }

  @Test
  void countsNonAnswersAsPassivesWhenAsked() {
    cli.rapport("nps", "--responses", CliRun.resource("nps.csv"), "--column",
        "likely_to_recommend", "--non-answers", "passive", "--format", "json");
    JsonNode json = cli.json();
    assertThat(json.get("n").asInt()).isEqualTo(10);
    assertThat(json.get("passives").asInt()).isEqualTo(3);
    assertThat(json.get("nps").asDouble()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void printsATable(@TempDir Path dir) {
    Path file = CliRun.write(dir, "scores.csv", "score\n10\n10\n9\n0\n");
    assertThat(cli.rapport("nps", "--responses", file.toString())).isZero();
    assertThat(cli.out.toString()).startsWith("NPS 50.0 (95% CI")
        .containsPattern("promoters\\s+3\\s+75\\.0%")
        .containsPattern("detractors\\s+1\\s+25\\.0%");
  }

  @Test
  void namesTheFileLineAndColumnOfAScoreOffTheScale(@TempDir Path dir) {
    Path file = CliRun.write(dir, "answers.csv", "id,score\na,9\nb,10\nc,11\n");
    assertThat(cli.rapport("nps", "--responses", file.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).contains(file + ":4:3: '11' is not a score from 0 to 10")
        .doesNotContain("\tat ");
  }

  @Test
  void namesAMissingColumn() {
    assertThat(cli.rapport("nps", "--responses", CliRun.resource("nps.csv"))).isEqualTo(2);
    assertThat(cli.err.toString()).contains("nps.csv:1:1: no score column");
  }
}
