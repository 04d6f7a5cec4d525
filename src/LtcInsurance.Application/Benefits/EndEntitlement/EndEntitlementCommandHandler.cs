using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Policies.Entitlement;
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
        var events = request.Reason switch
        {
            EndReasons.Death => new EntitlementEvents(Death: request.EventDay),
            EndReasons.InsuranceLost => new EntitlementEvents(InsuranceLost: request.EventDay),
            _ => new EntitlementEvents(NewConclusion: request.EventDay),
        };
        // the entitlement as stored stands for the conclusion's validity (its last day, or open-ended)
        var validity = new ConclusionValidity(entitlement.From, true, 0, entitlement.To ?? DateOnly.MaxValue);
        var intervals = await BenefitLookup.RunAsync(engine, tenant,
            calculator => calculator.Entitlement(tenant).Intervals(entitlement.From, validity, events, []), cancellationToken);
        var span = intervals.Value.Span;
        var last = span?.To ?? entitlement.From.AddDays(-1);
        BenefitRule.Check(span is not null && span.EndReason == Domain.Policies.Entitlement.EntitlementEndReasons.ValidityEnd,
            BenefitCodes.EntitlementEnded, BenefitClauses.Handling,
            $"终止事由发生于待遇资格期满（{BenefitLookup.Day(entitlement.To ?? entitlement.From)}）之后，无需提前终止");
        entitlement.End(last, request.Reason, BenefitLookup.AppendTrace(entitlement.Trace, "end", intervals.Trace));
        await db.SaveChangesAsync(cancellationToken);
        return new EntitlementEnded(entitlement.Id, last, request.Reason,
            span is null
                ? $"终止事由发生在待遇起始日 {BenefitLookup.Day(entitlement.From)} 之前，该待遇资格不产生待遇（{EndReasons.ChineseName(request.Reason)}）"
                : $"待遇资格因{EndReasons.ChineseName(request.Reason)}终止，最后享受待遇日为 {BenefitLookup.Day(last)}");
    }
}
