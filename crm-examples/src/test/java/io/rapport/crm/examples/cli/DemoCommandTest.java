package io.rapport.crm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.CrmStores;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.sales.Opportunity;
import io.rapport.crm.sales.OpportunityStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  private static final String CUSTOMERS = "60";
  private static final String SEED = "1";
  private static String story;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int rapport(String... args) {
    CommandLine cli = RapportCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Plays the story once, on the in-memory store, for the tests that only read the report. */
  @BeforeAll
  static void playTheStoryOnce() {
    DemoCommandTest run = new DemoCommandTest();
    assertThat(run.rapport("demo", "--seed", SEED, "--customers", CUSTOMERS)).isZero();
    assertThat(run.err.toString()).isEmpty();
    story = run.out.toString();
  }

  @Test
  void pricesByWeightWhateverUnitTheScaleShows() {
    // 38.6 jin x 1280.00 = 49408.00; 19.3 kg is the same 38.6 jin; 57 jin 3 liang = 57.3 jin.
    assertThat(story)
        .contains("armchair  38.6 jin     -> CNY 49408.00")
        .contains("weighed as 19.3 kg -> CNY 49408.00")
        .contains("-> CNY 73344.00 (= 57.3 jin)")
        .contains("order total CNY 122752.00");
  }

  @Test
  void splitsPaymentsWithoutLosingACent() {
    assertThat(story)
        .contains("CNY 40917.34 + CNY 40917.33 + CNY 40917.33")
        // 3 % of 122752.00 = 3682.56, by 5:3:2 with the left-over cent to the largest remainder.
        .contains("CNY 1841.28 + CNY 1104.77 + CNY 736.51");
  }

  @Test
  void skipsTheHolidaysAndCountsTheMakeUpSaturday() {
    // Wed 30 Sep 16:30 leaves 1.5 h; 1-7 Oct are closed; Thu 8 and Fri 9 give 7.5 h each;
    // the remaining 3.5 h end on the make-up Saturday 10 Oct at 14:00.
    assertThat(story)
        .contains("opened Wed 2026-09-30 16:30")
        .contains("due Sat 2026-10-10 14:00")
        .contains("working time from opening to due: PT20H");
  }

  @Test
  void takesTheListPriceAsAnOption() {
    assertThat(rapport("demo", "--price-per-jin", "1000", "--customers", "3")).isZero();
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

  @Test
  void printsEverySectionOfTheClosingReport() {
    assertThat(story).contains("4. Two years, 2025-01-01 to 2026-12-31",
        "5. Pipeline forecast", "6. Loyalty tiers", "7. Service under SLA", "8. NPS survey",
        "9. RFM segments", "10. Customer lifetime value");
    assertThat(story).doesNotContain("fit failed").doesNotContain("could not be computed");
  }

  @Test
  void everyCallOrVisitBringsALeadAndACustomer() {
    assertThat(count(story, "leads from calls and store visits")).isEqualTo(60);
    assertThat(count(story, "customers")).isEqualTo(60);
    int deals = count(story, "opportunities");
    assertThat(count(story, "won") + count(story, "lost") + count(story, "still open"))
        .isEqualTo(deals);
    assertThat(count(story, "purchases, 100 % prepaid")).isEqualTo(count(story, "won"));
    assertThat(count(story, "buyers")).isBetween(1, 60);
  }

  @Test
  void theTierDistributionAddsUpToTheMembersWhoAreTheBuyers() {
    int members = count(story, "all members");
    int tiers = count(story, "Member") + count(story, "Silver") + count(story, "Gold")
        + count(story, "Platinum");
    assertThat(tiers).isEqualTo(members);
    assertThat(members).isEqualTo(count(story, "buyers"));
  }

  @Test
  void slaAttainmentIsAShareOfTheTargetsMetOrMissed() {
    for (String target : List.of("first response", "resolution")) {
      Matcher row = Pattern.compile("(?m)^   " + target
          + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+) %$").matcher(story);
      assertThat(row.find()).as(target).isTrue();
      double met = Double.parseDouble(row.group(1));
      double missed = Double.parseDouble(row.group(2));
      double attainment = Double.parseDouble(row.group(4));
      assertThat(attainment).isBetween(0.0, 100.0)
          .isCloseTo(100 * met / (met + missed), org.assertj.core.data.Offset.offset(0.051));
    }
    assertThat(story).containsPattern("CSAT: \\d+ ratings, [\\d.]+ % satisfied");
  }

  @Test
  void theNpsLiesInItsIntervalAndCountsTheAnswers() {
    Matcher nps = Pattern.compile("NPS (-?[\\d.]+), 95% interval \\[(-?[\\d.]+), (-?[\\d.]+)\\]"
        + " \\((\\d+) of (\\d+) customers answered\\)").matcher(story);
    assertThat(nps.find()).isTrue();
    double score = Double.parseDouble(nps.group(1));
    assertThat(score).isBetween(Double.parseDouble(nps.group(2)),
        Double.parseDouble(nps.group(3)));
    int answered = Integer.parseInt(nps.group(4));
    assertThat(count(story, "promoters (9-10)") + count(story, "passives (7-8)")
        + count(story, "detractors (0-6)")).isEqualTo(answered);
    int promoters = count(story, "promoters (9-10)");
    int detractors = count(story, "detractors (0-6)");
    assertThat(score).isCloseTo(100.0 * (promoters - detractors) / answered,
        org.assertj.core.data.Offset.offset(0.051));
  }

  @Test
  void rfmSegmentsCoverEveryBuyerAndClvListsTopCustomers() {
    String rfm = story.substring(story.indexOf("9. RFM"), story.indexOf("10. Customer"));
    int segmented = Pattern.compile("(?m)^   [a-z' ]+?\\s+(\\d+)\\s+[\\d.]+ %$").matcher(rfm)
        .results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
    assertThat(segmented).isEqualTo(count(story, "buyers"));
    String clv = story.substring(story.indexOf("10. Customer"));
    List<Double> values = Pattern.compile("(?m)^\\s+\\d+  C-\\d{5} .* ([\\d.]+)$").matcher(clv)
        .results().map(m -> Double.parseDouble(m.group(1))).collect(Collectors.toList());
    assertThat(values).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(clv).contains("BG/NBD r=").contains("Gamma-Gamma p=");
  }

  @Test
  void theSameSeedTellsTheSameStoryAndAnotherSeedAnother() {
    assertThat(rapport("demo", "--seed", SEED, "--customers", CUSTOMERS)).isZero();
    String again = out.toString();
    DemoCommandTest other = new DemoCommandTest();
    assertThat(other.rapport("demo", "--seed", "2", "--customers", CUSTOMERS)).isZero();

    assertThat(again).isEqualTo(story);
    assertThat(other.out.toString()).isNotEqualTo(story);
  }

  @Test
  void anH2DatabaseTellsTheSameStoryAndHoldsWhatTheReportSays(@TempDir Path dir) {
    Path db = dir.resolve("rapport");

    assertThat(rapport("demo", "--seed", SEED, "--customers", CUSTOMERS, "--store",
        "h2:" + db)).isZero();

    assertThat(out.toString()).isEqualTo(story);
    assertThat(err.toString()).isEmpty();
    try (CrmStore store = CrmStores.open("jdbc", Map.of("url", "jdbc:h2:file:" + db))) {
      List<Opportunity> deals = all(store.streamAll(OpportunityRepository.TYPE));
      BigDecimal weighted = BigDecimal.ZERO;
      for (Opportunity deal : deals) {
        if (deal.status() == OpportunityStatus.OPEN) {
          weighted = weighted.add(deal.amount().get().amount()
              .multiply(deal.probability().fraction()));
        }
      }
      Money forecast = Money.of(weighted.setScale(2, RoundingMode.HALF_EVEN),
          Currency.getInstance("CNY"));
      assertThat(story).contains("weighted forecast " + forecast);
      assertThat(all(store.streamAll(CustomerRepository.TYPE))).hasSize(60);
      assertThat(all(store.streamAll(PurchaseRepository.TYPE)))
          .hasSize(count(story, "purchases, 100 % prepaid"))
          .allSatisfy(p -> assertThat(p.balanceDue().isZero()).isTrue());
      assertThat(all(store.streamAll(LoyaltyAccountRepository.TYPE)))
          .hasSize(count(story, "all members"));
    }
  }

  @Test
  void refusesADatabaseThatAlreadyHoldsAStory(@TempDir Path dir) {
    String path = "h2:" + dir.resolve("twice");
    assertThat(rapport("demo", "--customers", "2", "--store", path)).isZero();

    int again = rapport("demo", "--customers", "2", "--store", path);

    assertThat(again).isEqualTo(2);
    assertThat(err.toString()).contains("already holds records").doesNotContain("\tat ");
  }

  @Test
  void refusesAnUnknownStoreOrCustomerCount() {
    assertThat(rapport("demo", "--store", "postgres")).isEqualTo(2);
    assertThat(rapport("demo", "--customers", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--store: give 'memory' or 'h2:PATH'")
        .contains("--customers: give 1 to 100000");
  }

  private static <A> List<A> all(Stream<Versioned<A>> stream) {
    try (stream) {
      return stream.map(Versioned::value).collect(Collectors.toList());
    }
  }

  /** Reads the number after a label at the start of a table row. */
  private static int count(String text, String label) {
    Matcher row = Pattern.compile("(?m)^   \\s*" + Pattern.quote(label) + "\\s+(\\d+)(\\s|$)")
        .matcher(text);
    assertThat(row.find()).as("a row '" + label + "'").isTrue();
    return Integer.parseInt(row.group(1));
  }
}
