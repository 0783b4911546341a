package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static io.rapport.crm.testkit.generators.KernelGenerators.businessCalendars;
import static io.rapport.crm.testkit.generators.KernelGenerators.ids;
import static io.rapport.crm.testkit.generators.KernelGenerators.money;
import static io.rapport.crm.testkit.generators.KernelGenerators.percentages;
import static io.rapport.crm.testkit.generators.KernelGenerators.quantities;
import static io.rapport.crm.testkit.generators.KernelGenerators.unitPrices;
import static io.rapport.crm.testkit.generators.KernelGenerators.violations;
import static io.rapport.crm.testkit.generators.KernelGenerators.workingHours;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.kernel.WorkingHours;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.Tally;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Every JSON type round-trips, as a plain value and as a stored document. */
class JsonRoundTripProperties {

  static final JsonCodec CODEC = JsonCodec.standard().register("tally", Tally.class);

  static <T> void assertRoundTrips(Gen<T> values, Class<T> type) {
    qt().forAll(values).check(value -> CODEC.decode(CODEC.encode(value), type).equals(value)
        && CODEC.decodeDocument(CODEC.encodeDocument(value), type).equals(value));
  }

  static <T> void assertRoundTripsAsValue(Gen<T> values, Class<T> type) {
    qt().forAll(values).check(value -> CODEC.decode(CODEC.encode(value), type).equals(value));
  }

  @Test
  void moneyRoundTrips() {
    assertRoundTrips(money(), Money.class);
  }

  @Test
  void quantitiesRoundTrip() {
    assertRoundTrips(quantities(), Quantity.class);
  }

  @Test
  void unitPricesAndPercentages() {
    assertRoundTrips(unitPrices(), UnitPrice.class);
    assertRoundTrips(percentages(), Percentage.class);
  }

  @Test
  void idsOfEveryKind() {
    assertRoundTripsAsValue(ids(CustomerId.KIND), CustomerId.class);
    assertRoundTripsAsValue(ids(TicketId.KIND), TicketId.class);
    assertRoundTripsAsValue(ids(EventId.KIND), EventId.class);
  }

  @Test
  void calendarsAndTheirHours() {
    assertRoundTrips(workingHours(), WorkingHours.class);
    qt().withExamples(200).forAll(businessCalendars()).check(calendar ->
        CODEC.decodeDocument(CODEC.encodeDocument(calendar), BusinessCalendar.class).equals(calendar));
  }

  @Test
  void violationsRoundTrip() {
    assertRoundTrips(violations(), Violation.class);
  }

  @Test
  void aggregatesMadeOfKernelValues() {
    Gen<Tally> tallies = ids(CustomerId.KIND).zip(money(), quantities().map(q -> q.toString()),
        (id, total, note) -> new Tally(id, total.amount().unscaledValue().intValue() & 0xffff, total, note));
    assertRoundTrips(tallies, Tally.class);
  }
}
