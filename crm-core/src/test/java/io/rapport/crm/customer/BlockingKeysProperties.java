package io.rapport.crm.customer;

import static io.rapport.crm.customer.DuplicatePropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.rapport.crm.kernel.CustomerId;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BlockingKeysProperties {

  static final DuplicateMatcher STANDARD = DuplicateMatcher.standard();

  /** Checks the guarantee for one pair; returns whether it was a likely match by names. */
  static boolean likelyPairsShareAKey(MatchProfile a, MatchProfile b, AtomicInteger likely) {
    Option<MatchResult> result = STANDARD.score(a, b);
    if (result.isEmpty() || !result.get().confidence().isAtLeast(Confidence.LIKELY)) {
      return false;
    }
    likely.incrementAndGet();
    Set<String> shared = BlockingKeys.of(a).intersect(BlockingKeys.of(b));
    assertThat(shared).as("%s%n~ %s%n%s", a, b, result.get()).isNotEmpty();
    return !result.get().matchedBy(MatchRule.EMAIL) && !result.get().matchedBy(MatchRule.PHONE)
        && !result.get().matchedBy(MatchRule.TAX_ID);
  }

  @Test
  void likelyDuplicatesAlwaysShareABlockingKey() {
    AtomicInteger likely = new AtomicInteger();
    AtomicInteger byNames = new AtomicInteger();
    qt().withExamples(5000).forAll(MatchProfiles.VARIANTS).checkAssert(pair -> {
      if (likelyPairsShareAKey(pair[0], pair[1], likely)) {
        byNames.incrementAndGet();
      }
    });
    // The law is not vacuous: many pairs were likely, hundreds by their names alone.
    assertThat(likely.get()).isGreaterThan(2000);
    assertThat(byNames.get()).isGreaterThan(300);
  }

  @Test
  void anyTwoProfilesScoredLikelyShareABlockingKey() {
    AtomicInteger likely = new AtomicInteger();
    AtomicInteger byNames = new AtomicInteger();
    qt().withExamples(5000)
        .forAll(MatchProfiles.CLOSE_PROFILES, MatchProfiles.CLOSE_PROFILES.map(p -> MatchProfiles.profile("b",
            p.organization(), p.displayName(), new MatchProfiles.Contacts(p.emails(), p.phones(),
                p.taxId(), p.postalKeys()), p.organizationName())))
        .checkAssert((a, b) -> {
          if (likelyPairsShareAKey(a, b, likely)) {
            byNames.incrementAndGet();
          }
        });
    assertThat(likely.get()).isGreaterThan(1000);
    assertThat(byNames.get()).isGreaterThan(40);
  }

  /** People with realistic-looking random names, each at one of many addresses. */
  static final Gen<MatchProfile> STRANGERS = lists()
      .of(strings().betweenCodePoints('a', 'z').ofLengthBetween(3, 9)).ofSizeBetween(2, 3)
      .zip(integers().between(0, 999_999), integers().between(0, 9_999), integers().between(0, 99),
          (words, phone, address, company) -> MatchProfile.person(CustomerId.parse("s"),
                  String.join(" ", words))
              .withEmails(String.join(".", words) + "@example.com")
              .withPhones("+4477009" + String.format("%05d", phone % 100_000))
              .withPostalKeys("gb:e16an:" + address + "churchroad")
              .withOrganizationName("Company " + company));

  @Test
  void unrelatedProfilesRarelyShareABlockingKey() {
    AtomicInteger sharing = new AtomicInteger();
    qt().withExamples(5000).forAll(STRANGERS, STRANGERS).checkAssert((a, b) -> {
      boolean shares = !BlockingKeys.of(a).intersect(BlockingKeys.of(b)).isEmpty();
      assertThat(shares && a.equals(b)).isFalse();
      if (shares) {
        sharing.incrementAndGet();
      }
    });
    assertThat(sharing.get()).as("pairs of strangers sharing a key").isLessThan(50);
  }

  @Test
  void unrelatedPeopleAtOneAddressRarelyShareABlockingKey() {
    AtomicInteger sharing = new AtomicInteger();
    qt().withExamples(5000).forAll(STRANGERS, STRANGERS).checkAssert((a, b) -> {
      MatchProfile neighbour = b.withPostalKeys(a.postalKeys().toJavaArray(String[]::new));
      if (!BlockingKeys.of(a).intersect(BlockingKeys.of(neighbour)).isEmpty()) {
        sharing.incrementAndGet();
      }
      assertThat(BlockingKeys.of(neighbour)).isNotEmpty();
    });
    assertThat(sharing.get()).as("neighbours sharing a key").isLessThan(250);
  }
}
