package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuoteCommandTest {

  private final CliRun cli = new CliRun();

  @Test
  void quotesTheCartWithEveryAppliedAndSkippedRule() {
    int status = cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--rules", CliRun.resource("rules.json"), "--cart", CliRun.resource("cart.json"),
        "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode json = cli.json();
    // Chair 38.6 jin x 1280.00 = 49408.00, 10 % off = -4940.80; two stools at 450.00 = 900.00.
    JsonNode chair = json.get("lines").get(0);
    assertThat(chair.get("baseAmount").asText()).isEqualTo("49408.000");
    assertThat(chair.get("adjustments").get(0).get("rule").asText()).isEqualTo("autumn-chairs");
    assertThat(chair.get("roundedAmount").asText()).isEqualTo("44467.20");
    assertThat(json.get("lines").get(1).get("roundedAmount").asText()).isEqualTo("900.00");
    assertThat(json.get("applied").get(0).get("rule").asText()).isEqualTo("autumn-chairs");
    assertThat(json.get("skipped").get(0).get("rule").asText()).isEqualTo("vip-coupon");
    assertThat(json.get("skipped").get(0).get("code").asText())
        .isEqualTo("pricing.rule.condition_failed");
    assertThat(json.get("total").asText()).isEqualTo("45367.20");
  }

  @Test
  void showsListPricesOnlyWithoutRules() {
    assertThat(cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--cart", CliRun.resource("cart.json"))).isZero();
    assertThat(cli.out.toString())
        .contains("line L1: PRD-chair x 38.6 jin at CNY 1280.00/jin")
        .contains("Rules applied: none")
        .contains("total       CNY 50308.00");
  }

  @Test
  void printsTheRulesInTheTable() {
    cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"), "--rules",
        CliRun.resource("rules.json"), "--cart", CliRun.resource("cart.json"));
    assertThat(cli.out.toString())
        .containsPattern("applied autumn-chairs\\s+-4940\\.8")
        .containsPattern("vip-coupon\\s+pricing\\.rule\\.condition_failed")
        .contains("total       CNY 45367.20");
  }

  @Test
  void refusesACartWithAnUnpricedProductWithExitOne(@TempDir Path dir) {
    Path cart = CliRun.write(dir, "cart.json", "{\"currency\":\"CNY\",\"channel\":\"store\","
        + "\"at\":\"2026-11-11T02:00:00Z\",\"lines\":[{\"id\":\"L1\",\"product\":\"PRD-desk\","
        + "\"quantity\":{\"amount\":\"1\",\"unit\":\"pc\"}}]}");
    assertThat(cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--cart", cart.toString())).isEqualTo(1);
    assertThat(cli.err.toString()).contains("cart refused: line L1:")
        .contains("pricing.price.not_found");
  }

  @Test
  void namesTheLineAndColumnOfABadCartQuantity(@TempDir Path dir) {
    Path cart = CliRun.write(dir, "cart.json", "{\"currency\":\"CNY\",\"channel\":\"store\",\n"
        + "\"at\":\"2026-11-11T02:00:00Z\",\n\"lines\":[\n"
        + "  {\"id\":\"L1\",\"product\":\"PRD-chair\",\"quantity\":{\"amount\":\"1\",\"unit\":\"stone\"}}]}");
    assertThat(cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--cart", cart.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).contains(cart + ":4:").doesNotContain("\tat ");
  }

  @Test
  void namesTheLineAndColumnOfMalformedJson(@TempDir Path dir) {
    Path cart = CliRun.write(dir, "cart.json", "{\"currency\":\"CNY\",\n  \"channel\" \"store\"}");
    assertThat(cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--cart", cart.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).contains(cart + ":2:13: malformed JSON");
  }

  @Test
  void namesTheLineAndColumnOfABadPriceBookEntry(@TempDir Path dir) {
    Path book = CliRun.write(dir, "book.json", "{\"schemaVersion\":1,\"type\":\"price_book\","
        + "\"data\":{\n\"id\":\"PB-1\",\"name\":\"Book\",\"currency\":\"CNY\",\n\"entries\":[\n"
        + "{\"code\":\"chair\",\"target\":{\"kind\":\"product\",\"product\":\"PRD-chair\"},\n"
        + " \"list\":{\"amount\":\"100.00\",\"currency\":\"CNY\",\"unit\":\"jin\"},\n"
        + " \"sale\":{\"amount\":\"120.00\",\"currency\":\"CNY\",\"unit\":\"jin\"}}],\n"
        + "\"updatedAt\":\"2026-09-01T02:00:00Z\"}}");
    assertThat(cli.rapport("quote", "--price-book", book.toString(), "--cart",
        CliRun.resource("cart.json"))).isEqualTo(2);
    // The sale price above the list price is on line 6, where "sale" starts.
    assertThat(cli.err.toString()).contains(book + ":6:").doesNotContain("\tat ");
  }

  @Test
  void refusesAMissingCartFileAsAUsageError() {
    assertThat(cli.rapport("quote", "--price-book", CliRun.resource("price-book.json"),
        "--cart", "missing.json")).isEqualTo(2);
    assertThat(cli.err.toString()).contains("--cart: cannot read file 'missing.json'");
  }
}
