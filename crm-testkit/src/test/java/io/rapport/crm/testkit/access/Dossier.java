package io.rapport.crm.testkit.access;

import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.RecordFacts;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.testkit.generators.AccessGenerators;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Function;
import org.quicktheories.core.Gen;

/**
 * A small owned record for the access tests: an owner, a team, two sensitive fields (a phone
 * number and a margin) and a note. A local stand-in for the standard facts and maskers of helper
 * {@code ac}.
 */
record Dossier(CustomerId id, Option<EmployeeId> owner, Option<TeamId> team, String phone,
    String margin, String note) implements Aggregate<CustomerId> {

  static final String MASK = "\u2022\u2022\u2022";

  static final AggregateType<CustomerId, Dossier> TYPE =
      AggregateType.of("dossier", Dossier.class, CustomerId.KIND)
          .withIndex(Index.sorted("by_team", dossier -> List.of(new IndexEntry(
              dossier.team().map(TeamId::value).getOrElse("none"), dossier.note()))))
          .withIndex(Index.byKey("by_owner", dossier -> List.of(
              dossier.owner().map(EmployeeId::value).getOrElse("nobody"))));

  static final AccessFacts<Dossier> FACTS =
      dossier -> new RecordFacts("dossier", dossier.id().value(), dossier.owner(), dossier.team());

  /** A host event that repeats the phone number its command saw. */
  record PhoneReported(EventStamp stamp, CustomerId dossier, String phone)
      implements StampedEvent {
    @Override
    public CustomerId aggregateId() {
      return dossier;
    }
  }

  /** Reports the phone number a command sees, with a fixed stamp. */
  static final Function<Dossier, DomainEvent> REPORT = dossier -> new PhoneReported(
      EventStamp.of(EventId.parse("ev-report"), Instant.parse("2026-11-23T00:00:00Z"),
          ActorId.parse("host")), dossier.id(), dossier.phone());

  /**
   * Masks as {@link #MASKER} but knows nothing of events, as a masker written before events were
   * restored: its events pass unchanged and unchecked.
   */
  static final FieldMasker<Dossier> EVENT_BLIND_MASKER = new FieldMasker<>() {
    @Override
    public Set<String> fields() {
      return MASKER.fields();
    }

    @Override
    public Dossier mask(Dossier value, Set<String> masked) {
      return MASKER.mask(value, masked);
    }

    @Override
    public Dossier restore(Dossier changed, Dossier stored, Set<String> masked) {
      return MASKER.restore(changed, stored, masked);
    }
  };

  static final FieldMasker<Dossier> MASKER = new FieldMasker<>() {
    @Override
    public Set<String> fields() {
      return HashSet.of("phone", "margin");
    }

    @Override
    public Dossier mask(Dossier value, Set<String> masked) {
      return new Dossier(value.id(), value.owner(), value.team(),
          masked.contains("phone") ? MASK : value.phone(),
          masked.contains("margin") ? MASK : value.margin(), value.note());
    }

    @Override
    public Dossier restore(Dossier changed, Dossier stored, Set<String> masked) {
      return new Dossier(changed.id(), changed.owner(), changed.team(),
          masked.contains("phone") ? stored.phone() : changed.phone(),
          masked.contains("margin") ? stored.margin() : changed.margin(), changed.note());
    }

    @Override
    public DomainEvent restoreEvent(DomainEvent event, Dossier stored, Set<String> masked) {
      if (event instanceof PhoneReported && masked.contains("phone")
          && ((PhoneReported) event).phone().equals(MASK)) {
        PhoneReported reported = (PhoneReported) event;
        return new PhoneReported(reported.stamp(), reported.dossier(), stored.phone());
      }
      return event;
    }

    @Override
    public Set<String> maskedInEvent(DomainEvent event) {
      return event instanceof PhoneReported && ((PhoneReported) event).phone().contains(MASK)
          ? HashSet.of("phone") : HashSet.empty();
    }
  };

  /** Returns dossiers with ids d-0 to d-9 and notes from a few words, so sort keys tie. */
  static Gen<Dossier> dossiers() {
    Gen<String> words = integers().between(0, 3).map(n -> List.of("alpha", "beta", "gamma", "")
        .get(n));
    Gen<CustomerId> ids = integers().between(0, 9).map(n -> CustomerId.parse("d-" + n));
    Gen<String> numbers = integers().between(100, 999).map(n -> "+86 21 5555 0" + n);
    return ids.zip(AccessGenerators.owners(), AccessGenerators.owningTeams(), numbers,
        (id, owner, team, phone) -> new Dossier(id, owner, team, phone, "0." + phone.substring(13),
            ""))
        .zip(words, (dossier, note) -> new Dossier(dossier.id(), dossier.owner(), dossier.team(),
            dossier.phone(), dossier.margin(), note));
  }
}
