package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.vavr.collection.Set;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

  static final String HOME = MatchProfile.postalKey("GB", "SW1A 2AA", "10 Downing Street");
  static final String SHANGHAI = MatchProfile.postalKey("CN", "200120", "世纪大道100号");

  static MatchProfile person(String id, String name) {
    return MatchProfile.person(CustomerId.parse(id), name);
  }

  static Set<String> shared(MatchProfile a, MatchProfile b) {
    return BlockingKeys.of(a).intersect(BlockingKeys.of(b));
  }

  @Test
  void keysExactValuesByKind() {
    Set<String> keys = BlockingKeys.of(MatchProfile.organization(CustomerId.parse("o"), "Acme")
        .withEmails("Info@Acme.com").withPhones("+8613800138000").withTaxId("9131-0000-MA1"));
    assertThat(keys).contains("email:info@acme.com", "phone:+8613800138000", "tax:91310000MA1");
  }

  @Test
  void keysLatinNamesByWordStartsAtTheAddressAndCompany() {
    Set<String> keys = BlockingKeys.of(person("a", "John Smith").withPostalKeys(HOME)
        .withOrganizationName("Acme Ltd."));
    assertThat(keys).containsExactly(
        "addr:" + HOME + "|jhn", "addr:" + HOME + "|joh", "addr:" + HOME + "|john",
        "addr:" + HOME + "|jon", "addr:" + HOME + "|mit", "addr:" + HOME + "|ohn",
        "addr:" + HOME + "|sit", "addr:" + HOME + "|smi", "addr:" + HOME + "|smit",
        "addr:" + HOME + "|smt",
        "org:acmeltd|jhn", "org:acmeltd|joh", "org:acmeltd|john", "org:acmeltd|jon",
        "org:acmeltd|mit", "org:acmeltd|ohn", "org:acmeltd|sit", "org:acmeltd|smi",
        "org:acmeltd|smit", "org:acmeltd|smt");
  }

  @Test
  void keysChineseNamesByTheWholeNameWithOneCharacterDropped() {
    assertThat(BlockingKeys.of(person("a", "王小明").withPostalKeys(SHANGHAI))).containsExactly(
        "addr:" + SHANGHAI + "|小明", "addr:" + SHANGHAI + "|王小", "addr:" + SHANGHAI + "|王小明",
        "addr:" + SHANGHAI + "|王明");
  }

  @Test
  void typosReorderingAndWidthStillShareAKey() {
    MatchProfile john = person("a", "Katherine Jones").withPostalKeys(HOME);
    assertThat(shared(john, person("b", "JONES, Catherine").withPostalKeys(HOME))).isNotEmpty();
    assertThat(shared(john, person("b", "Ｋａｔｈｅｒｉｎｅ Ｊｏｎｅｓ").withPostalKeys(HOME)))
        .isNotEmpty();
    assertThat(shared(person("a", "Müller").withPostalKeys(HOME),
        person("b", "Mueller").withPostalKeys(HOME))).isNotEmpty();
    assertThat(shared(person("a", "王小明").withPostalKeys(SHANGHAI),
        person("b", "王晓明").withPostalKeys(SHANGHAI))).containsExactly("addr:" + SHANGHAI + "|王明");
    assertThat(shared(person("a", "阿卜杜·热合曼").withPostalKeys(SHANGHAI),
        person("b", "阿卜杜热合曼").withPostalKeys(SHANGHAI))).hasSize(5);
  }

  @Test
  void differentNamesOrPlacesShareNoKey() {
    assertThat(shared(person("a", "王").withPostalKeys(SHANGHAI),
        person("b", "王小明").withPostalKeys(SHANGHAI))).isEmpty();
    assertThat(shared(person("a", "John Smith").withPostalKeys(HOME),
        person("b", "Maria Garcia").withPostalKeys(HOME))).isEmpty();
    assertThat(shared(person("a", "John Smith").withPostalKeys(HOME),
        person("b", "John Smith").withPostalKeys("gb:e16an:1churchroad"))).isEmpty();
  }

  @Test
  void hasNoKeysByNameAlone() {
    assertThat(BlockingKeys.of(person("a", "John Smith"))).isEmpty();
  }
}
