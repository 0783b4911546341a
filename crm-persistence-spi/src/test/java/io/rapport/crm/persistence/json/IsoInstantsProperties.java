package io.rapport.crm.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoInstantsProperties {

  @Test
  void formatsAndParsesLikeTheJdk() {
    qt().withFixedSeed(20261123L).withExamples(5000)
        .forAll(longs().between(-62_167_219_200L, 253_402_300_799L),
            integers().between(0, 999_999_999).mix(arbitrary().pick(0, 1_000_000, 123_000, 5), 50))
        .checkAssert((seconds, nanos) -> {
          Instant instant = Instant.ofEpochSecond(seconds, nanos);
          assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
          assertThat(IsoInstants.parseUtc(instant.toString())).isEqualTo(instant);
        });
  }

  @Test
  void leavesOtherFormsToTheJdk() {
    assertThat(IsoInstants.parseUtc("2026-11-23T09:00:00+01:00")).isNull();
    assertThat(IsoInstants.parseUtc("2026-11-23 09:00:00Z")).isNull();
    assertThat(IsoInstants.parseUtc("2026-11-23T09:00:00.Z")).isNull();
    assertThat(IsoInstants.parseUtc("2026-11-23T24:00:00Z")).isNull();
    assertThat(IsoInstants.format(Instant.parse("+12026-01-01T00:00:00Z"))).isEqualTo("+12026-01-01T00:00:00Z");
  }
}
