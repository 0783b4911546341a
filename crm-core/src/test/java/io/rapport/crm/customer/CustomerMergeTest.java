package io.rapport.crm.customer;

import static io.rapport.crm.customer.Customers.RULES;
import static io.rapport.crm.customer.Customers.SCHEMA;
import static io.rapport.crm.customer.Customers.aVipCustomer;
import static io.rapport.crm.customer.Customers.another;
import static io.rapport.crm.customer.Customers.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class CustomerMergeTest {

  @Test
  void uniteContactPointsTagsAndConsentAndFollowTheSurvivorshipRules() {
    Customer survivor = aVipCustomer();
    Customer duplicate = Customer.register(CustomerId.parse("C-9"),
        CustomerDraft.person("Wang Xiaoming").familyName("Wang").givenNames("Xiaoming")
            .email("xiaoming@example.com", false).email("wxm@work.example", true)
            .taxId("110-105-0000").tags("collector").attribute("household.size", "4")
            .attribute("wood.preference", "suanzhi").source("call-center", null, null, null),
        RULES, at(3)).get().state();

    CustomerMerge.Outcome outcome =
        CustomerMerge.merge(survivor, duplicate, Survivorship.standard(), at(4)).get();
    Customer merged = outcome.survivor().state();

    assertThat(merged.id()).isEqualTo(survivor.id());
    assertThat(merged.name()).isEqualTo(survivor.name());
    assertThat(merged.contactPoints().map(p -> p.value().matchKey()))
        .contains("email:xiaoming@example.com", "email:wxm@work.example").hasSize(5);
    assertThat(merged.contactPoints().filter(p -> p.kind() == ContactKind.EMAIL && p.primary())
        .map(p -> p.value().matchKey())).containsExactly("email:xiaoming@example.com");
    assertThat(merged.taxId()).isEqualTo(Option.of("1101050000"));
    assertThat(merged.tags()).containsExactly("collector", "rosewood", "vip");
    assertThat(merged.attributes().get("household.size").get().text()).isEqualTo("4");
    assertThat(merged.attributes().get("wood.preference").get().text()).isEqualTo("suanzhi");
    assertThat(merged.source().get().channel()).isEqualTo("call-center");
    assertThat(merged.createdAt()).isEqualTo(survivor.createdAt());
    assertThat(outcome.absorbed().state().mergedInto()).isEqualTo(Option.of(survivor.id()));
    assertThat(outcome.absorbed().events().head().eventId())
        .isNotEqualTo(outcome.survivor().events().head().eventId());

    Customer manual = CustomerMerge.merge(survivor, duplicate, Survivorship.standard()
        .choose(MergeField.NAME, Survivorship.Side.ABSORBED)
        .with(MergeField.ATTRIBUTES, SurvivorshipRule.SURVIVOR_WINS), at(4)).get().survivor().state();
    assertThat(manual.name().displayName()).isEqualTo("Wang Xiaoming");
    assertThat(manual.attributes().get("wood.preference").get().text()).isEqualTo("zitan");
  }

  @Test
  void undoRestoresBothCustomersExactly() {
    Customer survivor = aVipCustomer();
    Customer duplicate = another("C-8", "小明", "xm@example.com", 2);
    CustomerMerge.Outcome outcome =
        CustomerMerge.merge(survivor, duplicate, Survivorship.standard(), at(4)).get();

    Seq<Transition<Customer>> undone = CustomerMerge.undo(outcome.journal(),
        outcome.survivor().state(), outcome.absorbed().state(), at(5)).get();

    assertThat(undone.map(Transition::state)).containsExactly(survivor, duplicate);
    assertThat(undone.flatMap(Transition::events)).hasSize(2)
        .allMatch(e -> e instanceof CustomerEvent.MergeUndone);
  }

  @Test
  void undoIsRefusedWhenACustomerChangedSinceOrTheJournalWasUsed() {
    Customer survivor = aVipCustomer();
    Customer duplicate = another("C-8", "小明", "xm@example.com", 2);
    CustomerMerge.Outcome outcome =
        CustomerMerge.merge(survivor, duplicate, Survivorship.standard(), at(4)).get();
    Customer changedSince = outcome.survivor().state()
        .tag(List.of("gift"), List.empty(), at(6)).get().state();

    Either<CustomerRejection, Seq<Transition<Customer>>> refused = CustomerMerge.undo(
        outcome.journal(), changedSince, outcome.absorbed().state(), at(7));
    assertThat(refused.getLeft().code()).isEqualTo("customer.undo_changed");

    Either<CustomerRejection, Seq<Transition<Customer>>> used = CustomerMerge.undo(
        outcome.journal().undone(at(8).at()), outcome.survivor().state(),
        outcome.absorbed().state(), at(8));
    assertThat(used.getLeft().code()).isEqualTo("customer.undo_mismatch");
  }

  @Test
  void refusesSelfErasedAndAlreadyMergedCustomersWithAReason() {
    Customer customer = aVipCustomer();
    Customer other = another("C-8", "小明", "xm@example.com", 2);
    assertThat(CustomerMerge.merge(customer, customer, Survivorship.standard(), at(3)).getLeft()
        .code()).isEqualTo("customer.merge_self");
    Customer erased = other.erase(SCHEMA, at(3)).state();
    assertThat(CustomerMerge.merge(customer, erased, Survivorship.standard(), at(4)).getLeft()
        .code()).isEqualTo("customer.merge_erased");
    Customer merged = CustomerMerge.merge(customer, other, Survivorship.standard(), at(4)).get()
        .absorbed().state();
    CustomerMerge.Outcome again = CustomerMerge.merge(another("C-7", "x", "x@example.com", 1),
        other, Survivorship.standard(), at(5)).get();
    assertThat(again.survivor().state().id().value()).isEqualTo("C-7");
    assertThat(CustomerMerge.merge(customer, merged, Survivorship.standard(), at(6)).getLeft()
        .code()).isEqualTo("customer.merge_merged");
    assertThat(merged.rename(CustomerName.of("x"), at(7)).getLeft().code())
        .isEqualTo("customer.merged");
  }
}
