using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Benefits;
using EndReasons = LtcInsurance.Domain.Benefits.EntitlementEndReasons;

namespace LtcInsurance.Application.Benefits.EndEntitlement;

internal sealed class EndEntitlementCommandHandler(ILtcDbContext db, IPolicyEngine engine)
    : IRequestHandler<EndEntitlementCommand, EntitlementEnded>
{
    public async Task<EntitlementEnded> Handle(EndEntitlementCommand request, CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var entitlement = await BenefitLookup.EntitlementAsync(db, request.EntitlementId, cancellationToken);
        BenefitRule.Check(entitlement.IsEnded, BenefitCodes.EntitlementEnded, BenefitClauses.Handling,
            $"该待遇资格已于 {BenefitLookup.Day(entitlement.To ?? entitlement.From)} 终止（{EndReasons.ChineseName(entitlement.EndReason!)}）");
        var outcome = await EntitlementEnding.EndAsync(engine, tenant, entitlement, request.Reason, request.EventDay, cancellationToken);
        BenefitRule.Check(outcome.AfterValidity, BenefitCodes.EntitlementEnded, BenefitClauses.Handling,
            $"终止事由发生于待遇资格期满（{BenefitLookup.Day(entitlement.To ?? entitlement.From)}）之后，无需提前终止");
        await db.SaveChangesAsync(cancellationToken);
        return new EntitlementEnded(entitlement.Id, outcome.LastDay, request.Reason,
            outcome.BeforeStart
                ? $"终止事由发生在待遇起始日 {BenefitLookup.Day(entitlement.From)} 之前，该待遇资格不产生待遇（{EndReasons.ChineseName(request.Reason)}）"
                : $"待遇资格因{EndReasons.ChineseName(request.Reason)}终止，最后享受待遇日为 {BenefitLookup.Day(outcome.LastDay)}");
    }
}
