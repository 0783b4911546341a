package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

class DuplicateMatcherTest {

  static final DuplicateMatcher STANDARD = DuplicateMatcher.standard();
  static final String HOME = MatchProfile.postalKey("GB", "SW1A 2AA", "10 Downing Street");
  static final String SHANGHAI = MatchProfile.postalKey("CN", "200120", "世纪大道100号");

  static MatchProfile person(String id, String name) {
    return MatchProfile.person(CustomerId.parse(id), name);
  }

  static MatchResult match(MatchProfile a, MatchProfile b) {
    return STANDARD.score(a, b).getOrElseThrow(() -> new AssertionError("no match: " + a + " ~ " + b));
  }

  @Test
  void aSharedEmailIsCertain() {
    MatchResult result = match(person("a", "John Smith").withEmails("JS@example.com"),
        person("b", "Jack Jones").withEmails("js@example.com", "other@example.com"));
    assertThat(result.candidate()).isEqualTo(CustomerId.parse("b"));
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.confidence()).isEqualTo(Confidence.CERTAIN);
    assertThat(result.evidence()).containsExactly(
        new MatchEvidence(MatchRule.EMAIL, "emails", "js@example.com", "js@example.com", 1.0));
  }

  @Test
  void aSharedPhoneIsLikelyAndCertainWithMatchingNames() {
    MatchResult phone = match(person("a", "John Smith").withPhones("+447700900123"),
        person("b", "Jane Doe").withPhones("+447700900123"));
    assertThat(phone.score()).isCloseTo(0.9, within(1e-9));
    assertThat(phone.confidence()).isEqualTo(Confidence.LIKELY);
    MatchResult both = match(person("a", "John Smith").withPhones("+447700900123"),
        person("b", "Smith, Jon").withPhones("+447700900123"));
    assertThat(both.score()).isCloseTo(1 - 0.1 * 0.4, within(1e-9));
    assertThat(both.confidence()).isEqualTo(Confidence.CERTAIN);
    assertThat(both.evidence()).extracting(MatchEvidence::rule, MatchEvidence::field)
        .containsExactly(tuple(MatchRule.PHONE, "phones"), tuple(MatchRule.NAME_ONLY, "name"));
  }

  @Test
  void anEqualTaxIdIsCertainForOrganizations() {
    MatchProfile acme = MatchProfile.organization(CustomerId.parse("a"), "Acme")
        .withTaxId("91310000MA1");
    MatchProfile other = MatchProfile.organization(CustomerId.parse("b"), "ACME Trading")
        .withTaxId("9131-0000-ma1");
    MatchResult result = match(acme, other);
    assertThat(result.confidence()).isEqualTo(Confidence.CERTAIN);
    assertThat(result.evidence()).containsExactly(
        new MatchEvidence(MatchRule.TAX_ID, "taxId", "91310000MA1", "91310000MA1", 1.0));
  }

  @Test
  void similarNamesAtTheSameAddressAreLikelyWithBothComparisonsAsEvidence() {
    MatchResult result = match(person("a", "Jonathan Smith").withPostalKeys(HOME),
        person("b", "SMITH, Johnathan").withPostalKeys(HOME, "gb:e16an:1churchroad"));
    assertThat(result.score()).isCloseTo(0.8, within(1e-9));
    assertThat(result.confidence()).isEqualTo(Confidence.LIKELY);
    assertThat(result.evidence()).hasSize(2);
    MatchEvidence name = result.evidence().get(0);
    assertThat(name.rule()).isEqualTo(MatchRule.NAME_AND_ADDRESS);
    assertThat(name.field()).isEqualTo("name");
    assertThat(name.probeValue()).isEqualTo("Jonathan Smith");
    assertThat(name.candidateValue()).isEqualTo("SMITH, Johnathan");
    assertThat(name.similarity()).isBetween(0.9, 1.0);
    assertThat(result.evidence().get(1))
        .isEqualTo(new MatchEvidence(MatchRule.NAME_AND_ADDRESS, "postalKeys", HOME, HOME, 1.0));
  }

  @Test
  void similarChineseNamesAtTheSameAddressAreLikely() {
    MatchResult result = match(person("a", "王小明").withPostalKeys(SHANGHAI),
        person("b", "王晓明").withPostalKeys(SHANGHAI));
    assertThat(result.confidence()).isEqualTo(Confidence.LIKELY);
    assertThat(result.evidence().head().similarity()).isCloseTo(0.92, within(0.001));
    assertThat(STANDARD.score(person("a", "王小明").withPostalKeys(SHANGHAI),
        person("b", "王 小明").withPostalKeys(SHANGHAI)).get().evidence().head().similarity())
        .isEqualTo(1.0);
  }

  @Test
  void aFamilyNameAloneDoesNotMatchAFullName() {
    assertThat(STANDARD.score(person("a", "王").withPostalKeys(SHANGHAI),
        person("b", "王小明").withPostalKeys(SHANGHAI))).isEmpty();
    assertThat(STANDARD.score(person("a", "Smith").withPostalKeys(HOME),
        person("b", "John Smith").withPostalKeys(HOME))).isEmpty();
  }

  @Test
  void spousesAtTheSameAddressAreNotDuplicates() {
    assertThat(STANDARD.score(person("a", "Jane Smith").withPostalKeys(HOME),
        person("b", "John Smith").withPostalKeys(HOME))).isEmpty();
  }

  @Test
  void similarNamesAtTheSameCompanyAreLikely() {
    MatchResult result = match(person("a", "Katherine Jones").withOrganizationName("Acme Ltd"),
        person("b", "Catherine Jones").withOrganizationName("ACME Ltd."));
    assertThat(result.confidence()).isEqualTo(Confidence.LIKELY);
    assertThat(result.evidence()).extracting(MatchEvidence::rule, MatchEvidence::field,
            MatchEvidence::probeValue, MatchEvidence::candidateValue)
        .containsExactly(
            tuple(MatchRule.NAME_AND_ORGANIZATION, "name", "Katherine Jones", "Catherine Jones"),
            tuple(MatchRule.NAME_AND_ORGANIZATION, "organizationName", "Acme Ltd", "ACME Ltd."));
  }

  @Test
  void aNameAloneIsOnlyPossible() {
    MatchResult result = match(person("a", "Jonathan Smith"), person("b", "Johnathan Smith"));
    assertThat(result.score()).isCloseTo(0.6, within(1e-9));
    assertThat(result.confidence()).isEqualTo(Confidence.POSSIBLE);
    assertThat(result.matchedBy(MatchRule.NAME_ONLY)).isTrue();
    assertThat(result.matchedBy(MatchRule.NAME_AND_ADDRESS)).isFalse();
  }

  @Test
  void differentPeopleDoNotMatch() {
    assertThat(STANDARD.score(person("a", "John Smith").withPostalKeys(HOME),
        person("b", "Maria Garcia").withPostalKeys(HOME))).isEmpty();
  }

  @Test
  void neverMatchesAProfileWithItselfOrAPersonWithAnOrganization() {
    MatchProfile john = person("a", "John Smith").withEmails("js@example.com");
    assertThat(STANDARD.score(john, john)).isEmpty();
    assertThat(STANDARD.score(john, john.withPhones("+447700900123"))).isEmpty();
    assertThat(STANDARD.score(john,
        MatchProfile.organization(CustomerId.parse("b"), "John Smith").withEmails("js@example.com")))
        .isEmpty();
  }

  @Test
  void ranksBestFirstThenByIdLeavingOutTheProbeAndRepeats() {
    MatchProfile probe = person("p", "John Smith").withEmails("js@example.com")
        .withPostalKeys(HOME).withPhones("+447700900123");
    Seq<MatchResult> ranked = STANDARD.rank(probe, List.of(
        person("d", "Jon Smith"),
        person("c", "Jon Smith").withPostalKeys(HOME),
        person("b", "Jane Doe").withPhones("+447700900123"),
        person("a", "Jane Doe").withPhones("+447700900123"),
        person("b", "J. Doe").withEmails("js@example.com"),
        person("e", "Maria Garcia"),
        probe,
        person("f", "Jane Doe").withEmails("js@example.com")), 10);
    assertThat(ranked).extracting(r -> r.candidate().value(), MatchResult::confidence)
        .containsExactly(tuple("f", Confidence.CERTAIN), tuple("a", Confidence.LIKELY),
            tuple("b", Confidence.LIKELY), tuple("c", Confidence.LIKELY),
            tuple("d", Confidence.POSSIBLE));
    assertThat(ranked.map(MatchResult::score).toJavaList())
        .isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(STANDARD.rank(probe, List.of(person("c", "Jon Smith").withPostalKeys(HOME),
        person("f", "x").withEmails("js@example.com")), 1))
        .extracting(r -> r.candidate().value()).containsExactly("f");
    assertThat(STANDARD.rank(probe, List.of(person("f", "x").withEmails("js@example.com")), 0))
        .isEmpty();
  }

  @Test
  void refusesANegativeLimit() {
    assertThatThrownBy(() -> STANDARD.rank(person("p", "x"), List.empty(), -1))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("match.limit.negative");
  }

  @Test
  void appliesConfiguredWeightsThresholdsAndRules() {
    DuplicateMatcher strict = DuplicateMatcher.builder()
        .weight(MatchRule.PHONE, 0.7)
        .disable(MatchRule.NAME_ONLY)
        .nameThreshold(0.97)
        .build();
    MatchProfile john = person("a", "Jonathan Smith").withPhones("+447700900123")
        .withPostalKeys(HOME);
    assertThat(strict.score(john, person("b", "Jane Doe").withPhones("+447700900123")).get()
        .confidence()).isEqualTo(Confidence.POSSIBLE);
    assertThat(strict.score(john, person("b", "Johnathan Smith").withPostalKeys(HOME))).isEmpty();
    assertThat(strict.score(john, person("b", "Jonathan Smith"))).isEmpty();
    assertThat(strict.isEnabled(MatchRule.NAME_ONLY)).isFalse();
    assertThat(strict.toBuilder().enable(MatchRule.NAME_ONLY).build()
        .score(john, person("b", "Jonathan Smith")).isDefined()).isTrue();
    assertThat(STANDARD.threshold(Confidence.LIKELY)).isEqualTo(0.75);
    assertThat(STANDARD.weight(MatchRule.NAME_AND_ADDRESS)).isEqualTo(0.8);
    assertThat(STANDARD.confidenceOf(0.49)).isEmpty();
  }

  @Test
  void refusesSettingsThatBreakTheScaleOrLetANameAloneBeLikely() {
    assertThat(DuplicateMatcher.builder().weight(MatchRule.EMAIL, 1.5).nameThreshold(0)
        .thresholds(0.9, 0.95, 0.5).validated().getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("match.weight.out_of_range", "weights.EMAIL"),
            tuple("match.name_threshold.out_of_range", "nameThreshold"),
            tuple("match.thresholds.out_of_order", "thresholds"));
    assertThat(DuplicateMatcher.builder().thresholds(0.95, 0.75, 0).validated().getError())
        .extracting(Violation::code).containsExactly("match.threshold.out_of_range");
    assertThatThrownBy(() -> DuplicateMatcher.builder().weight(MatchRule.NAME_ONLY, 0.75).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("match.name_only.too_strong");
    assertThat(DuplicateMatcher.builder().weight(MatchRule.NAME_ONLY, 0.75)
        .disable(MatchRule.NAME_ONLY).validated().isValid()).isTrue();
  }
}
