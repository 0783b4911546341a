package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.sales.PipelineRepository;
import io.rapport.crm.sales.Pipeline;
import io.rapport.crm.sales.StageGuard;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of pipeline storage every adapter must keep: the generic repository contract for
 * pipelines (whose stages, transitions with guards of every kind, lost reasons and reopen rules
 * must all come back equal), the list of active pipelines in id order with paging, following
 * pipelines switched on and off, and concurrent edits refused. An adapter runs it by implementing
 * {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface PipelineRepositoryContract extends RepositoryContract<PipelineId, Pipeline> {

  /** The first update time of the contract's pipelines. */
  Instant T0 = Instant.parse("2026-01-05T01:00:00Z");

  @Override
  default Repository<PipelineId, Pipeline> repositoryOf(CrmStore store) {
    return PipelineRepository.in(store);
  }

  /** Returns pipeline {@code PL-00000n}, active unless n is a multiple of 3. */
  @Override
  default Pipeline anAggregate(int n) {
    return SalesRecords.pipeline(String.format("PL-%06d", n), "Pipeline " + n, n % 3 != 0,
        T0.plusSeconds(n));
  }

  @Override
  default Pipeline changed(Pipeline pipeline) {
    return SalesRecords.activated(pipeline, pipeline.active(), pipeline.updatedAt().plusSeconds(1));
  }

  @Test
  default void storesGuardsOfEveryKind() {
    try (CrmStore store = newStore()) {
      PipelineRepository pipelines = PipelineRepository.in(store);
      pipelines.save(anAggregate(1), Version.NEW);
      Pipeline found = pipelines.find(anAggregate(1).id()).get().value();
      assertThat(found.transitions().flatMap(t -> t.guards()).map(StageGuard::code).distinct())
          .containsExactlyInAnyOrder("amount_required", "close_date_required", "quote_required",
              "line_items_required", "next_step_required", "minimum_amount");
      assertThat(found).isEqualTo(anAggregate(1));
    }
  }

  @Test
  default void listsTheActivePipelinesInIdOrderPageByPage() {
    try (CrmStore store = newStore()) {
      PipelineRepository pipelines = PipelineRepository.in(store);
      for (int n = 20; n >= 1; n--) {
        pipelines.save(anAggregate(n), Version.NEW);
      }
      List<String> expected = List.rangeClosed(1, 20).filter(n -> n % 3 != 0)
          .map(n -> String.format("PL-%06d", n));
      assertThat(SalesRecords.idsOfAllPages(after -> pipelines.active(after, 4), 4,
          (Pipeline p) -> p.id().value())).containsExactlyElementsOf(expected);
      assertThat(pipelines.active().map(v -> v.value().id().value()))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void aPipelineSwitchedOffLeavesTheActiveListAndComesBackWhenSwitchedOn() {
    try (CrmStore store = newStore()) {
      PipelineRepository pipelines = PipelineRepository.in(store);
      for (int n = 1; n <= 4; n++) {
        pipelines.save(anAggregate(n), Version.NEW);
      }
      Pipeline second = anAggregate(2);
      pipelines.save(SalesRecords.activated(second, false, T0.plusSeconds(100)), Version.of(1));
      assertThat(pipelines.active().map(v -> v.value().id().value()))
          .containsExactly("PL-000001", "PL-000004");
      pipelines.save(SalesRecords.activated(anAggregate(3), true, T0.plusSeconds(101)),
          Version.of(1));
      assertThat(pipelines.active().map(v -> v.value().id().value()))
          .containsExactly("PL-000001", "PL-000003", "PL-000004");
      pipelines.erase(PipelineId.parse("PL-000001"));
      assertThat(pipelines.active().map(v -> v.value().id().value()))
          .containsExactly("PL-000003", "PL-000004");
    }
  }

  @Test
  default void refusesAConcurrentEditAndKeepsTheFirst() {
    try (CrmStore store = newStore()) {
      PipelineRepository pipelines = PipelineRepository.in(store);
      Pipeline read = anAggregate(1);
      pipelines.save(read, Version.NEW);
      Pipeline switchedOff = SalesRecords.activated(read, false, T0.plusSeconds(60));
      assertThat(pipelines.save(switchedOff, Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale =
          pipelines.save(SalesRecords.activated(read, true, T0.plusSeconds(61)), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.of(2));
      assertThat(pipelines.find(read.id()).get().value()).isEqualTo(switchedOff);
      assertThat(pipelines.active()).isEmpty();
    }
  }
}
