package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Finds the deals whose expected close date moved out during a window of time, from their
 * histories. A pure calculation. Immutable and thread-safe.
 *
 * <p>For each deal, the <b>original</b> date is the expected close date in force when the window
 * opens (or, if it had none then, the first one set in the window); the <b>new</b> date is the one
 * in force when the window closes. A deal slipped when both exist and the new date is later. Each
 * history entry in the window that sets a later date than the last one set is one <b>slip</b>;
 * the count includes slips a later move back in partly undid. Deals pulled in, or moved out and
 * back, are not listed.
 *
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param deals the slipped deals, most days slipped first, then by id
 */
public record SlippedDeals(Instant from, Instant to, Seq<SlippedDeals.Deal> deals) {

  /**
   * Describes one slipped deal. Immutable and thread-safe.
   *
   * @param opportunity the deal
   * @param owner its owner
   * @param originalClose the expected close date when the window opened
   * @param newClose the expected close date when the window closed, after the original
   * @param daysSlipped the days from the original to the new date, positive
   * @param slips how many times the date moved later in the window, at least 1
   */
  public record Deal(OpportunityId opportunity, EmployeeId owner, LocalDate originalClose,
      LocalDate newClose, long daysSlipped, int slips) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidValueException if the new date is not after the original, the days do not
     *     match the dates or there is no slip ({@code slipped.inconsistent})
     */
    public Deal {
      requireNonNull(opportunity, "opportunity");
      requireNonNull(owner, "owner");
      requireNonNull(originalClose, "originalClose");
      requireNonNull(newClose, "newClose");
      if (!newClose.isAfter(originalClose) || slips < 1
          || daysSlipped != ChronoUnit.DAYS.between(originalClose, newClose)) {
        throw new InvalidValueException(List.of(Violation.of("slipped.inconsistent", "newClose",
            "A slipped deal moved from " + originalClose + " to a later date in " + daysSlipped
                + " days and at least one slip, but got " + newClose + " and " + slips
                + " slips")));
      }
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a deal is null
   * @throws InvalidValueException if the window does not end after it starts
   *     ({@code report.window.empty})
   */
  public SlippedDeals {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(deals, "deals");
    deals.forEach(deal -> requireNonNull(deal, "deals element"));
    if (!to.isAfter(from)) {
      throw new InvalidValueException(List.of(Violation.of("report.window.empty", "to",
          "A window ends after it starts (" + from + "), but ends " + to)));
    }
  }

  /**
   * Finds the deals that slipped in a window.
   *
   * @param opportunities the deals
   * @param from the window's start, inclusive
   * @param to the window's end, exclusive
   * @return the slipped deals
   * @throws NullPointerException if an argument or a deal is null
   * @throws InvalidValueException if the window does not end after it starts
   *     ({@code report.window.empty})
   */
  public static SlippedDeals between(Iterable<Opportunity> opportunities, Instant from,
      Instant to) {
    requireNonNull(opportunities, "opportunities");
    new SlippedDeals(from, to, List.empty());
    java.util.List<Deal> found = new ArrayList<>();
    for (Opportunity deal : opportunities) {
      requireNonNull(deal, "opportunities element");
      LocalDate current = null;
      LocalDate original = null;
      LocalDate lastKnown = null;
      boolean opened = false;
      int slips = 0;
      for (StageHistoryEntry entry : deal.history()) {
        if (!entry.at().isBefore(to)) {
          break;
        }
        LocalDate next = entry.expectedClose().getOrNull();
        if (!opened && !entry.at().isBefore(from)) {
          opened = true;
          original = current;
          lastKnown = current;
        }
        if (opened && next != null) {
          if (original == null) {
            original = next;
          } else if (next.isAfter(lastKnown)) {
            slips++;
          }
          lastKnown = next;
        }
        current = next;
      }
      if (opened && original != null && current != null && current.isAfter(original)) {
        found.add(new Deal(deal.id(), deal.owner(), original, current,
            ChronoUnit.DAYS.between(original, current), slips));
      }
    }
    found.sort(Comparator.comparingLong((Deal deal) -> -deal.daysSlipped())
        .thenComparing(deal -> deal.opportunity().value()));
    return new SlippedDeals(from, to, Array.ofAll(found));
  }
}
