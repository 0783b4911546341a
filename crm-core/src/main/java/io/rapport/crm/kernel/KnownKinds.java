package io.rapport.crm.kernel;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;

/** Holds every id kind the kernel defines, by name and by id class, once all are initialised. */
final class KnownKinds {

  static final Map<String, IdKind<?>> BY_NAME;
  static final Map<Class<?>, IdKind<?>> BY_CLASS;

  static {
    Map<String, IdKind<?>> byName = LinkedHashMap.empty();
    Map<Class<?>, IdKind<?>> byClass = LinkedHashMap.empty();
    byName = byName.put(ActivityId.KIND.name(), ActivityId.KIND);
    byClass = byClass.put(ActivityId.class, ActivityId.KIND);
    byName = byName.put(ActorId.KIND.name(), ActorId.KIND);
    byClass = byClass.put(ActorId.class, ActorId.KIND);
    byName = byName.put(ArticleId.KIND.name(), ArticleId.KIND);
    byClass = byClass.put(ArticleId.class, ArticleId.KIND);
    byName = byName.put(CustomerId.KIND.name(), CustomerId.KIND);
    byClass = byClass.put(CustomerId.class, CustomerId.KIND);
    byName = byName.put(EmployeeId.KIND.name(), EmployeeId.KIND);
    byClass = byClass.put(EmployeeId.class, EmployeeId.KIND);
    byName = byName.put(EventId.KIND.name(), EventId.KIND);
    byClass = byClass.put(EventId.class, EventId.KIND);
    byName = byName.put(InteractionId.KIND.name(), InteractionId.KIND);
    byClass = byClass.put(InteractionId.class, InteractionId.KIND);
    byName = byName.put(LeadId.KIND.name(), LeadId.KIND);
    byClass = byClass.put(LeadId.class, LeadId.KIND);
    byName = byName.put(LoyaltyAccountId.KIND.name(), LoyaltyAccountId.KIND);
    byClass = byClass.put(LoyaltyAccountId.class, LoyaltyAccountId.KIND);
    byName = byName.put(LoyaltyProgramId.KIND.name(), LoyaltyProgramId.KIND);
    byClass = byClass.put(LoyaltyProgramId.class, LoyaltyProgramId.KIND);
    byName = byName.put(OpportunityId.KIND.name(), OpportunityId.KIND);
    byClass = byClass.put(OpportunityId.class, OpportunityId.KIND);
    byName = byName.put(PipelineId.KIND.name(), PipelineId.KIND);
    byClass = byClass.put(PipelineId.class, PipelineId.KIND);
    byName = byName.put(PriceBookId.KIND.name(), PriceBookId.KIND);
    byClass = byClass.put(PriceBookId.class, PriceBookId.KIND);
    byName = byName.put(PricingRuleId.KIND.name(), PricingRuleId.KIND);
    byClass = byClass.put(PricingRuleId.class, PricingRuleId.KIND);
    byName = byName.put(ProductId.KIND.name(), ProductId.KIND);
    byClass = byClass.put(ProductId.class, ProductId.KIND);
    byName = byName.put(PurchaseId.KIND.name(), PurchaseId.KIND);
    byClass = byClass.put(PurchaseId.class, PurchaseId.KIND);
    byName = byName.put(QuoteId.KIND.name(), QuoteId.KIND);
    byClass = byClass.put(QuoteId.class, QuoteId.KIND);
    byName = byName.put(SlaPolicyId.KIND.name(), SlaPolicyId.KIND);
    byClass = byClass.put(SlaPolicyId.class, SlaPolicyId.KIND);
    byName = byName.put(SurveyId.KIND.name(), SurveyId.KIND);
    byClass = byClass.put(SurveyId.class, SurveyId.KIND);
    byName = byName.put(TeamId.KIND.name(), TeamId.KIND);
    byClass = byClass.put(TeamId.class, TeamId.KIND);
    byName = byName.put(TicketId.KIND.name(), TicketId.KIND);
    byClass = byClass.put(TicketId.class, TicketId.KIND);
    BY_NAME = byName;
    BY_CLASS = byClass;
  }

  private KnownKinds() {}
}
