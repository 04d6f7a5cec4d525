using LtcInsurance.Application.Supervision;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Supervision;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Supervision;

/// <summary>
/// Reads the anomaly rules' facts in a handful of set-based queries (one per table, the claim lines of the months as a
/// sub-query, never a query per line or person), acting for the context's tenant. Lines count when their claim is
/// standing (submitted to paid); withdrawn and returned claims do not.
/// </summary>
internal sealed class SupervisionReader(LtcDbContext db) : ISupervisionReader
{
    public async Task<SupervisionFacts> ReadAsync(IReadOnlyList<DateOnly> months, int historyMonths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var monthList = months.Distinct().Order().ToList();
        var standing = ClaimStatus.Standing.ToArray();
        var claims = db.Set<Claim>().AsNoTracking().Where(c => standing.Contains(c.Status));
        var lineQuery =
            from l in db.Set<ClaimLine>().AsNoTracking()
            join c in claims on l.ClaimId equals c.Id
            where monthList.Contains(c.ServiceMonth)
            select new { c.Number, c.InstitutionId, Line = l };
        var lines = (await lineQuery.ToListAsync(cancellationToken))
            .Select(x => new FlaggableLine(x.Line.ClaimId, x.Number, x.InstitutionId, x.Line.LineNo, x.Line.PersonId, x.Line.EntitlementId,
                x.Line.ServiceMode, x.Line.Day, x.Line.ItemCode, x.Line.Category, x.Line.Quantity, x.Line.Amount, x.Line.CareWorkerId))
            .ToList();

        var people = lineQuery.Select(x => x.Line.PersonId);
        var entitlementIds = lineQuery.Select(x => x.Line.EntitlementId);
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => entitlementIds.Contains(e.Id))
            .Select(e => new EntitlementSpan(e.Id, e.PersonId, e.From, e.To, e.WaitingUntil)).ToListAsync(cancellationToken);
        var plans = await db.Set<CarePlan>().AsNoTracking().Where(p => entitlementIds.Contains(p.EntitlementId) && p.ConfirmedByInsuredOn != null)
            .Select(p => new { p.Id, p.EntitlementId, p.InstitutionId, p.From, p.To, Confirmed = p.ConfirmedByInsuredOn!.Value }).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var items = (await db.Set<CarePlanItem>().AsNoTracking().Where(i => planIds.Contains(i.CarePlanId)).Select(i => new { i.CarePlanId, i.ItemCode })
            .ToListAsync(cancellationToken)).ToLookup(i => i.CarePlanId, i => i.ItemCode);
        var stays = await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => people.Contains(s.PersonId))
            .Select(s => new StaySpan(s.PersonId, s.Admitted, s.Discharged)).ToListAsync(cancellationToken);
        var deaths = await db.DeathRecords.AsNoTracking().Where(d => people.Contains(d.PersonId))
            .Select(d => new { d.PersonId, d.DateOfDeath }).ToListAsync(cancellationToken);

        var from = monthList.Count == 0 ? DateOnly.MinValue : monthList[0].AddMonths(-historyMonths);
        var to = monthList.Count == 0 ? DateOnly.MinValue : monthList[^1];
        var providerMonths = await claims.Where(c => c.ServiceMonth >= from && c.ServiceMonth <= to)
            .Select(c => new ProviderMonth(c.InstitutionId, c.Id, c.ServiceMonth, c.Billed,
                db.Set<ClaimLine>().Where(l => l.ClaimId == c.Id).Select(l => l.PersonId).Distinct().Count()))
            .ToListAsync(cancellationToken);

        var concluded = db.Set<AssessmentApplication>().AsNoTracking().Where(a => a.ConcludedOn != null && a.ConclusionLevel != null);
        var onSite = await (
                from s in db.Set<OnSiteAssessment>().AsNoTracking()
                join a in concluded on s.ApplicationId equals a.Id
                select new { s.StaffIds, a.Id, a.PersonId, Level = a.ConclusionLevel!.Value })
            .ToListAsync(cancellationToken);
        var reviews = await (
                from r in concluded
                join o in concluded on r.ReviewOfId equals o.Id
                where r.Kind == ApplicationKinds.Review
                select new ReviewConclusion(r.Id, o.Id, r.PersonId, o.ConclusionLevel!.Value, r.ConclusionLevel!.Value))
            .ToListAsync(cancellationToken);

        var staffIds = onSite.SelectMany(s => s.StaffIds).Distinct().ToList();
        var assessors = await (
                from a in db.Set<Assessor>().AsNoTracking()
                join g in db.Set<AssessmentAgency>().AsNoTracking() on a.AgencyId equals g.Id
                where staffIds.Contains(a.Id)
                select new { a.Id, a.Name, Agency = g.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        return new SupervisionFacts(
            lines,
            entitlements,
            [.. plans.Select(p => new PlanSpan(p.EntitlementId, p.InstitutionId, p.Confirmed > p.From ? p.Confirmed : p.From, p.To,
                items[p.Id].ToHashSet(StringComparer.Ordinal)))],
            stays,
            deaths.GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.Min(d => d.DateOfDeath)),
            providerMonths,
            monthList,
            [.. onSite.SelectMany(s => s.StaffIds.Select(staff => new AssessorConclusion(staff, s.Id, s.PersonId, s.Level,
                assessors.GetValueOrDefault(staff)?.Name, assessors.GetValueOrDefault(staff)?.Agency)))],
            reviews);
    }
}
