package io.rapport.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path for plain numbers agrees with libphonenumber's general parser. */
class PhoneNumberProperties {

  static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** Every region's example numbers of every type, as people write them. */
  static List<String[]> typedNumbers() {
    List<String[]> typed = new ArrayList<>();
    for (String region : PHONES.getSupportedRegions()) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        Phonenumber.PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
          continue;
        }
        for (PhoneNumberFormat format : PhoneNumberFormat.values()) {
          String text = PHONES.format(example, format);
          typed.add(new String[] {text, region});
          typed.add(new String[] {text.replace(' ', '-'), region});
          typed.add(new String[] {text.replaceAll("[^0-9+]", ""), region});
          typed.add(new String[] {text, "CN"});
        }
      }
    }
    return typed;
  }

  @Test
  void agreesWithTheGeneralParserOnEveryRegionsExamples() {
    List<String[]> all = typedNumbers();
    assertThat(all).hasSizeGreaterThan(5000);
    int fast = 0;
    for (String[] input : all) {
      Phonenumber.PhoneNumber quick = PhoneNumber.plainNumber(input[0], input[1]);
      if (quick == null) {
        continue;
      }
      fast++;
      String expected;
      try {
        Phonenumber.PhoneNumber parsed = PHONES.parse(input[0], input[1]);
        expected = PHONES.isValidNumber(parsed) ? PHONES.format(parsed, PhoneNumberFormat.E164) : "invalid";
      } catch (NumberParseException e) {
        expected = "unparseable";
      }
      assertThat(PHONES.format(quick, PhoneNumberFormat.E164))
          .as("%s in %s", input[0], input[1]).isEqualTo(expected);
    }
    assertThat(fast).as("inputs taking the fast path").isGreaterThan(all.size() / 8);
  }

  @Test
  void agreesOnRandomlyChosenInputs() {
    List<String[]> all = typedNumbers();
    qt().withFixedSeed(20261123L).withExamples(2000).forAll(arbitrary().pick(all)).checkAssert(input -> {
      var viaValidation = PhoneNumber.validated(input[0], input[1], "phone");
      String expected;
      try {
        Phonenumber.PhoneNumber parsed = PHONES.parse(input[0], input[1]);
        expected = PHONES.isValidNumber(parsed) ? PHONES.format(parsed, PhoneNumberFormat.E164) : null;
      } catch (NumberParseException e) {
        expected = null;
      }
      if (expected == null) {
        assertThat(viaValidation.isInvalid()).as("%s in %s", input[0], input[1]).isTrue();
      } else {
        assertThat(viaValidation.get().e164()).as("%s in %s", input[0], input[1]).isEqualTo(expected);
      }
    });
  }
}
