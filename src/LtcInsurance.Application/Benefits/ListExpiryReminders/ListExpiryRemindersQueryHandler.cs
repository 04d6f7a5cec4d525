using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Entitlement;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.ListExpiryReminders;

internal sealed class ListExpiryRemindersQueryHandler(ILtcDbContext db, IPolicyEngine engine)
    : IRequestHandler<ListExpiryRemindersQuery, IReadOnlyList<ExpiryReminderRow>>
{
    public async Task<IReadOnlyList<ExpiryReminderRow>> Handle(ListExpiryRemindersQuery request, CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var concluded = await (
            from a in db.Set<AssessmentApplication>().AsNoTracking()
            where a.Status == ApplicationStatuses.Concluded
            join r in db.Set<OnSiteAssessment>().AsNoTracking() on a.Id equals r.ApplicationId
            where r.EligibleForBenefit && r.SecondConfirmedBy != null
            join p in db.InsuredPeople.AsNoTracking() on a.PersonId equals p.Id
            select new { a.Id, a.PersonId, p.Name, a.ConcludedOn, r.LevelLabel }).ToListAsync(cancellationToken);
        var latest = concluded.GroupBy(c => c.PersonId).Select(g => g.OrderByDescending(c => c.ConcludedOn).First()).ToList();
        if (latest.Count == 0)
            return [];
        var ids = latest.Select(l => l.Id).ToList();
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => ids.Contains(e.ApplicationId))
            .ToDictionaryAsync(e => e.ApplicationId, cancellationToken);

        var rows = await BenefitLookup.RunAsync(engine, tenant, calculator =>
        {
            var rules = calculator.Entitlement(tenant);
            var list = new List<ExpiryReminderRow>();
            foreach (var c in latest)
            {
                entitlements.TryGetValue(c.Id, out var e);
                ConclusionValidity validity;
                DateOnly remind;
                try
                {
                    validity = rules.Validity(c.ConcludedOn!.Value, BenefitLookup.IsSevere(c.LevelLabel)).Value;
                    remind = rules.ExpiryReminder(validity).Value;
                }
                catch (PolicyException unset)
                {
                    // one conclusion dated where a figure is unset does not hide the others: it is listed with the refusal
                    list.Add(new ExpiryReminderRow(c.PersonId, c.Name, c.Id, c.LevelLabel ?? "", c.ConcludedOn!.Value, null, null,
                        e?.Id, e?.To, false, unset.Message));
                    continue;
                }

                if (remind > request.On || validity.ValidTo < request.On.AddDays(-request.ExpiredWithinDays))
                    continue;
                list.Add(new ExpiryReminderRow(c.PersonId, c.Name, c.Id, c.LevelLabel ?? "", c.ConcludedOn.Value, validity.ValidTo, remind,
                    e?.Id, e?.To, validity.ValidTo < request.On));
            }

            return list;
        }, cancellationToken);
        return [.. rows.OrderBy(r => r.RemindOn is null ? 0 : 1).ThenBy(r => r.RemindOn).ThenBy(r => r.PersonName, StringComparer.Ordinal)];
    }
}
