using System.Globalization;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RecomputeBill;

/// <summary>
/// Builds the bill's case exactly as the billing run does (<see cref="RunBillingHandler.BillingCase"/>: the enrollment
/// in force last in the period, the person's categories on the day) and evaluates it twice: with the parameters known
/// at the bill's <c>CreatedAt</c> and with those known now.
/// </summary>
internal sealed class RecomputeBillHandler(ILtcDbContext db, IPolicyEngine engine)
    : IRequestHandler<RecomputeBillQuery, RecomputedBill?>
{
    public async Task<RecomputedBill?> Handle(RecomputeBillQuery request, CancellationToken cancellationToken)
    {
        if (db.CurrentTenantId is not { } tenant)
            return null;
        var bill = await db.ContributionBills.AsNoTracking().Include(b => b.Lines)
            .SingleOrDefaultAsync(b => b.Id == request.BillId, cancellationToken);
        if (bill is null)
            return null;

        var period = BillingCycle.For(tenant).Period(bill.Period);
        var person = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == bill.PersonId, cancellationToken);
        var enrollment = (await db.EnrollmentPeriods.AsNoTracking()
                .Where(e => e.PersonId == bill.PersonId && e.StartDate <= period.End && (e.EndDate == null || e.EndDate >= period.Start))
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.StartDate).LastOrDefault();
        var statuses = await db.PersonStatuses.AsNoTracking().Where(s => s.PersonId == bill.PersonId).ToListAsync(cancellationToken);

        var original = bill.Lines.Where(l => l.Amount != 0).OrderBy(l => l.Payer, StringComparer.Ordinal)
            .Select(l => new BillAmount(l.Payer, l.Amount)).ToList();
        var originalVersions = Recorded(bill.Trace);
        RecomputedAmounts? asComputed = null, asNow = null;
        if (enrollment is not null)
        {
            // The bases as recorded when the bill was made: a base recorded later does not change the recomputation.
            var bases = await ContributionBaseBook.CoveringAsync(db, period.Start, period.End, bill.PersonId, cancellationToken);
            var used = RunBillingHandler.BasesInForce(bases[bill.PersonId], enrollment, period, bill.CreatedAt);
            var policyCase = RunBillingHandler.BillingCase(tenant, person, enrollment, statuses, period, used);
            asComputed = Evaluate(await engine.ForTenantAsync(tenant, bill.CreatedAt, cancellationToken), policyCase, tenant);
            asNow = Evaluate(await engine.ForTenantAsync(tenant, null, cancellationToken), policyCase, tenant);
        }

        var matches = asComputed is { RefusalCode: null }
            && asComputed.Lines.SequenceEqual(original)
            && Versions(asComputed.Parameters).SequenceEqual(Versions(originalVersions));
        return new RecomputedBill(bill.Id, bill.Period, bill.CreatedAt, original, asComputed, asNow, originalVersions, matches);
    }

    /// <summary>Which value of each parameter was used (the number's text form may differ between the trace and the kind's).</summary>
    private static IEnumerable<(string, DateOnly, int?)> Versions(IEnumerable<UsedParameter> used) =>
        used.Select(p => (p.Name, p.EffectiveFrom, p.Version)).OrderBy(p => p.Name, StringComparer.Ordinal);

    private static RecomputedAmounts Evaluate(PolicyCalculator calculator, PolicyCase policyCase, string tenant)
    {
        try
        {
            var evaluation = calculator.Evaluate(policyCase);
            var result = (ContributionResult)evaluation.Result;
            var definitions = calculator.ListParameters(tenant).ToDictionary(d => d.Name);
            return new RecomputedAmounts(result.Total,
                [.. result.Lines.Where(l => l.Amount != 0).OrderBy(l => l.Payer, StringComparer.Ordinal).Select(l => new BillAmount(l.Payer, l.Amount))],
                [.. evaluation.ParametersUsed.Select(p => new UsedParameter(p.Name,
                    definitions.TryGetValue(p.Name, out var d) ? ParameterValueText.Format(d.Kind, p.Value) : Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "",
                    p.EffectiveFrom, p.Version))],
                null, null);
        }
        catch (PolicyException refused)
        {
            return new RecomputedAmounts(0m, [], [], refused.Code, refused.Message);
        }
    }

    /// <summary>The parameters the stored trace records (TraceDocument's <c>parameters</c>), in the same text form.</summary>
    private static List<UsedParameter> Recorded(string trace)
    {
        var used = new List<UsedParameter>();
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(trace) ? "{}" : trace);
        if (!document.RootElement.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
            return used;
        foreach (var p in parameters.EnumerateArray())
        {
            var value = p.GetProperty("value");
            var text = value.ValueKind switch
            {
                JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(v => v.ToString())),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => value.ToString(),
            };
            used.Add(new UsedParameter(p.GetProperty("name").GetString() ?? "", text,
                DateOnly.Parse(p.GetProperty("effectiveFrom").GetString()!, CultureInfo.InvariantCulture),
                p.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null));
        }

        return used;
    }
}
