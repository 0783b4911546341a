package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.TeamId;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Tracks a prospect before they are a customer: who they are and how to reach them, where they
 * came from (channel, campaign, referrer), what qualifies them, their score, and whether they were
 * disqualified or converted. Immutable and thread-safe.
 *
 * @param id the lead's id
 * @param status where it stands
 * @param name the person's name as given, not blank
 * @param organizationName the organization they buy for, or empty
 * @param contactPoints how to reach them (email, phone, ...), as validated customer contact points
 * @param source where they came from
 * @param qualification budget, authority, need and timeline as known
 * @param interests the products they asked about
 * @param estimatedValue what the deal may be worth, or empty
 * @param attributes further facts as text (industry, region, company size ...), by name; scoring
 *     models read them
 * @param score the latest score, or empty when never scored
 * @param owner who works it, or empty
 * @param team the team that works it, or empty
 * @param disqualification why it was disqualified; present exactly when disqualified
 * @param conversion what it became; present exactly when converted
 * @param createdAt when it was captured
 * @param createdBy who captured it
 * @param updatedAt when it last changed
 */
public record Lead(LeadId id, LeadStatus status, String name, Option<String> organizationName,
    Seq<ContactPoint> contactPoints, AcquisitionSource source, Qualification qualification,
    Seq<ProductId> interests, Option<Money> estimatedValue, SortedMap<String, String> attributes,
    Option<Integer> score, Option<EmployeeId> owner, Option<TeamId> team,
    Option<Disqualification> disqualification, Option<Conversion> conversion, Instant createdAt,
    ActorId createdBy, Instant updatedAt) implements Aggregate<LeadId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public Lead {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    requireNonNull(name, "name");
    requireNonNull(organizationName, "organizationName");
    requireNonNull(contactPoints, "contactPoints");
    requireNonNull(source, "source");
    requireNonNull(qualification, "qualification");
    requireNonNull(interests, "interests");
    requireNonNull(estimatedValue, "estimatedValue");
    requireNonNull(attributes, "attributes");
    requireNonNull(score, "score");
    requireNonNull(owner, "owner");
    requireNonNull(team, "team");
    requireNonNull(disqualification, "disqualification");
    requireNonNull(conversion, "conversion");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(updatedAt, "updatedAt");
    contactPoints.forEach(value -> requireNonNull(value, "contactPoints element"));
    interests.forEach(value -> requireNonNull(value, "interests element"));
  }
}
