using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Policies.Entitlement;
using Microsoft.EntityFrameworkCore;
using EndReasons = LtcInsurance.Domain.Benefits.EntitlementEndReasons;

namespace LtcInsurance.Application.Benefits;

/// <summary>
/// Ends an entitlement early by the engine's end rule (<c>EntitlementPeriod</c>): death (the day counts), loss of insurance
/// (ends the day before), a new conclusion that opens no benefits (its day). The end's trace is added to the stored one
/// under <c>end</c>. Used by <c>EndEntitlement</c> and by the concluding confirmation (<c>ConfirmConclusion</c>).
/// </summary>
internal static class EntitlementEnding
{
    /// <param name="LastDay">The last day with benefits (the day before <c>From</c> when the event came before the start).</param>
    /// <param name="BeforeStart">The event came before the entitlement's first day: it yields no benefits.</param>
    /// <param name="AfterValidity">The event came after the entitlement had run out: nothing to end, nothing changed.</param>
    public sealed record Outcome(DateOnly LastDay, bool BeforeStart, bool AfterValidity);

    /// <summary>Ends <paramref name="entitlement"/> (tracked) for <paramref name="reason"/> on <paramref name="eventDay"/>; the caller saves.</summary>
    public static async Task<Outcome> EndAsync(IPolicyEngine engine, string tenant, BenefitEntitlement entitlement, string reason, DateOnly eventDay,
        CancellationToken cancellationToken)
    {
        var events = reason switch
        {
            EndReasons.Death => new EntitlementEvents(Death: eventDay),
            EndReasons.InsuranceLost => new EntitlementEvents(InsuranceLost: eventDay),
            _ => new EntitlementEvents(NewConclusion: eventDay),
        };
        // the entitlement as stored stands for the conclusion's validity (its last day, or open-ended)
        var validity = new ConclusionValidity(entitlement.From, true, 0, entitlement.To ?? DateOnly.MaxValue);
        var intervals = await BenefitLookup.RunAsync(engine, tenant,
            calculator => calculator.Entitlement(tenant).Intervals(entitlement.From, validity, events, []), cancellationToken);
        var span = intervals.Value.Span;
        if (span is not null && span.EndReason == Domain.Policies.Entitlement.EntitlementEndReasons.ValidityEnd)
            return new Outcome(entitlement.To ?? entitlement.From, false, true);
        var last = span?.To ?? entitlement.From.AddDays(-1);
        entitlement.End(last, reason, BenefitLookup.AppendTrace(entitlement.Trace, "end", intervals.Trace));
        return new Outcome(last, span is null, false);
    }

    /// <summary>
    /// A new conclusion of <paramref name="personId"/> on <paramref name="concludedOn"/> that opens no benefits ends every
    /// entitlement of the person's earlier conclusions still running that day (reason 新的评估结论); the caller saves.
    /// </summary>
    public static async Task<IReadOnlyList<(BenefitEntitlement Entitlement, Outcome Outcome)>> EndForNewConclusionAsync(
        ILtcDbContext db, IPolicyEngine engine, string tenant, Guid personId, Guid applicationId, DateOnly concludedOn, CancellationToken cancellationToken)
    {
        var running = await db.Set<BenefitEntitlement>()
            .Where(e => e.PersonId == personId && e.ApplicationId != applicationId && e.EndReason == null && (e.To == null || e.To >= concludedOn))
            .ToListAsync(cancellationToken);
        var ended = new List<(BenefitEntitlement, Outcome)>();
        foreach (var entitlement in running)
        {
            var outcome = await EndAsync(engine, tenant, entitlement, EndReasons.NewConclusion, concludedOn, cancellationToken);
            if (!outcome.AfterValidity)
                ended.Add((entitlement, outcome));
        }

        return ended;
    }
}
