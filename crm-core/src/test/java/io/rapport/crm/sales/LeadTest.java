package io.rapport.crm.sales;

import static io.rapport.crm.sales.LeadFixtures.AGENT;
import static io.rapport.crm.sales.LeadFixtures.LEAD_ID;
import static io.rapport.crm.sales.LeadFixtures.T0;
import static io.rapport.crm.sales.LeadFixtures.aCallCenterLead;
import static io.rapport.crm.sales.LeadFixtures.aLead;
import static io.rapport.crm.sales.LeadFixtures.accepted;
import static io.rapport.crm.sales.LeadFixtures.minutes;
import static io.rapport.crm.sales.LeadFixtures.refused;
import static io.rapport.crm.sales.LeadFixtures.stamp;
import static io.rapport.crm.sales.LeadFixtures.stampAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerRules;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.customer.PostalAddress;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.LeadEvent.LeadCaptured;
import io.rapport.crm.sales.LeadEvent.LeadConverted;
import io.rapport.crm.sales.LeadEvent.LeadDisqualified;
import io.rapport.crm.sales.LeadEvent.LeadQualificationUpdated;
import io.rapport.crm.sales.LeadEvent.LeadQualified;
import io.rapport.crm.sales.LeadEvent.LeadScored;
import io.rapport.crm.sales.LeadRejection.Reason;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeadTest {

  static final Currency CNY = Currency.getInstance("CNY");

  static Lead working() {
    return accepted(aLead().startWorking(stampAt(1)));
  }

  static Lead qualified() {
    return accepted(working().qualify(stampAt(2)));
  }

  static Lead disqualified() {
    return accepted(aLead().disqualify("no_budget", Option.none(), stampAt(1)));
  }

  static Lead converted() {
    return accepted(qualified().convert(CustomerId.parse("C-9"), false,
        Option.of(OpportunityId.parse("O-1")), stampAt(3)));
  }

  static Seq<String> codes(Validation<Seq<Violation>, ?> result) {
    return result.getError().map(Violation::code);
  }

  @Nested
  class Capturing {

    @Test
    void readsEveryPartOfTheDraft() {
      Transition<Lead> captured = Lead.capture(LEAD_ID, aCallCenterLead(), stamp(T0)).get();
      Lead lead = captured.state();

      assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
      assertThat(lead.name()).isEqualTo("Li Wei");
      assertThat(lead.organizationName()).containsExactly("Li Family Trust");
      assertThat(lead.contactValues().map(ContactValue::matchKey)).containsExactly(
          "phone:+8613800138000", "email:li.wei@example.com", "messaging:wechat:liwei_88");
      assertThat(lead.contactPoints().map(ContactPoint::primary)).containsOnly(true);
      assertThat(lead.source()).isEqualTo(new AcquisitionSource("call-center",
          Option.of("spring-fair"), Option.of("https://example.com/fair"),
          Option.of(CustomerId.parse("C-7"))));
      assertThat(lead.qualification()).isEqualTo(new Qualification(
          Option.of(Money.of("200000", CNY)), Option.of(true),
          Option.of("A dining set for twelve"), Option.of(LocalDate.parse("2026-12-31"))));
      assertThat(lead.interests()).containsExactly(ProductId.parse("P-dining-set"),
          ProductId.parse("P-chairs"));
      assertThat(lead.estimatedValue()).containsExactly(Money.of("180000", CNY));
      assertThat(lead.attributes()).isEqualTo(
          TreeMap.of("industry", "hospitality", "region", "east"));
      assertThat(lead.owner()).containsExactly(EmployeeId.parse("E-li"));
      assertThat(lead.team()).containsExactly(TeamId.parse("T-call"));
      assertThat(lead.score()).isEmpty();
      assertThat(lead.createdAt()).isEqualTo(T0);
      assertThat(lead.updatedAt()).isEqualTo(T0);
      assertThat(lead.createdBy()).isEqualTo(AGENT);
      assertThat(captured.events()).singleElement().isEqualTo(new LeadCaptured(
          ((LeadCaptured) captured.events().head()).stamp(), LEAD_ID, "call-center",
          Option.of("spring-fair"), 3, lead.owner(), lead.team()));
    }

    @Test
    void keepsPersonalValuesOutOfTheEvent() {
      DomainEvent event = Lead.capture(LEAD_ID, aCallCenterLead(), stamp(T0)).get()
          .events().head();

      assertThat(event.toString()).doesNotContain("Li Wei", "8000", "example.com", "liwei_88",
          "Trust", "dining");
    }

    @Test
    void reportsEveryMistakeWithItsField() {
      LeadDraft draft = LeadDraft.of(" ")
          .organizationName("x".repeat(201))
          .email("not-an-email")
          .phone("12")
          .email("wang@example.com")
          .email("WANG@example.com")
          .source("Call Center", null, null, "bad id!")
          .budget("-5", "CNY")
          .need("n".repeat(1001))
          .timeline("31/12/2026")
          .interest("bad id!")
          .estimatedValue("12.345", "CNY")
          .attribute("Industry", "hotels")
          .attribute("size", "s".repeat(1001))
          .owner("bad id!")
          .team("bad id!");

      Validation<Seq<Violation>, Transition<Lead>> result = Lead.capture(LEAD_ID, draft,
          stamp(T0));

      assertThat(result.getError()).extracting(Violation::code, Violation::field).contains(
          tuple("lead.name.blank", "name"),
          tuple("lead.organization_name.too_long", "organizationName"),
          tuple("email.malformed", "contactPoints[0].value"),
          tuple("phone.malformed", "contactPoints[1].value"),
          tuple("lead.contact.duplicate", "contactPoints[3]"),
          tuple("source.channel.malformed", "source.channel"),
          tuple("lead.qualification.budget.negative", "qualification.budget"),
          tuple("lead.qualification.need.too_long", "qualification.need"),
          tuple("lead.qualification.timeline.malformed", "qualification.timeline"),
          tuple("money.amount.too_many_decimals", "estimatedValue"),
          tuple("lead.attribute.name.malformed", "attributes.Industry"),
          tuple("lead.attribute.value.too_long", "attributes.size"));
      assertThat(result.getError().map(Violation::field)).contains("source.referredBy.customerId",
          "interests[0]", "owner", "team").doesNotContain("contactPoints");
      assertThat(result.getError()).hasSize(16);
    }

    @Test
    void needsAnEmailOrAPhone() {
      Validation<Seq<Violation>, Transition<Lead>> bare = Lead.capture(LEAD_ID,
          LeadDraft.of("Li Wei").source("web", null, null, null), stamp(T0));
      Validation<Seq<Violation>, Transition<Lead>> onlyWechat = Lead.capture(LEAD_ID,
          LeadDraft.of("Li Wei").handle("wechat", "liwei_88").source("web", null, null, null),
          stamp(T0));
      Validation<Seq<Violation>, Transition<Lead>> onlyPhone = Lead.capture(LEAD_ID,
          LeadDraft.of("Li Wei").phone("+86 138 0013 8000").source("web", null, null, null),
          stamp(T0));

      assertThat(bare.getError()).containsExactly(Violation.of("lead.contact.missing",
          "contactPoints", bare.getError().head().message()));
      assertThat(codes(onlyWechat)).containsExactly("lead.contact.missing");
      assertThat(onlyPhone.isValid()).isTrue();
    }

    @Test
    void needsASource() {
      Validation<Seq<Violation>, Transition<Lead>> result = Lead.capture(LEAD_ID,
          LeadDraft.of("Li Wei").email("li@example.com"), stamp(T0));

      assertThat(result.getError()).extracting(Violation::code, Violation::field)
          .containsExactly(tuple("lead.source.missing", "source"));
    }

    @Test
    void readsNationalNumbersOnlyWithADefaultRegion() {
      LeadDraft draft = LeadDraft.of("Li Wei").phone("138 0013 8000")
          .source("web", null, null, null);

      assertThat(codes(Lead.capture(LEAD_ID, draft, stamp(T0)))).containsExactly(
          "phone.malformed");
      assertThat(Lead.capture(LEAD_ID, draft.defaultRegion("CN"), stamp(T0)).get().state()
          .contactValues()).containsExactly(PhoneNumber.ofE164("+8613800138000"));
    }

    @Test
    void treatsBlankOptionalTextAsNotGiven() {
      Lead lead = Lead.capture(LEAD_ID, LeadDraft.of("Li Wei").email("li@example.com")
          .source("web", " ", null, null).organizationName("  ").need(" ").timeline("")
          .budget(" ", null).attribute("industry", " ").owner(""), stamp(T0)).get().state();

      assertThat(lead.organizationName()).isEmpty();
      assertThat(lead.qualification()).isEqualTo(Qualification.UNKNOWN);
      assertThat(lead.attributes()).isEmpty();
      assertThat(lead.owner()).isEmpty();
      assertThat(lead.source().campaign()).isEmpty();
    }
  }

  @Nested
  class Invariants {

    Lead rebuilt(Function<Lead, Lead> change) {
      return change.apply(aLead());
    }

    @Test
    void reportsEveryBrokenInvariantOfALead() {
      Lead lead = aLead();

      assertThatThrownBy(() -> new Lead(lead.id(), LeadStatus.NEW, " ", Option.of(""),
          lead.contactPoints(), lead.source(), lead.qualification(),
          List.of(ProductId.parse("P-1"), ProductId.parse("P-1")),
          Option.of(Money.of("-1", CNY)), TreeMap.of("Bad", "x", "ok", " "), Option.of(101),
          lead.owner(), lead.team(),
          Option.of(new Disqualification("spam", Option.none(), T0, AGENT)),
          Option.of(new Conversion(CustomerId.parse("C-1"), true, Option.none(), T0, AGENT)),
          T0, AGENT, T0.minusSeconds(1)))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::code)).containsExactly(
                  "lead.name.blank", "lead.organization_name.blank",
                  "lead.disqualification.mismatch", "lead.conversion.mismatch",
                  "lead.score.out_of_range", "lead.attribute.name.malformed",
                  "lead.attribute.value.blank", "lead.interests.duplicate",
                  "lead.estimated_value.negative", "lead.updated_at.before_creation"));
    }

    @Test
    void acceptsEveryStateTheCommandsReach() {
      assertThat(List.of(aLead(), working(), qualified(), disqualified(), converted())
          .map(Lead::status)).containsExactly(LeadStatus.NEW, LeadStatus.WORKING,
          LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED);
    }

    @Test
    void reportsEveryBrokenRuleOfAQualification() {
      assertThatThrownBy(() -> new Qualification(Option.of(Money.of("-0.01", CNY)),
          Option.none(), Option.of("  "), Option.none()))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations()).extracting(Violation::code, Violation::field)
                  .containsExactly(tuple("lead.qualification.budget.negative", "budget"),
                      tuple("lead.qualification.need.blank", "need")));
      assertThatThrownBy(() -> Qualification.UNKNOWN.withNeed(Option.of("n".repeat(1001))))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations().map(Violation::code))
                  .containsExactly("lead.qualification.need.too_long"));
    }

    @Test
    void reportsEveryBrokenRuleOfADisqualification() {
      assertThatThrownBy(() -> new Disqualification("No Budget", Option.of(" "), T0, AGENT))
          .isInstanceOfSatisfying(InvalidValueException.class, e ->
              assertThat(e.violations()).extracting(Violation::code, Violation::field)
                  .containsExactly(tuple("lead.disqualification.reason.malformed", "reason"),
                      tuple("lead.disqualification.note.blank", "note")));
    }
  }

  @Nested
  class StatusMoves {

    @Test
    void followTheTable() {
      assertThat(LeadStatus.NEW.allowedNext()).containsExactly(LeadStatus.WORKING,
          LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED);
      assertThat(LeadStatus.WORKING.allowedNext()).containsExactly(LeadStatus.QUALIFIED,
          LeadStatus.DISQUALIFIED, LeadStatus.CONVERTED);
      assertThat(LeadStatus.QUALIFIED.allowedNext()).containsExactly(LeadStatus.DISQUALIFIED,
          LeadStatus.CONVERTED);
      assertThat(LeadStatus.DISQUALIFIED.allowedNext()).containsExactly(LeadStatus.WORKING);
      assertThat(LeadStatus.CONVERTED.allowedNext()).isEmpty();
      assertThat(LeadStatus.QUALIFIED.mayMoveTo(LeadStatus.WORKING)).isFalse();
    }

    @Test
    void startWorkingMovesANewLead() {
      Transition<Lead> result = aLead().startWorking(stampAt(1)).get();

      assertThat(result.state().status()).isEqualTo(LeadStatus.WORKING);
      assertThat(result.state().updatedAt()).isEqualTo(minutes(1));
      assertThat(result.events().head()).isInstanceOf(LeadEvent.LeadWorkStarted.class);
      assertThat(refused(working().startWorking(stampAt(5))).reason())
          .isEqualTo(Reason.STATUS_UNCHANGED);
      assertThat(refused(disqualified().startWorking(stampAt(5))).reason())
          .isEqualTo(Reason.MOVE_NOT_ALLOWED);
    }

    @Test
    void refusalNamesTheStatusAndWhereItMayGo() {
      LeadRejection refusal = refused(qualified().startWorking(stampAt(5)));

      assertThat(refusal.code()).isEqualTo("lead.status.move_not_allowed");
      assertThat(refusal.status()).isEqualTo(LeadStatus.QUALIFIED);
      assertThat(refusal.allowed()).containsExactly(LeadStatus.DISQUALIFIED,
          LeadStatus.CONVERTED);
      assertThat(refusal.message()).contains("QUALIFIED", "DISQUALIFIED, CONVERTED");
    }

    @Test
    void qualifyFromNewOrWorking() {
      Transition<Lead> fromNew = aLead().qualify(stampAt(1)).get();
      Transition<Lead> fromWorking = working().qualify(stampAt(2)).get();

      assertThat(fromNew.state().status()).isEqualTo(LeadStatus.QUALIFIED);
      assertThat(((LeadQualified) fromNew.events().head()).from()).isEqualTo(LeadStatus.NEW);
      assertThat(((LeadQualified) fromWorking.events().head()).from())
          .isEqualTo(LeadStatus.WORKING);
      assertThat(refused(qualified().qualify(stampAt(3))).code())
          .isEqualTo("lead.status.unchanged");
      assertThat(refused(disqualified().qualify(stampAt(3))).code())
          .isEqualTo("lead.status.move_not_allowed");
    }

    @Test
    void disqualifyRecordsReasonAndNote() {
      Transition<Lead> result = working().disqualify(" no_budget ",
          Option.of(" Wants plywood, not rosewood "), stampAt(4)).get();

      assertThat(result.state().status()).isEqualTo(LeadStatus.DISQUALIFIED);
      assertThat(result.state().disqualification()).containsExactly(new Disqualification(
          "no_budget", Option.of("Wants plywood, not rosewood"), minutes(4), AGENT));
      LeadDisqualified event = (LeadDisqualified) result.events().head();
      assertThat(event.reason()).isEqualTo("no_budget");
      assertThat(event.from()).isEqualTo(LeadStatus.WORKING);
      assertThat(event.toString()).doesNotContain("plywood");
    }

    @Test
    void disqualifyRefusesBadReasonsAndNotes() {
      Lead lead = working();

      assertThat(refused(lead.disqualify("No Budget", Option.none(), stampAt(4))).code())
          .isEqualTo("lead.disqualification.reason.malformed");
      assertThat(refused(lead.disqualify("spam", Option.of("  "), stampAt(4))).code())
          .isEqualTo("lead.disqualification.note.blank");
      assertThat(refused(lead.disqualify("spam", Option.of("n".repeat(1001)), stampAt(4)))
          .code()).isEqualTo("lead.disqualification.note.too_long");
      assertThat(refused(disqualified().disqualify("spam", Option.none(), stampAt(4))).code())
          .isEqualTo("lead.status.unchanged");
    }

    @Test
    void requalifyWorksADisqualifiedLeadAgain() {
      Transition<Lead> result = disqualified().requalify(stampAt(5)).get();

      assertThat(result.state().status()).isEqualTo(LeadStatus.WORKING);
      assertThat(result.state().disqualification()).isEmpty();
      assertThat(((LeadEvent.LeadRequalified) result.events().head()).previousReason())
          .isEqualTo("no_budget");
      assertThat(refused(aLead().requalify(stampAt(5))).code())
          .isEqualTo("lead.status.move_not_allowed");
    }

    @Test
    void convertRecordsCustomerAndOpportunity() {
      Transition<Lead> result = qualified().convert(CustomerId.parse("C-9"), true,
          Option.of(OpportunityId.parse("O-1")), stampAt(3)).get();

      assertThat(result.state().status()).isEqualTo(LeadStatus.CONVERTED);
      assertThat(result.state().conversion()).containsExactly(new Conversion(
          CustomerId.parse("C-9"), true, Option.of(OpportunityId.parse("O-1")), minutes(3),
          AGENT));
      assertThat(result.events().head()).isEqualTo(new LeadConverted(
          ((LeadConverted) result.events().head()).stamp(), LEAD_ID, CustomerId.parse("C-9"),
          true, Option.of(OpportunityId.parse("O-1"))));
      assertThat(accepted(aLead().convert(CustomerId.parse("C-9"), false, Option.none(),
          stampAt(1))).status()).isEqualTo(LeadStatus.CONVERTED);
      assertThat(refused(disqualified().convert(CustomerId.parse("C-9"), false, Option.none(),
          stampAt(3))).code()).isEqualTo("lead.status.move_not_allowed");
    }

    @Test
    void aConvertedLeadRefusesEveryCommand() {
      Lead lead = converted();
      List<Either<LeadRejection, Transition<Lead>>> results = List.of(
          lead.startWorking(stampAt(9)), lead.qualify(stampAt(9)),
          lead.updateQualification(Qualification.UNKNOWN, stampAt(9)),
          lead.addContactPoint(ContactPoint.of(EmailAddress.parse("x@example.com")), stampAt(9)),
          lead.setAttribute("tier", "a", stampAt(9)), lead.removeAttribute("region", stampAt(9)),
          lead.assign(Option.none(), Option.none(), stampAt(9)), lead.rescore(5, stampAt(9)),
          lead.disqualify("spam", Option.none(), stampAt(9)), lead.requalify(stampAt(9)),
          lead.convert(CustomerId.parse("C-2"), false, Option.none(), stampAt(9)));

      assertThat(results.map(r -> refused(r).code())).containsOnly("lead.converted");
      assertThat(refused(lead.rescore(5, stampAt(9))).allowed()).isEmpty();
      assertThat(refused(lead.rescore(5, stampAt(9))).message()).contains("CONVERTED",
          "nothing");
    }

    @Test
    void refusesCommandsDatedBeforeTheLastChange() {
      Lead lead = working();
      List<Either<LeadRejection, Transition<Lead>>> results = List.of(
          lead.qualify(stamp(T0)), lead.rescore(50, stamp(T0)),
          lead.setAttribute("tier", "a", stamp(T0)),
          lead.disqualify("spam", Option.none(), stamp(T0)),
          lead.convert(CustomerId.parse("C-2"), false, Option.none(), stamp(T0)));

      assertThat(results.map(r -> refused(r).code())).containsOnly("lead.out_of_order");
      assertThat(refused(lead.qualify(stamp(T0))).message()).contains(minutes(1).toString());
    }
  }

  @Nested
  class Edits {

    @Test
    void updateQualificationNamesWhatChanged() {
      Lead lead = aLead();
      Qualification next = lead.qualification().withBudget(Option.of(Money.of("250000", CNY)))
          .withNeed(Option.none());

      Transition<Lead> result = lead.updateQualification(next, stampAt(1)).get();

      assertThat(result.state().qualification()).isEqualTo(next);
      assertThat(((LeadQualificationUpdated) result.events().head()).fields())
          .containsExactly("budget", "need");
      assertThat(refused(lead.updateQualification(lead.qualification(), stampAt(1))).code())
          .isEqualTo("lead.qualification.unchanged");
    }

    @Test
    void addContactPointRefusesAValueTheLeadHas() {
      Lead lead = aLead();
      ContactPoint office = ContactPoint.of(EmailAddress.parse("office@example.com"))
          .withPrimary(true);
      ContactPoint shop = ContactPoint.of(PostalAddress.validated(List.of("88 Nanjing Rd"),
          "Shanghai", null, "200001", "CN").get());

      Lead withOffice = accepted(lead.addContactPoint(office, stampAt(1)));
      Lead withShop = accepted(withOffice.addContactPoint(shop, stampAt(2)));

      assertThat(withShop.contactPoints()).hasSize(5);
      assertThat(withShop.contactPoints().get(3).primary()).as("second email").isFalse();
      assertThat(withShop.contactPoints().get(4).primary()).as("first address").isTrue();
      assertThat(refused(lead.addContactPoint(
          ContactPoint.of(EmailAddress.parse("li.wei@EXAMPLE.com")), stampAt(1))).code())
          .isEqualTo("lead.contact.duplicate");
      assertThat(((LeadEvent.LeadContactPointAdded) withOffice.addContactPoint(shop, stampAt(2))
          .get().events().head()).contactPoints()).isEqualTo(5);
    }

    @Test
    void setAndRemoveAttributes() {
      Lead lead = aLead();

      Lead set = accepted(lead.setAttribute("company.size", " 50-200 ", stampAt(1)));
      Lead removed = accepted(set.removeAttribute("region", stampAt(2)));

      assertThat(removed.attributes()).isEqualTo(TreeMap.of("company.size", "50-200",
          "industry", "hospitality"));
      assertThat(List.of(
          lead.setAttribute("Company Size", "x", stampAt(1)),
          lead.setAttribute("size", "  ", stampAt(1)),
          lead.setAttribute("size", "s".repeat(1001), stampAt(1)),
          lead.setAttribute("region", " east", stampAt(1)),
          lead.removeAttribute("tier", stampAt(1))).map(r -> refused(r).code()))
          .containsExactly("lead.attribute.name.malformed", "lead.attribute.value.blank",
              "lead.attribute.value.too_long", "lead.attribute.unchanged",
              "lead.attribute.unknown");
    }

    @Test
    void assignChangesOwnerAndTeam() {
      Lead lead = aLead();

      Lead unassigned = accepted(lead.assign(Option.none(), Option.of(TeamId.parse("T-store")),
          stampAt(1)));

      assertThat(unassigned.owner()).isEmpty();
      assertThat(unassigned.team()).containsExactly(TeamId.parse("T-store"));
      assertThat(refused(lead.assign(lead.owner(), lead.team(), stampAt(1))).code())
          .isEqualTo("lead.assignment.unchanged");
    }

    @Test
    void rescoreTakesZeroToHundred() {
      Lead lead = aLead();

      Transition<Lead> first = lead.rescore(0, stampAt(1)).get();
      Transition<Lead> second = first.state().rescore(100, stampAt(2)).get();

      assertThat(second.state().score()).containsExactly(100);
      assertThat((LeadScored) second.events().head()).extracting(LeadScored::previous,
          LeadScored::score).containsExactly(Option.of(0), 100);
      assertThat(List.of(lead.rescore(-1, stampAt(1)), lead.rescore(101, stampAt(1)),
          first.state().rescore(0, stampAt(2))).map(r -> refused(r).code()))
          .containsExactly("lead.score.out_of_range", "lead.score.out_of_range",
              "lead.score.unchanged");
    }

    @Test
    void aDisqualifiedLeadStillTakesEdits() {
      Lead lead = disqualified();

      assertThat(accepted(lead.rescore(10, stampAt(2))).status())
          .isEqualTo(LeadStatus.DISQUALIFIED);
      assertThat(accepted(lead.setAttribute("tier", "c", stampAt(2))).attributes().get("tier"))
          .containsExactly("c");
    }
  }

  @Nested
  class CustomerDrafts {

    @Test
    void toCustomerDraftRegistersAValidCustomer() {
      Lead lead = aLead();

      Customer customer = Customer.register(CustomerId.parse("C-9"), lead.toCustomerDraft(),
          CustomerRules.standard("CN"), stampAt(5)).get().state();

      assertThat(customer.name().displayName()).isEqualTo("Li Wei");
      assertThat(customer.organizationName()).containsExactly("Li Family Trust");
      assertThat(customer.contactPoints().map(p -> p.value().matchKey()))
          .containsExactlyElementsOf(lead.contactValues().map(ContactValue::matchKey));
      assertThat(customer.source()).containsExactly(lead.source());
      assertThat(customer.owner()).isEqualTo(lead.owner());
      assertThat(customer.team()).isEqualTo(lead.team());
    }

    @Test
    void toCustomerDraftCarriesAddressesAndVerification() {
      PostalAddress shop = PostalAddress.validated(List.of("88 Nanjing Rd"), "Shanghai", null,
          "200001", "CN").get();
      Lead lead = accepted(aLead().addContactPoint(ContactPoint.of(shop), stampAt(1)));
      Lead verified = accepted(lead.addContactPoint(
          ContactPoint.of(EmailAddress.parse("verified@example.com")).withVerified(true),
          stampAt(2)));

      Customer customer = Customer.register(CustomerId.parse("C-9"), verified.toCustomerDraft(),
          CustomerRules.standard("US"), stampAt(5)).get().state();

      assertThat(customer.contactPoints().map(ContactPoint::value)).contains(shop);
      assertThat(customer.contactPoints().filter(ContactPoint::verified).map(p -> p.value()))
          .containsExactly(EmailAddress.parse("verified@example.com"));
      assertThat(customer.contactPoints().filter(p -> p.kind() == ContactKind.EMAIL))
          .hasSize(2);
    }
  }
}
