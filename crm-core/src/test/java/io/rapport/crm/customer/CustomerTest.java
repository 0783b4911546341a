package io.rapport.crm.customer;

import static io.rapport.crm.customer.Customers.RULES;
import static io.rapport.crm.customer.Customers.SCHEMA;
import static io.rapport.crm.customer.Customers.aVipCustomer;
import static io.rapport.crm.customer.Customers.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

class CustomerTest {

  @Test
  void registersACustomerWithNormalisedContactPointsAndTypedAttributes() {
    Transition<Customer> registered =
        Customer.register(CustomerId.parse("C-1"), Customers.xiaoming(), RULES, at(0)).get();
    Customer customer = registered.state();

    assertThat(customer.name().displayName()).isEqualTo("王小明");
    assertThat(customer.name().familyName()).isEqualTo(Option.of("王"));
    assertThat(customer.contactPoints().map(p -> p.value().matchKey())).containsExactly(
        "email:xiaoming@example.com", "phone:+8613800138000",
        customer.contactPoints().get(2).value().matchKey(), "messaging:wechat:xiaoming_88");
    assertThat(customer.contactPoints().forAll(ContactPoint::primary)).isTrue();
    assertThat(customer.contactPoints().get(0).verified()).isTrue();
    assertThat(customer.tags()).containsExactly("rosewood", "vip");
    assertThat(customer.attributes().get("budget").get().text()).isEqualTo("CNY 280000.00");
    assertThat(customer.stage()).isEqualTo(LifecycleStage.LEAD);
    assertThat(customer.owner()).isEqualTo(Option.of(EmployeeId.parse("E-7")));
    assertThat(registered.events()).hasSize(1);
    assertThat(registered.events().head()).isInstanceOf(CustomerEvent.Registered.class);
  }

  @Test
  void reportsEveryViolationOfBadInputAtOnceWithItsField() {
    CustomerDraft draft = CustomerDraft.person("  ")
        .email("not-an-email", false)
        .phone("12", false)
        .address(java.util.List.of("1 Main St"), "Springfield", null, null, "XX")
        .attribute("wood.preference", "oak")
        .attribute("budget", "EUR 10.00")
        .attribute("birthday", "04/05/1980")
        .attribute("shoe.size", "42")
        .tags("ok", "")
        .owner("bad id!")
        .source("Store Visit", null, null, null);

    Validation<Seq<Violation>, Transition<Customer>> result =
        Customer.register(CustomerId.parse("C-2"), draft, RULES, at(0));

    assertThat(result.isInvalid()).isTrue();
    assertThat(result.getError().map(Violation::field)).contains(
        "name.displayName", "contactPoints[0].value", "contactPoints[1].value",
        "attributes.wood.preference", "attributes.budget", "attributes.birthday",
        "attributes.shoe.size", "tags[1]", "owner", "source.channel");
    assertThat(result.getError().map(Violation::code)).contains("name.display.blank",
        "attribute.choice.unknown", "attribute.money.wrong_currency", "attribute.date.malformed",
        "attribute.unknown", "tag.malformed", "source.channel.malformed");
    assertThat(result.getError().exists(v -> v.field().startsWith("contactPoints[2]")
        && v.code().equals("address.country.unknown"))).isTrue();
  }

  @Test
  void aRequiredAttributeMissingIsReported() {
    CustomerRules strict = RULES.withSchema(AttributeSchema.of(
        AttributeDefinition.text("store").asRequired()));
    Validation<Seq<Violation>, Transition<Customer>> result = Customer.register(
        CustomerId.parse("C-3"), CustomerDraft.person("Ana"), strict, at(0));
    assertThat(result.getError().map(Violation::code)).containsExactly("attribute.required");
    assertThat(result.getError().head().field()).isEqualTo("attributes.store");
  }

  @Test
  void contactPointsKeepOnePrimaryPerKindAndRefuseDuplicates() {
    Customer customer = aVipCustomer();
    EmailAddress work = EmailAddress.parse("wang@rosewood.example");

    Customer added = customer.addContactPoint(ContactPoint.of(work).withPrimary(true), at(1))
        .get().state();
    assertThat(added.preferred(ContactKind.EMAIL, at(1).at()).get().value()).isEqualTo(work);
    assertThat(added.contactPoints().filter(p -> p.kind() == ContactKind.EMAIL && p.primary()))
        .hasSize(1);

    Either<CustomerRejection, Transition<Customer>> again =
        added.addContactPoint(ContactPoint.of(EmailAddress.parse("WANG@rosewood.example")), at(2));
    assertThat(again.getLeft().code()).isEqualTo("customer.contact_duplicate");

    Customer removed = added.removeContactPoint(work, at(3)).get().state();
    assertThat(removed.preferred(ContactKind.EMAIL, at(3).at()).get().primary()).isTrue();
    assertThat(removed.removeContactPoint(work, at(4)).getLeft().code())
        .isEqualTo("customer.contact_unknown");
    assertThat(removed.verifyContactPoint(PhoneNumber.parse("13800138000", "CN"), at(5)).get()
        .state().contactPoints().get(1).verified()).isTrue();
  }

  @Test
  void aRefusedLifecycleMoveNamesTheAllowedStagesAndChangesNothing() {
    Customer customer = aVipCustomer();
    Either<CustomerRejection, Transition<Customer>> refused =
        customer.moveTo(LifecycleStage.CHURNED, "", RULES.lifecyclePolicy(), at(1));
    assertThat(refused.getLeft().code()).isEqualTo("customer.lifecycle");
    assertThat(refused.getLeft().message()).contains("PROSPECT").contains("CUSTOMER");
    assertThat(refused.getLeft().violations().head().code()).isEqualTo("customer.lifecycle.not_allowed");
    assertThat(customer.stage()).isEqualTo(LifecycleStage.LEAD);

    io.rapport.crm.kernel.EventStamp stamp = at(2);
    Transition<Customer> moved = customer.moveTo(LifecycleStage.PROSPECT, "asked for a quote",
        RULES.lifecyclePolicy(), stamp).get();
    assertThat(moved.state().stage()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(moved.state().updatedAt()).isEqualTo(stamp.at());
    assertThat(((CustomerEvent.StageChanged) moved.events().head()).change().reason())
        .isEqualTo("asked for a quote");
  }

  @Test
  void assignsTagsAndAttributesWithSchemaChecks() {
    Customer customer = aVipCustomer();
    Customer assigned = customer.assign(Option.of(EmployeeId.parse("E-9")),
        Option.of(TeamId.parse("call-center")), at(1)).get().state();
    assertThat(assigned.team()).isEqualTo(Option.of(TeamId.parse("call-center")));
    assertThat(assigned.assign(assigned.owner(), assigned.team(), at(2)).getLeft().code())
        .isEqualTo("customer.no_change");

    Transition<Customer> tagged = assigned.tag(List.of("Collector"), List.of("vip"), at(3)).get();
    assertThat(tagged.state().tags()).containsExactly("collector", "rosewood");
    CustomerEvent.Tagged event = (CustomerEvent.Tagged) tagged.events().head();
    assertThat(event.added()).containsExactly("collector");
    assertThat(event.removed()).containsExactly("vip");

    Either<CustomerRejection, Transition<Customer>> badAttributes = assigned.changeAttributes(
        HashMap.of("household.size", new AttributeValue.Text("four"), "colour",
            new AttributeValue.Choice("red")), SCHEMA, at(4));
    assertThat(badAttributes.getLeft().violations().map(Violation::code))
        .containsExactlyInAnyOrder("attribute.wrong_type", "attribute.unknown");
  }

  @Test
  void erasureRemovesPersonalDataKeepsFactsAndIsHarmlessTwice() {
    Customer customer = aVipCustomer()
        .moveTo(LifecycleStage.CUSTOMER, "bought a 紫檀 table", RULES.lifecyclePolicy(), at(1))
        .get().state()
        .recordConsent(ConsentRecord.of(ConsentPurpose.MARKETING, ConsentChannel.EMAIL,
            ConsentRecord.Status.GRANTED, at(1).at(), "store", "signed form"), at(1)).get().state();

    Transition<Customer> erased = customer.erase(SCHEMA, at(5));
    Customer gone = erased.state();

    assertThat(gone.isErased()).isTrue();
    assertThat(gone.name()).isEqualTo(CustomerName.ERASED);
    assertThat(gone.contactPoints()).isEmpty();
    assertThat(gone.attributes().keySet()).containsExactlyInAnyOrder("wood.preference", "budget");
    assertThat(gone.lifecycle().history().map(LifecycleChange::reason)).allMatch(String::isEmpty);
    assertThat(gone.lifecycle().history().map(LifecycleChange::to))
        .containsExactly(LifecycleStage.LEAD, LifecycleStage.CUSTOMER);
    assertThat(gone.source().get().campaign()).isEqualTo(Option.of("spring-fair"));
    assertThat(gone.tags()).isEqualTo(customer.tags());
    assertThat(gone.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, at(6).at()).allowed())
        .isFalse();
    assertThat(customer.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING, at(6).at())
        .allowed()).isTrue();
    assertThat(gone.toString()).doesNotContain("小明", "xiaoming", "13800138000", "1980", "建国路");
    assertThat(erased.events()).hasSize(1);

    Transition<Customer> again = gone.erase(SCHEMA, at(6));
    assertThat(again.state()).isSameAs(gone);
    assertThat(again.events()).isEmpty();
    assertThat(gone.rename(CustomerName.of("Someone"), at(7)).getLeft().code())
        .isEqualTo("customer.erased");
  }

  @Test
  void recordsASourceOnceAndRefusesTheSameAgain() {
    Customer customer = Customer.register(CustomerId.parse("C-9"), CustomerDraft.person("Ana"),
        RULES, at(0)).get().state();
    assertThat(customer.source()).isEmpty();
    AcquisitionSource fair = new AcquisitionSource("store-visit", Option.of("spring-fair"),
        Option.none(), Option.none());

    Transition<Customer> sourced = customer.changeSource(Option.of(fair), at(1)).get();

    assertThat(sourced.state().source()).isEqualTo(Option.of(fair));
    assertThat(sourced.state().updatedAt()).isEqualTo(at(1).at());
    assertThat(sourced.events().head()).isInstanceOf(CustomerEvent.ProfileChanged.class);
    assertThat(sourced.state().changeSource(Option.of(fair), at(2)).getLeft().code())
        .isEqualTo("customer.no_change");
    assertThat(sourced.state().changeSource(Option.none(), at(2)).get().state().source())
        .isEmpty();
  }
}
