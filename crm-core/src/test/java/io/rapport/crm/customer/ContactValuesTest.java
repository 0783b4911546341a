package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class ContactValuesTest {

  @Test
  void normalisesEmailAddressesAndMatchesThemCaseInsensitively() {
    EmailAddress email = EmailAddress.parse("  Li.Wei@Example.COM ");
    assertThat(email.value()).isEqualTo("Li.Wei@example.com");
    assertThat(email.matchKey()).isEqualTo("email:li.wei@example.com");
    assertThat(EmailAddress.parse("li.wei@example.com").matchKey()).isEqualTo(email.matchKey());
    assertThat(EmailAddress.parse("李伟@例子.中国").value()).isEqualTo("李伟@例子.中国");
    assertThat(new EmailAddress("a@b.io")).isEqualTo(EmailAddress.parse("a@B.IO"));
    assertThatThrownBy(() -> new EmailAddress("a@B.IO")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsMalformedEmailAddresses() {
    for (String bad : new String[] {"plain", "@example.com", "a@", "a@b", "a..b@example.com",
        ".a@example.com", "a b@example.com", "a@-example.com", "a@example..com", "a@1.2.3.4",
        "a@" + "x".repeat(250) + ".com"}) {
      assertThat(EmailAddress.validated(bad, "emails[0]").getError()).as(bad)
          .extracting(Violation::code, Violation::field)
          .containsExactly(tuple("email.malformed", "emails[0]"));
    }
    assertThat(EmailAddress.validated(" ", "email").getError()).extracting(Violation::code)
        .containsExactly("email.missing");
  }

  @Test
  void normalisesPhoneNumbersToE164InTheDefaultRegion() {
    PhoneNumber mobile = PhoneNumber.parse("138 0013 8000", "CN");
    assertThat(mobile.e164()).isEqualTo("+8613800138000");
    assertThat(PhoneNumber.parse("+86 138-0013-8000", "US")).isEqualTo(mobile);
    assertThat(PhoneNumber.parse("(650) 253-0000", "US").e164()).isEqualTo("+16502530000");
    assertThat(PhoneNumber.parse("030 901820", "DE").e164()).isEqualTo("+4930901820");
    assertThat(mobile.region()).isEqualTo("CN");
    assertThat(mobile.matchKey()).isEqualTo("phone:+8613800138000");
    assertThat(PhoneNumber.ofE164("+8613800138000")).isEqualTo(mobile);
  }

  @Test
  void rejectsBadPhoneNumbersNamingTheField() {
    assertThat(PhoneNumber.validated("hello", "CN", "phones[1]").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("phone.malformed", "phones[1]"));
    assertThat(PhoneNumber.validated("+86 123", "CN", "phone").getError()).extracting(Violation::code)
        .containsExactly("phone.invalid");
    assertThat(PhoneNumber.validated("138 0013 8000", "XX", "phone").getError())
        .extracting(Violation::code).containsExactly("phone.region.unknown");
    assertThat(PhoneNumber.validated("138 0013 8000", "ZZ", "phone").getError())
        .extracting(Violation::code).containsExactly("phone.malformed");
    assertThat(PhoneNumber.validated(null, "CN", "phone").getError()).extracting(Violation::code)
        .containsExactly("phone.missing");
    assertThatThrownBy(() -> PhoneNumber.ofE164("+86 138 0013 8000"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void keepsAnyCountrysAddressLayout() {
    PostalAddress shanghai = PostalAddress.validated(List.of("南京西路 1266 号", "恒隆广场 36 楼"),
        "上海", "上海市", "200040", "cn").get();
    assertThat(shanghai.country()).isEqualTo("CN");
    assertThat(shanghai.matchKey()).startsWith("postal:cn|200040|南京西路 1266 号");
    assertThat(PostalAddress.validated(List.of("1 Main St"), null, null, null, "US").get().postalCode())
        .isEmpty();
  }

  @Test
  void reportsEveryAddressProblemAtOnce() {
    assertThat(PostalAddress.validated(List.of("ok", " "), "x", "", "", "XX").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("address.line.blank", "lines[1]"),
            tuple("address.country.unknown", "country"));
    assertThat(PostalAddress.validated(null, null, null, null, null).getError())
        .extracting(Violation::code)
        .containsExactly("address.lines.missing", "address.country.unknown");
  }

  @Test
  void checksMessagingHandles() {
    MessagingHandle wechat = MessagingHandle.validated("wechat", "liwei_88", "handles[0]").get();
    assertThat(wechat.network()).isEqualTo(MessagingHandle.Network.WECHAT);
    assertThat(wechat.matchKey()).isEqualTo("messaging:wechat:liwei_88");
    assertThat(MessagingHandle.validated("myspace", "li wei", "handles[0]").getError())
        .extracting(Violation::code, Violation::field)
        .containsExactly(tuple("handle.network.unknown", "handles[0].network"),
            tuple("handle.malformed", "handles[0].handle"));
    assertThatThrownBy(() -> new MessagingHandle(MessagingHandle.Network.LINE, ""))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void restoresStoredE164NumbersCheckingOnlyTheirForm() {
    assertThat(PhoneNumber.restore("+8613800138000")).isEqualTo(PhoneNumber.parse("13800138000", "CN"));
    // a number libphonenumber may not (or no longer) consider valid still restores
    assertThat(PhoneNumber.restore("+8610000000").e164()).isEqualTo("+8610000000");
    assertThatThrownBy(() -> PhoneNumber.ofE164("+8610000000"))
        .isInstanceOf(InvalidValueException.class);
    for (String malformed : new String[] {"8613800138000", "+0861380013", "+86 138", "+999123456",
        "+1234567890123456"}) {
      assertThatThrownBy(() -> PhoneNumber.restore(malformed)).as(malformed)
          .isInstanceOf(InvalidValueException.class).hasMessageContaining("E.164");
    }
  }
}
