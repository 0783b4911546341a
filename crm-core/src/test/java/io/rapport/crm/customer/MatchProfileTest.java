package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class MatchProfileTest {

  static final CustomerId ID = CustomerId.parse("C-1");

  @Test
  void normalisesItsKeysAtConstruction() {
    MatchProfile profile = MatchProfile.person(ID, "Li Wei")
        .withEmails(" Li.Wei@Example.COM ")
        .withPhones("+8613800138000")
        .withTaxId("91-3100.00 ma1")
        .withPostalKeys(" CN:200120:世纪大道100号 ");
    assertThat(profile.emails()).containsExactly("li.wei@example.com");
    assertThat(profile.taxId()).contains("91310000MA1");
    assertThat(profile.postalKeys()).containsExactly("cn:200120:世纪大道100号");
    assertThat(profile.withTaxId("91310000MA1")).isEqualTo(profile);
  }

  @Test
  void buildsPostalKeysFromTheCountryPostalCodeAndFirstLine() {
    PostalAddress downing = new PostalAddress(List.of("10 Downing Street", "Flat 1"), "London",
        "", "SW1A 2AA", "GB");
    assertThat(MatchProfile.postalKey(downing)).isEqualTo("gb:sw1a2aa:10downingstreet");
    assertThat(MatchProfile.postalKey("GB", "sw1a 2aa", "10, DOWNING  STREET"))
        .isEqualTo(MatchProfile.postalKey(downing));
    assertThat(MatchProfile.postalKey("CN", "200120", "世纪大道 １００号"))
        .isEqualTo("cn:200120:世纪大道100号");
  }

  @Test
  void comparesTheStructuredNameWhenBothPartsAreKnown() {
    MatchProfile profile = MatchProfile.person(ID, "Mr. J. Smith (VIP)");
    assertThat(profile.matchName()).isEqualTo("Mr. J. Smith (VIP)");
    assertThat(profile.withNames("Smith", "John").matchName()).isEqualTo("Smith John");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> new MatchProfile(ID, false, " ", Option.some(""), Option.none(),
        HashSet.of("no-at-sign"), HashSet.of("13800138000"), Option.some(" - "),
        HashSet.of(" "), Option.some(" ")))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).violations().map(v -> v.code() + "@" + v.field()))
        .isEqualTo(List.of("match.display_name.blank@displayName",
            "match.family_name.blank@familyName", "match.organization_name.blank@organizationName",
            "match.email.malformed@emails", "match.phone.malformed@phones",
            "match.tax_id.blank@taxId", "match.postal_key.blank@postalKeys"));
  }

  @Test
  void rejectsPhonesNotInE164Form() {
    for (String bad : new String[] {"8613800138000", "+0123", "+86 138", "+", "+12345678901234567"}) {
      assertThatThrownBy(() -> MatchProfile.person(ID, "x").withPhones(bad)).as(bad)
          .isInstanceOf(InvalidValueException.class).hasMessageContaining("match.phone.malformed");
    }
  }

  @Test
  void rejectsNullComponentsByName() {
    assertThatThrownBy(() -> MatchProfile.person(null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("id");
    assertThatThrownBy(() -> MatchProfile.person(ID, "x").withEmails("a@b.c", null))
        .isInstanceOf(NullPointerException.class).hasMessage("emails element");
  }
}
