using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.ListSanctions;

internal sealed class ListSanctionsQueryHandler(ILtcDbContext db, TimeProvider clock) : IRequestHandler<ListSanctionsQuery, Page<SanctionView>>
{
    public async Task<Page<SanctionView>> Handle(ListSanctionsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Set<Sanction>().AsNoTracking();
        if (request.InForceOn is { } day)
            query = query.Where(s => s.From <= day && (s.To == null || s.To >= day));
        if (request.InstitutionId is { } institution)
        {
            var workers = db.Set<CareWorker>().Where(w => w.InstitutionId == institution).Select(w => w.Id);
            query = query.Where(s => (s.SubjectKind == SanctionSubjects.Institution && s.SubjectId == institution)
                                     || (s.SubjectKind == SanctionSubjects.CareWorker && workers.Contains(s.SubjectId)));
        }

        var total = await query.CountAsync(cancellationToken);
        var skip = (request.PageNumber - 1) * request.PageSize;
        var rows = await query.OrderByDescending(s => s.From).ThenByDescending(s => s.RecordedAt)
            .Skip(skip).Take(request.PageSize).ToListAsync(cancellationToken);

        var workerIds = rows.Where(s => s.SubjectKind == SanctionSubjects.CareWorker).Select(s => s.SubjectId).ToList();
        var workerRows = await db.Set<CareWorker>().AsNoTracking().Where(w => workerIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Name, w.InstitutionId }).ToListAsync(cancellationToken);
        var providerIds = rows.Where(s => s.SubjectKind == SanctionSubjects.Institution).Select(s => s.SubjectId)
            .Concat(workerRows.Select(w => w.InstitutionId)).Distinct().ToList();
        var providers = await db.Institutions.AsNoTracking().Where(i => providerIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (Code: i.Code, Name: i.Name), cancellationToken);
        var today = PlausibleDates.Today(clock);
        var views = rows.Select(s =>
        {
            if (s.SubjectKind == SanctionSubjects.Institution)
            {
                var p = providers.TryGetValue(s.SubjectId, out var found) ? found : (Code: "", Name: "");
                return SanctionProjection.View(s, p.Name, p.Code, today);
            }

            var w = workerRows.FirstOrDefault(x => x.Id == s.SubjectId);
            var code = w is not null && providers.TryGetValue(w.InstitutionId, out var owner) ? owner.Code : "";
            return SanctionProjection.View(s, w?.Name ?? "", code, today);
        }).ToList();
        return new Page<SanctionView>(views, total, skip, request.PageSize);
    }
}
