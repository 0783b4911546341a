package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {

  private final CliRun cli = new CliRun();

  @Test
  void scoresAHandMadeLogAsCountedByHand(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("rfm.csv");
    int status = cli.rapport("rfm", "--transactions", CliRun.resource("rfm.csv"), "--as-of",
        "2024-01-31", "--out", out.toString());
    assertThat(status).as(cli.err.toString()).isZero();
    // Five customers, so each score is 1 + (customers strictly worse). Recency in days from the
    // last purchase to 31 Jan: A 1, B 6, C 16, D 58, E 91; purchases A 3, B 1, C 2, D 4, E 1;
    // spend A 60, B 100, C 10, D 350, E 1. Segments by the standard map, first match.
    assertThat(Files.readAllLines(out)).containsExactlyInAnyOrder(
        "id,recency,frequency,monetary,r_score,f_score,m_score,segment",
        "A,1,3,60.00,5,4,3,loyal customers",
        "B,6,1,100.00,4,1,4,promising",
        "C,16,2,10.00,3,3,2,need attention",
        "D,58,4,350.00,2,5,5,at risk",
        "E,91,1,1.00,1,1,1,lost");
    assertThat(cli.out.toString()).contains("RFM as of 2024-01-31: 5 customers")
        .containsPattern("promising\\s+1\\s+20\\.0%")
        .containsPattern("champions\\s+0\\s+0\\.0%");
  }

  @Test
  void takesTheLastDayOfTheFileAndOtherColumnNames(@TempDir Path dir) {
    Path log = CliRun.write(dir, "orders.csv",
        "when,who,paid\n2024-03-01,x,10.00\n2024-03-05,y,20.00\n2024-03-09,x,5.50\n");
    int status = cli.rapport("rfm", "--transactions", log.toString(), "--customer-column", "who",
        "--date-column", "when", "--amount-column", "paid");
    assertThat(status).as(cli.err.toString()).isZero();
    // As of 9 March: x bought twice (15.50, last that day), y once 4 days earlier.
    assertThat(cli.out.toString()).contains("x,0,2,15.50,").contains("y,4,1,20.00,");
  }

  @Test
  void namesTheFileLineAndColumnOfABadAmount(@TempDir Path dir) {
    Path log = CliRun.write(dir, "log.csv",
        "customer_id,date,amount\nA,2024-01-10,30.00\nB,2024-01-11,12.345\n");
    assertThat(cli.rapport("rfm", "--transactions", log.toString())).isEqualTo(2);
    assertThat(cli.err.toString())
        .contains(log + ":3:14: '12.345' has more decimals than USD has")
        .doesNotContain("\tat ");
  }

  @Test
  void namesAMissingColumnOnTheHeaderLine(@TempDir Path dir) {
    Path log = CliRun.write(dir, "log.csv", "customer,date,amount\nA,2024-01-10,30.00\n");
    assertThat(cli.rapport("rfm", "--transactions", log.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).contains(log + ":1:1: no customer column");
  }

  @Test
  void namesABadCdnowLine(@TempDir Path dir) {
    Path log = CliRun.write(dir, "cdnow.txt",
        " 00001 19970101  1   11.77\r\n 00002 19970112  1   12.0O\r\n");
    assertThat(cli.rapport("rfm", "--transactions", log.toString())).isEqualTo(2);
    assertThat(cli.err.toString()).contains(log + ":2:22: '12.0O' is not an amount");
  }
}
