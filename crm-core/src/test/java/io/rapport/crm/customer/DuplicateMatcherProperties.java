package io.rapport.crm.customer;

import static io.rapport.crm.customer.DuplicatePropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.kernel.CustomerId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class DuplicateMatcherProperties {

  static final DuplicateMatcher STANDARD = DuplicateMatcher.standard();

  @Test
  void scoringIsSymmetricAndWithinZeroAndOne() {
    qt().withExamples(2000).forAll(MatchProfiles.VARIANTS).checkAssert(pair -> {
      Option<MatchResult> ab = STANDARD.score(pair[0], pair[1]);
      Option<MatchResult> ba = STANDARD.score(pair[1], pair[0]);
      assertThat(ab.isDefined()).as("%s ~ %s", pair[0], pair[1]).isEqualTo(ba.isDefined());
      for (MatchResult result : ab) {
        assertThat(result.score()).isBetween(STANDARD.threshold(Confidence.POSSIBLE), 1.0)
            .isCloseTo(ba.get().score(), within(1e-12));
        assertThat(result.confidence()).isEqualTo(ba.get().confidence());
        assertThat(STANDARD.confidenceOf(result.score())).contains(result.confidence());
      }
    });
  }

  @Test
  void everyPieceOfEvidenceComparesEqualOrSimilarValues() {
    qt().withExamples(2000).forAll(MatchProfiles.VARIANTS).checkAssert(pair -> {
      for (MatchResult result : STANDARD.score(pair[0], pair[1])) {
        for (MatchEvidence evidence : result.evidence()) {
          if (evidence.field().equals("name")) {
            assertThat(evidence.similarity()).isGreaterThanOrEqualTo(STANDARD.nameThreshold());
          } else {
            assertThat(evidence.candidateValue()).as(evidence.toString())
                .isEqualTo(evidence.probeValue());
          }
        }
      }
    });
  }

  @Test
  void aProfileNeverMatchesItself() {
    qt().forAll(MatchProfiles.PROFILES).checkAssert(profile ->
        assertThat(STANDARD.score(profile, profile)).isEmpty());
  }

  @Test
  void rankingListsEachMatchingCandidateOnceBestFirst() {
    qt().withExamples(300).forAll(MatchProfiles.CLOSE_PROFILES,
        lists().of(MatchProfiles.CLOSE_PROFILES).ofSizeBetween(0, 12)).checkAssert((probe, raw) -> {
          Seq<MatchProfile> candidates = List.ofAll(raw).zipWithIndex().map(p -> new MatchProfile(
              CustomerId.parse("c" + p._2 % 8), p._1.organization(), p._1.displayName(),
              p._1.familyName(), p._1.givenNames(), p._1.emails(), p._1.phones(), p._1.taxId(),
              p._1.postalKeys(), p._1.organizationName()));
          Seq<MatchResult> ranked = STANDARD.rank(probe, candidates, 5);
          assertThat(ranked.size()).isLessThanOrEqualTo(5);
          assertThat(ranked.map(MatchResult::candidate).distinct()).hasSameSizeAs(ranked);
          for (int i = 1; i < ranked.size(); i++) {
            MatchResult before = ranked.get(i - 1);
            MatchResult after = ranked.get(i);
            assertThat(before.score() > after.score() || (before.score() == after.score()
                && before.candidate().value().compareTo(after.candidate().value()) < 0))
                .as("%s before %s", before, after).isTrue();
          }
          long matching = candidates.distinctBy(MatchProfile::id)
              .count(c -> STANDARD.score(probe, c).isDefined());
          assertThat(ranked.size()).isEqualTo((int) Math.min(5, matching));
        });
  }
}
