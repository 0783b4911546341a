package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {

  private final CliRun cli = new CliRun();

  @Test
  void fitsBgNbdOnTheCdnowSummaryToThePublishedParameters() {
    int status = cli.rapport("clv", "fit", "--summary",
        CliRun.resource("cdnow_customers_summary.csv"), "--model", "bgnbd", "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode json = cli.json();
    // Fader, Hardie and Lee (2005): r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4.
    assertThat(json.get("model").asText()).isEqualTo("bgnbd");
    assertThat(json.get("params").get("r").asDouble()).isCloseTo(0.243, within(0.0005));
    assertThat(json.get("params").get("alpha").asDouble()).isCloseTo(4.414, within(0.0015));
    assertThat(json.get("params").get("a").asDouble()).isCloseTo(0.793, within(0.0015));
    assertThat(json.get("params").get("b").asDouble()).isCloseTo(2.426, within(0.0025));
    assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.1));
    assertThat(json.get("standardErrors").get("r").asDouble()).isBetween(0.001, 0.1);
    assertThat(json.get("customers").asInt()).isEqualTo(2357);
  }

  @Test
  void fitsGammaGammaOnTheRepeatBuyersOfTheCdnowSummary() {
    int status = cli.rapport("clv", "fit", "--summary",
        CliRun.resource("cdnow_customers_summary_with_transactions.csv"), "--model", "gg",
        "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode params = cli.json().get("params");
    // Fader and Hardie (2013): p 6.25, q 3.74, v 15.44, on the 946 repeat buyers.
    assertThat(params.get("p").asDouble()).isCloseTo(6.25, within(0.005));
    assertThat(params.get("q").asDouble()).isCloseTo(3.74, within(0.005));
    assertThat(params.get("v").asDouble()).isCloseTo(15.44, within(0.01));
    assertThat(cli.json().get("customers").asInt()).isEqualTo(946);
  }

  @Test
  void fitsBgBbOnTheDonationPatterns() {
    int status = cli.rapport("clv", "fit", "--summary", CliRun.resource("donations.csv"),
        "--model", "bgbb", "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode json = cli.json();
    // Fader, Hardie and Shang (2010): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783.
    assertThat(json.get("params").get("alpha").asDouble()).isCloseTo(1.204, within(0.0015));
    assertThat(json.get("params").get("delta").asDouble()).isCloseTo(2.783, within(0.0025));
    assertThat(json.get("customers").asInt()).isEqualTo(11_104);
  }

  @Test
  void summarisesTheCdnowSampleLogAtTheCalibrationEndLikeThePublishedSummary() {
    int status = cli.rapport("clv", "fit", "--transactions", CliRun.resource("CDNOW_sample.txt"),
        "--time-unit", "weeks", "--calibration-end", "1997-09-30", "--model", "pnbd",
        "--format", "json");
    assertThat(status).as(cli.err.toString()).isZero();
    JsonNode json = cli.json();
    // Pareto/NBD on CDNOW (Fader, Hardie and Lee 2005): r 0.55, alpha 10.58, s 0.61, beta 11.67.
    assertThat(json.get("customers").asInt()).isEqualTo(2357);
    assertThat(json.get("params").get("r").asDouble()).isCloseTo(0.55, within(0.01));
    assertThat(json.get("params").get("alpha").asDouble()).isCloseTo(10.58, within(0.1));
    assertThat(json.get("params").get("s").asDouble()).isCloseTo(0.61, within(0.02));
    assertThat(json.get("params").get("beta").asDouble()).isCloseTo(11.67, within(0.3));
  }

  @Test
  void printsATableWithEveryParameter() {
    cli.rapport("clv", "fit", "--summary", CliRun.resource("cdnow_customers_summary.csv"),
        "--model", "mbgnbd");
    assertThat(cli.out.toString())
        .contains("MBG/NBD (mbgnbd) fitted on 2357 customers")
        .containsPattern("(?m)^r\\s+0\\.\\d{4}\\s+0\\.\\d{4}$")
        .containsPattern("(?m)^alpha\\s+\\d+\\.\\d{4}")
        .containsPattern("(?m)^b\\s+\\d+\\.\\d{4}");
  }

  @Test
  void readsTheCdnowMasterLogFormat() {
    int status = cli.rapport("clv", "fit", "--transactions",
        CliRun.resource("CDNOW_master_head.txt"), "--time-unit", "days", "--model", "bgnbd",
        "--format", "json");
    // The header and first 29 rows of the master log: every customer in them is read.
    assertThat(status).as(cli.err.toString()).isZero();
    assertThat(cli.json().get("customers").asInt()).isEqualTo(distinctCustomers()).isEqualTo(8);
  }

  private static int distinctCustomers() {
    try {
      return (int) Files.readAllLines(Path.of(CliRun.resource("CDNOW_master_head.txt"))).stream()
          .skip(1).map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0])
          .distinct().count();
    } catch (java.io.IOException failure) {
      throw new AssertionError(failure);
    }
  }

  @Test
  void predictsClvPerCustomerIntoACsv(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("clv.csv");
    int status = cli.rapport("clv", "predict", "--summary",
        CliRun.resource("cdnow_customers_summary_with_transactions.csv"), "--model", "bgnbd",
        "--horizon", "12", "--period-length", "4.348", "--discount-rate", "0.01",
        "--out", out.toString());
    assertThat(status).as(cli.err.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2358);
    assertThat(lines.get(0)).isEqualTo("id,p_alive,expected_purchases,expected_avg_spend,clv");
    // Customer 1: x 2, t_x 30.43, T 38.86, zbar 22.35; Gamma-Gamma expects 24.66 a purchase.
    String[] first = lines.get(1).split(",");
    assertThat(first[0]).isEqualTo("1");
    assertThat(Double.parseDouble(first[1])).isBetween(0.0, 1.0);
    assertThat(Double.parseDouble(first[3])).isCloseTo(24.66, within(0.02));
    double clv = Double.parseDouble(first[4]);
    double purchases = Double.parseDouble(first[2]);
    // Discounting at 1 % a month keeps the CLV a little under purchases x spend.
    assertThat(clv).isLessThan(purchases * Double.parseDouble(first[3]))
        .isGreaterThan(0.9 * purchases * Double.parseDouble(first[3]));
    assertThat(cli.out.toString()).contains("wrote 2357 customers to " + out);
  }

  @Test
  void predictNeedsMonetaryValues() {
    int status = cli.rapport("clv", "predict", "--summary",
        CliRun.resource("cdnow_customers_summary.csv"), "--horizon", "12");
    assertThat(status).isEqualTo(2);
    assertThat(cli.err.toString()).contains("predict needs monetary values");
  }

  @Test
  void namesTheFileLineAndColumnOfABadSummaryField(@TempDir Path dir) {
    Path summary = CliRun.write(dir, "summary.csv",
        "id,frequency,recency,T\n1,2,30.43,38.86\n2,1,1.7x,38.86\n");
    int status = cli.rapport("clv", "fit", "--summary", summary.toString(), "--model", "bgnbd");
    assertThat(status).isEqualTo(2);
    assertThat(cli.err.toString()).contains(summary + ":3:5: '1.7x' is not a number")
        .doesNotContain("\tat ");
  }

  @Test
  void namesTheLineAndColumnOfASummaryRowThatBreaksAnInvariant(@TempDir Path dir) {
    Path summary = CliRun.write(dir, "summary.csv", "id,frequency,recency,T\n1,2,40,38.86\n");
    assertThat(cli.rapport("clv", "fit", "--summary", summary.toString(), "--model", "bgnbd"))
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains(summary + ":2:5: value.summary.recency_invalid");
  }

  @Test
  void namesTheFileLineAndColumnOfABadTransactionDate(@TempDir Path dir) {
    Path log = CliRun.write(dir, "log.csv",
        "customer_id,date,amount\nA,2024-01-10,30.00\nB,2024-13-01,5.00\n");
    assertThat(cli.rapport("clv", "fit", "--transactions", log.toString(), "--model", "bgnbd"))
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains(log + ":3:3: '2024-13-01' is not a date");
  }

  @Test
  void refusesAnUnknownModelAMissingFileAndBothSourcesAsUsageErrors() {
    assertThat(cli.rapport("clv", "fit", "--summary",
        CliRun.resource("cdnow_customers_summary.csv"), "--model", "bgx")).isEqualTo(2);
    assertThat(cli.err.toString()).contains("--model").contains("bgx");
    assertThat(cli.rapport("clv", "fit", "--summary", "no/such/file.csv", "--model", "bgnbd"))
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains("cannot read file 'no/such/file.csv'");
    assertThat(cli.rapport("clv", "fit", "--summary", "a.csv", "--transactions", "b.csv",
        "--model", "bgnbd")).isEqualTo(2);
    assertThat(cli.err.toString()).contains("mutually exclusive");
    assertThat(cli.rapport("clv", "fit", "--summary",
        CliRun.resource("cdnow_customers_summary.csv"), "--model", "bgnbd", "--time-unit",
        "months")).isEqualTo(2);
    assertThat(cli.err.toString()).contains("expected days or weeks");
  }
}
