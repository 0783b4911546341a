package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.LoyaltyProgramId;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of loyalty program storage every adapter must keep: the generic repository
 * contract for programs, plus the listing of every program in id order, page by page and all at
 * once, following every save and erasure. A stale save is refused and leaves the saved program.
 * An adapter runs it by implementing {@link #newStore()} in a test class named
 * {@code …Contract…}.
 */
public interface LoyaltyProgramRepositoryContract
    extends RepositoryContract<LoyaltyProgramId, LoyaltyProgram> {

  /** When program 0 was defined; program n a minute later per n. */
  Instant T0 = Instant.parse("2026-01-05T02:00:00Z");

  @Override
  default Repository<LoyaltyProgramId, LoyaltyProgram> repositoryOf(CrmStore store) {
    return LoyaltyProgramRepository.in(store);
  }

  /** Returns program {@code LP-00000n}, defined n minutes after {@link #T0}. */
  @Override
  default LoyaltyProgram anAggregate(int n) {
    String id = String.format("LP-%06d", n);
    return LoyaltyRecords.program(id, "Rosewood Club 红木会 " + id, T0.plusSeconds(60L * n));
  }

  @Override
  default LoyaltyProgram changed(LoyaltyProgram program) {
    return LoyaltyRecords.renamed(program, program.name() + " (revised)",
        program.updatedAt().plusSeconds(1));
  }

  private static List<String> ids(Iterable<Versioned<LoyaltyProgram>> programs) {
    return List.ofAll(programs).map(v -> v.value().id().value());
  }

  @Test
  default void listsEveryProgramInIdOrderAllAtOnceAndPageByPage() {
    try (CrmStore store = newStore()) {
      LoyaltyProgramRepository programs = LoyaltyProgramRepository.in(store);
      for (int n = 23; n >= 1; n--) {
        programs.save(anAggregate(n), Version.NEW);
      }
      List<String> expected = List.rangeClosed(1, 23).map(n -> String.format("LP-%06d", n));
      assertThat(ids(programs.all())).containsExactlyElementsOf(expected);
      assertThat(SalesRecords.idsOfAllPages(after -> programs.all(after, 4), 4,
          (LoyaltyProgram p) -> p.id().value())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void anErasedProgramLeavesTheListAndARevisedOneStays() {
    try (CrmStore store = newStore()) {
      LoyaltyProgramRepository programs = LoyaltyProgramRepository.in(store);
      for (int n = 1; n <= 4; n++) {
        programs.save(anAggregate(n), Version.NEW);
      }
      assertThat(programs.save(changed(anAggregate(2)), Version.of(1)).isRight()).isTrue();
      assertThat(programs.erase(anAggregate(3).id())).isTrue();
      assertThat(ids(programs.all())).containsExactly("LP-000001", "LP-000002", "LP-000004");
      assertThat(programs.all().get(1).value().name()).endsWith("(revised)");
      assertThat(programs.all().get(1).version()).isEqualTo(Version.of(2));
    }
  }

  @Test
  default void aStaleSaveIsRefusedAndTheListKeepsTheSavedProgram() {
    try (CrmStore store = newStore()) {
      LoyaltyProgramRepository programs = LoyaltyProgramRepository.in(store);
      LoyaltyProgram read = anAggregate(1);
      programs.save(read, Version.NEW);
      LoyaltyProgram first = changed(read);
      assertThat(programs.save(first, Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale =
          programs.save(LoyaltyRecords.renamed(read, "lost", read.updatedAt()), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.of(2));
      assertThat(programs.all().map(Versioned::value)).containsExactly(first);
    }
  }

  @Test
  default void anEmptyStoreHasNoPrograms() {
    try (CrmStore store = newStore()) {
      LoyaltyProgramRepository programs = LoyaltyProgramRepository.in(store);
      assertThat(programs.all()).isEmpty();
      assertThat(programs.all(Option.none(), 10).isLast()).isTrue();
    }
  }
}
