package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.pick;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.PatternCounts;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.util.Currency;
import org.quicktheories.core.Gen;

/**
 * Generates the inputs of the customer-value laws: customer summaries in weeks, CLV options,
 * Gamma-Gamma spend models, BG/BB patterns, lists of CLVs with ties, per-period margins and
 * discount rates. Every value is valid; shrinking goes towards small numbers.
 */
public final class ClvGenerators {

  private ClvGenerators() {}

  /**
   * Generates customer summaries: 0 to 60 repeat purchases over an age of up to 78 weeks, a
   * recency inside it, an average repeat spend of up to 500 (0 without repeats).
   *
   * @return the generator
   */
  public static Gen<CustomerSummary> summaries() {
    return in -> {
      int x = chance(in, 30) ? 0 : 1 + pick(in, 60);
      double age = pick(in, 7801) / 100.0;
      double recency = x == 0 ? 0 : age * pick(in, 101) / 100.0;
      double spend = x == 0 ? 0 : pick(in, 50_001) / 100.0;
      return new CustomerSummary("c" + pick(in, 1_000_000), x, recency, age, spend,
          spend * (x + 1));
    };
  }

  /**
   * Generates CLV options: 1 to 36 periods of 0.5 to 13 units, a discount rate per period from 0
   * to 5 %, a margin from 0 to 1.
   *
   * @return the generator
   */
  public static Gen<ClvOptions> options() {
    return in -> new ClvOptions(1 + pick(in, 36), 0.5 + pick(in, 126) / 10.0,
        pick(in, 501) / 10_000.0, pick(in, 101) / 100.0);
  }

  /**
   * Generates Gamma-Gamma models with a finite mean ({@code q > 1}).
   *
   * @return the generator
   */
  public static Gen<GammaGamma> gammaGammas() {
    return in -> new GammaGamma(0.5 + pick(in, 200) / 10.0, 1.1 + pick(in, 100) / 10.0,
        1 + pick(in, 500) / 10.0);
  }

  /**
   * Generates one valid BG/BB pattern with up to {@code 20} opportunities.
   *
   * @return the generator
   */
  public static Gen<PatternCounts.Pattern> patterns() {
    return in -> {
      int n = 1 + pick(in, 20);
      int tx = pick(in, n + 1);
      int x = tx == 0 ? 0 : 1 + pick(in, tx);
      return new PatternCounts.Pattern(x, tx, n, 1 + pick(in, 1000));
    };
  }

  /**
   * Generates lists of 0 to 300 CLVs with many ties (values drawn from a small range, a few
   * negative).
   *
   * @return the generator
   */
  public static Gen<Seq<Double>> clvLists() {
    return in -> {
      int size = pick(in, 301);
      int range = 1 + pick(in, 200);
      Vector<Double> values = Vector.empty();
      for (int i = 0; i < size; i++) {
        values = values.append((pick(in, range) - range / 20) * 2.5);
      }
      return values;
    };
  }

  /**
   * Generates 1 to 24 non-negative per-period margins in a currency.
   *
   * @param currency the currency
   * @return the generator
   */
  public static Gen<Seq<Money>> margins(Currency currency) {
    return in -> {
      int size = 1 + pick(in, 24);
      Vector<Money> values = Vector.empty();
      for (int i = 0; i < size; i++) {
        values = values.append(Money.ofMinor(pick(in, 1_000_000), currency));
      }
      return values;
    };
  }

  /**
   * Generates discount rates per period from 0 to 0.5 in steps of 0.0001.
   *
   * @return the generator
   */
  public static Gen<BigDecimal> discountRates() {
    return in -> BigDecimal.valueOf(pick(in, 5001), 4);
  }
}
