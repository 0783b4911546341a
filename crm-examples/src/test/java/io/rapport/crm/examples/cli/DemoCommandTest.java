package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int rapport(String... args) {
    CommandLine cli = RapportCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void pricesByWeightWhateverUnitTheScaleShows() {
    assertThat(rapport("demo")).isZero();
    // 38.6 jin x 1280.00 = 49408.00; 19.3 kg is the same 38.6 jin; 57 jin 3 liang = 57.3 jin.
    assertThat(out.toString())
        .contains("armchair  38.6 jin     -> CNY 49408.00")
        .contains("weighed as 19.3 kg -> CNY 49408.00")
        .contains("-> CNY 73344.00 (= 57.3 jin)")
        .contains("order total CNY 122752.00");
  }

  @Test
  void splitsPaymentsWithoutLosingACent() {
    rapport("demo");
    assertThat(out.toString())
        .contains("CNY 40917.34 + CNY 40917.33 + CNY 40917.33")
        // 3 % of 122752.00 = 3682.56, by 5:3:2 with the left-over cent to the largest remainder.
        .contains("CNY 1841.28 + CNY 1104.77 + CNY 736.51");
  }

  @Test
  void skipsTheHolidaysAndCountsTheMakeUpSaturday() {
    rapport("demo");
    // Wed 30 Sep 16:30 leaves 1.5 h; 1-7 Oct are closed; Thu 8 and Fri 9 give 7.5 h each;
    // the remaining 3.5 h end on the make-up Saturday 10 Oct at 14:00.
    assertThat(out.toString())
        .contains("opened Wed 2026-09-30 16:30")
        .contains("due Sat 2026-10-10 14:00")
        .contains("working time from opening to due: PT20H");
  }

  @Test
  void takesTheListPriceAsAnOption() {
    assertThat(rapport("demo", "--price-per-jin", "1000")).isZero();
    assertThat(out.toString()).contains("armchair  38.6 jin     -> CNY 38600.00");
  }

  @Test
  void reportsABadPriceAsAUsageErrorWithoutAStackTrace() {
    int status = rapport("demo", "--price-per-jin", "12.345");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("too_many_decimals").doesNotContain("\tat ");
  }

  @Test
  void printsUsageWithoutACommand() {
    assertThat(rapport()).isZero();
    assertThat(out.toString()).contains("Usage: rapport").contains("demo");
  }
}
