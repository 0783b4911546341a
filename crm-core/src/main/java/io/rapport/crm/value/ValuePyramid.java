package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Sorts a customer base into value tiers by CLV rank (the VIP pyramid, by default the top 1 %,
 * the next 4 %, the next 15 % and the rest) and reports per tier the number of customers, their
 * CLV and their share of the customer equity. Immutable and thread-safe.
 *
 * <p>Rule: a customer's rank is the number of customers with a strictly higher CLV; tier
 * {@code k} takes the customers whose rank is below {@code ⌈(s_1 + … + s_k)·N⌉}, where
 * {@code s_j} are the tiers' shares of the {@code N} customers, and the last tier takes the rest.
 * So every customer is in exactly one tier, equal CLVs always share a tier (the higher one: a tier
 * can hold more than its share when there are ties at its edge), a non-empty base always has at
 * least one customer in the top tier, and the result does not depend on the order of the input.
 * When the equity is 0, every share is 0.
 */
public final class ValuePyramid {

  /**
   * Names the tiers and gives each but the last its share of the customers. Immutable and
   * thread-safe.
   *
   * @param names the tier names, best first, distinct and not blank; one more than the shares
   * @param shares each tier's share of the customers, in (0, 1), summing to at most 1; the last
   *     tier takes the rest
   */
  public record Cutoffs(Seq<String> names, Seq<Double> shares) {

    /** The default: top 1 %, next 4 %, next 15 %, the rest. */
    public static final Cutoffs DEFAULT = new Cutoffs(
        List.of("top 1 %", "next 4 %", "next 15 %", "rest"), List.of(0.01, 0.04, 0.15));

    /**
     * Checks the cut-offs.
     *
     * @throws InvalidValueException with every violation ({@code value.pyramid.*})
     */
    public Cutoffs {
      requireNonNull(names, "names");
      requireNonNull(shares, "shares");
      names = Vector.ofAll(names);
      shares = Vector.ofAll(shares);
      List<Violation> problems = List.empty();
      if (names.size() != shares.size() + 1) {
        problems = problems.append(Violation.of("value.pyramid.names_mismatch", "names",
            "there must be one name more than shares (the rest), were " + names.size() + " and "
                + shares.size()));
      }
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null || name.isBlank()) {
          problems = problems.append(Violation.of("value.pyramid.name_invalid",
              "names[" + i + "]", "a tier name must not be blank"));
        } else if (names.indexOf(name) != i) {
          problems = problems.append(Violation.of("value.pyramid.name_duplicate",
              "names[" + i + "]", "tier names must be distinct, " + name + " repeats"));
        }
      }
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < shares.size(); i++) {
        Double share = shares.get(i);
        if (share == null || !(share > 0) || !(share < 1)) {
          problems = problems.append(Violation.of("value.pyramid.share_invalid",
              "shares[" + i + "]", "a share must lie in (0, 1), was " + share));
        } else {
          total = total.add(BigDecimal.valueOf(share));
        }
      }
      if (total.compareTo(BigDecimal.ONE) > 0) {
        problems = problems.append(Violation.of("value.pyramid.shares_exceed_one", "shares",
            "the shares must sum to at most 1, were " + total));
      }
      if (!problems.isEmpty()) {
        throw new InvalidValueException(problems);
      }
    }
  }

  /**
   * Summarises one tier. Immutable and thread-safe.
   *
   * @param name the tier's name
   * @param customers the number of customers in it
   * @param clv the sum of their CLVs
   * @param shareOfEquity their CLV as a fraction of the equity (0 when the equity is 0)
   */
  public record Tier(String name, int customers, double clv, double shareOfEquity) {}

  private final Seq<Tier> tiers;
  private final int[] assignment;
  private final Seq<String> names;
  private final CustomerEquity equity;

  private ValuePyramid(Seq<Tier> tiers, int[] assignment, Seq<String> names,
      CustomerEquity equity) {
    this.tiers = tiers;
    this.assignment = assignment;
    this.names = names;
    this.equity = equity;
  }

  /**
   * Builds the pyramid of a CLV table.
   *
   * @param table the CLVs
   * @param cutoffs the tiers
   * @return the pyramid; rows in the table's order
   */
  public static ValuePyramid of(ClvTable table, Cutoffs cutoffs) {
    requireNonNull(table, "table");
    return build(table.clvColumn().clone(), cutoffs);
  }

  /**
   * Builds the pyramid of a list of CLVs.
   *
   * @param clvs the CLVs, finite
   * @param cutoffs the tiers
   * @return the pyramid; rows in the list's order
   * @throws InvalidValueException when a CLV is null or not finite ({@code value.pyramid.clv_invalid})
   */
  public static ValuePyramid of(Seq<Double> clvs, Cutoffs cutoffs) {
    requireNonNull(clvs, "clvs");
    double[] values = new double[clvs.size()];
    List<Violation> problems = List.empty();
    int i = 0;
    for (Double clv : clvs) {
      if (clv == null || !Double.isFinite(clv)) {
        problems = problems.append(Violation.of("value.pyramid.clv_invalid", "clvs[" + i + "]",
            "a CLV must be a finite number, was " + clv));
      } else {
        values[i] = clv;
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
    return build(values, cutoffs);
  }

  private static ValuePyramid build(double[] clv, Cutoffs cutoffs) {
    requireNonNull(cutoffs, "cutoffs");
    int n = clv.length;
    int tierCount = cutoffs.names().size();
    long[] bounds = new long[tierCount];
    BigDecimal cumulative = BigDecimal.ZERO;
    for (int k = 0; k < tierCount - 1; k++) {
      cumulative = cumulative.add(BigDecimal.valueOf(cutoffs.shares().get(k)));
      bounds[k] = cumulative.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING)
          .longValueExact();
    }
    bounds[tierCount - 1] = n;
    double[] sorted = clv.clone();
    Arrays.sort(sorted);
    int[] assignment = new int[n];
    int[] counts = new int[tierCount];
    for (int i = 0; i < n; i++) {
      int rank = n - upperBound(sorted, clv[i]);
      int tier = 0;
      while (rank >= bounds[tier]) {
        tier++;
      }
      assignment[i] = tier;
      counts[tier]++;
    }
    // In descending order the tiers are consecutive runs: sum each run of the sorted values, so
    // the sums do not depend on the input order.
    CustomerEquity equity = new CustomerEquity(CustomerEquity.sum(sorted), n);
    Vector<Tier> tiers = Vector.empty();
    int end = n;
    for (int k = 0; k < tierCount; k++) {
      int start = end - counts[k];
      double sum = CustomerEquity.sum(Arrays.copyOfRange(sorted, start, end));
      tiers = tiers.append(new Tier(cutoffs.names().get(k), counts[k], sum,
          equity.value() == 0 ? 0 : sum / equity.value()));
      end = start;
    }
    return new ValuePyramid(tiers, assignment, cutoffs.names(), equity);
  }

  /** Returns the index of the first element greater than {@code value}. */
  private static int upperBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Double.compare(sorted[mid], value) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Returns the tiers, best first.
   *
   * @return the tier summaries
   */
  public Seq<Tier> tiers() {
    return tiers;
  }

  /**
   * Returns the customer equity of the whole base.
   *
   * @return the equity
   */
  public CustomerEquity equity() {
    return equity;
  }

  /**
   * Returns the number of customers.
   *
   * @return the number of rows
   */
  public int size() {
    return assignment.length;
  }

  /**
   * Returns the index of the tier of row {@code i}, 0 for the best tier.
   *
   * @param i the row, in the input's order
   * @return the tier index
   */
  public int tierIndex(int i) {
    return assignment[i];
  }

  /**
   * Returns the name of the tier of row {@code i}.
   *
   * @param i the row, in the input's order
   * @return the tier name
   */
  public String tierOf(int i) {
    return names.get(assignment[i]);
  }
}
