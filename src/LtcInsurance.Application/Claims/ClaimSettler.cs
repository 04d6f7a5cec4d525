using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>
/// Settles a claim's lines through the tenant's policy engine (<c>CityScheme.Settlement</c>, <c>MonthlySettlement</c>),
/// one engine case per beneficiary and entitlement. The deterministic order: groups by person id, then entitlement start;
/// inside a group lines by day, then line number. What is "already settled" is the fund of final claims (approved or paid,
/// not recovered), in approval order: the year-to-date fund is that of the beneficiary's final lines of the same calendar
/// year, and the same month's final lines under the same entitlement from other providers are settled together with this
/// claim's lines, which get what they add (<see cref="ClaimSettlementMath"/>). This is the one-claim case with the full
/// engine trace: settled at submission and after every cut. Approval (one claim or many) settles a last time with
/// <see cref="ClaimBulkSettler"/>, which gives the same amounts (BulkApprovalTests), so approval order is the order in which
/// the limits are used up.
/// </summary>
internal static class ClaimSettler
{
    public static async Task SettleAsync(ILtcDbContext db, IPolicyEngine engine, Claim claim, Institution provider, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var tenant = claim.TenantId;
        var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
        var month = claim.Month;
        var personIds = claim.Lines.Select(l => l.PersonId).Distinct().ToList();
        var entitlementIds = claim.Lines.Select(l => l.EntitlementId).Distinct().ToList();
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => entitlementIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var stays = (await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => personIds.Contains(s.PersonId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.PersonId);
        var final = ClaimStatus.Final.ToArray();
        var yearStart = new DateOnly(month.Year, 1, 1);
        var yearEnd = new DateOnly(month.Year, 12, 31);
        var finalLines = await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where personIds.Contains(l.PersonId) && l.ClaimId != claim.Id && !l.Recovered
                      && final.Contains(c.Status) && l.Day >= yearStart && l.Day <= yearEnd
                select new { l.PersonId, l.EntitlementId, l.Day, l.Category, l.ItemCode, l.Amount, l.Fund, l.LineNo, c.ApprovedAt, ClaimId = c.Id })
            .ToListAsync(cancellationToken);

        var settlements = new List<ClaimSettlement>();
        var groups = claim.Lines
            .GroupBy(l => (l.PersonId, l.EntitlementId))
            .OrderBy(g => g.Key.PersonId).ThenBy(g => entitlements[g.Key.EntitlementId].From);
        foreach (var group in groups)
        {
            var entitlement = entitlements[group.Key.EntitlementId];
            var mode = ServiceModes.Terms.Parse(entitlement.ServiceMode, "服务方式");
            var own = group.OrderBy(l => l.Day).ThenBy(l => l.LineNo).ToList();
            var earlier = finalLines
                .Where(l => l.PersonId == group.Key.PersonId && l.EntitlementId == group.Key.EntitlementId && month.Contains(l.Day))
                .OrderBy(l => l.ApprovedAt).ThenBy(l => l.ClaimId).ThenBy(l => l.Day).ThenBy(l => l.LineNo).ToList();
            var yearToDate = finalLines
                .Where(l => l.PersonId == group.Key.PersonId && !(l.EntitlementId == group.Key.EntitlementId && month.Contains(l.Day)))
                .Sum(l => l.Fund);
            var earlierFund = earlier.Sum(l => l.Fund);
            var input = new SettlementInput(
                month,
                new Beneficiary(entitlement.Level, ClaimLookup.PaysFrom(entitlement), entitlement.To, yearToDate),
                mode,
                provider.MedicalInstitutionLevel,
                [.. earlier.Select(l => new ServiceLine(l.Day, l.Category, l.ItemCode, l.Amount)),
                 .. own.Select(l => new ServiceLine(l.Day, l.Category, l.ItemCode, l.Amount))],
                [.. stays[group.Key.PersonId].Select(s => s.ToStay())]);
            PolicyEvaluation evaluation;
            try
            {
                evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Settlement, tenant, month.LastDay, input, new Dictionary<string, object?>()));
            }
            catch (PolicyException e)
            {
                throw ClaimLookup.Refusal(e);
            }

            var result = (SettlementResult)evaluation.Result;
            var shares = ClaimSettlementMath.NewLines(result, earlier.Count, earlierFund, [.. own.Select(l => l.Amount)]);
            for (var i = 0; i < own.Count; i++)
            {
                own[i].Fund = shares[i].Fund;
                own[i].Individual = shares[i].Individual;
                own[i].Rejection = shares[i].Rejected;
            }

            settlements.Add(new ClaimSettlement
            {
                TenantId = tenant, ClaimId = claim.Id, PersonId = group.Key.PersonId, EntitlementId = group.Key.EntitlementId,
                ServiceMode = entitlement.ServiceMode, YearToDateBefore = yearToDate, EarlierInMonth = earlierFund,
                Billed = own.Sum(l => l.Amount), Fund = own.Sum(l => l.Fund), Individual = own.Sum(l => l.Individual),
                Reductions = string.Join(";", result.Reductions.Select(r => FormattableString.Invariant($"{r.Reason}={r.Amount:0.00}"))),
                Trace = TraceDocument.Json(evaluation), SettledAt = now,
            });
        }

        var stale = claim.Settlements.ToList();
        foreach (var old in stale)
            db.Set<ClaimSettlement>().Remove(old);
        claim.Settle(settlements);
    }
}
