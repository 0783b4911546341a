package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.testkit.Theories;
import java.util.function.Function;
import org.quicktheories.core.Gen;

/**
 * Checks laws that any code dividing or transforming money must keep, for users' own rules: an
 * instalment plan, a revenue split between stores, a tax allocation over order lines.
 *
 * <p>Each check runs {@link Theories#qt()} over the given generator and throws an
 * {@link AssertionError} with the smallest falsifying example and the seed.
 */
public final class MoneyLaws {

  private MoneyLaws() {}

  /**
   * Checks that dividing money never loses or invents a minor unit: the parts add back to exactly
   * the whole, in its currency.
   *
   * @param amounts the amounts to divide
   * @param divider the division under test, such as {@code m -> m.allocate(1, 2, 3)}
   * @throws AssertionError if some amount's parts do not add back to it
   */
  public static void conservesTotal(Gen<Money> amounts,
      Function<Money, ? extends Iterable<Money>> divider) {
    requireNonNull(amounts, "amounts");
    requireNonNull(divider, "divider");
    Theories.qt().forAll(amounts).checkAssert(whole -> {
      Iterable<Money> parts = divider.apply(whole);
      assertThat(parts).as("parts of %s", whole)
          .allSatisfy(part -> assertThat(part.currency()).isEqualTo(whole.currency()));
      assertThat(Money.sum(whole.currency(), parts)).as("sum of the parts of %s", whole)
          .isEqualTo(whole);
    });
  }

  /**
   * Checks that a division treats parts fairly: no two parts of an equal split differ by more than
   * one minor unit.
   *
   * @param amounts the amounts to divide
   * @param divider the equal division under test, such as {@code m -> m.split(3)}
   * @throws AssertionError if two parts differ by more than one minor unit
   */
  public static void splitsEvenly(Gen<Money> amounts,
      Function<Money, ? extends Iterable<Money>> divider) {
    requireNonNull(amounts, "amounts");
    requireNonNull(divider, "divider");
    Theories.qt().forAll(amounts).checkAssert(whole -> {
      Money smallest = null;
      Money largest = null;
      for (Money part : divider.apply(whole)) {
        smallest = smallest == null || part.isLessThan(smallest) ? part : smallest;
        largest = largest == null || part.isGreaterThan(largest) ? part : largest;
      }
      if (smallest != null) {
        assertThat(largest.minus(smallest).abs().toMinorUnits())
            .as("spread of the parts of %s", whole).isLessThanOrEqualTo(1);
      }
    });
  }

  /**
   * Checks that an operation on money is additive: applying it to a sum equals the sum of
   * applying it to the parts, as an exact (non-rounding) rule must be.
   *
   * @param amounts the amounts, pairs of which share a currency when generated from one currency
   * @param operation the operation under test, such as {@code m -> m.times(3)}
   * @throws AssertionError if f(a + b) differs from f(a) + f(b) for amounts of one currency
   */
  public static void isAdditive(Gen<Money> amounts, Function<Money, Money> operation) {
    requireNonNull(amounts, "amounts");
    requireNonNull(operation, "operation");
    Theories.qt().forAll(amounts, amounts)
        .assuming((a, b) -> a.currency().equals(b.currency()))
        .checkAssert((a, b) -> assertThat(operation.apply(a.plus(b)))
            .as("f(%s + %s)", a, b).isEqualTo(operation.apply(a).plus(operation.apply(b))));
  }
}
