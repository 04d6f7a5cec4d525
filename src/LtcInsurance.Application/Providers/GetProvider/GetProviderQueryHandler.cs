using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.GetProvider;

internal sealed class GetProviderQueryHandler(ILtcDbContext db, TimeProvider clock) : IRequestHandler<GetProviderQuery, ProviderDetail>
{
    public async Task<ProviderDetail> Handle(GetProviderQuery request, CancellationToken cancellationToken)
    {
        var provider = await ProviderLookup.ProviderAsync(db, request.Id, cancellationToken);
        var today = PlausibleDates.Today(clock);
        var workers = await db.Set<CareWorker>().AsNoTracking().Where(w => w.InstitutionId == provider.Id)
            .OrderByDescending(w => w.Active).ThenBy(w => w.Name).ToListAsync(cancellationToken);
        var workerIds = workers.Select(w => w.Id).ToList();
        var sanctions = await db.Set<Sanction>().AsNoTracking()
            .Where(s => (s.SubjectKind == SanctionSubjects.Institution && s.SubjectId == provider.Id)
                        || (s.SubjectKind == SanctionSubjects.CareWorker && workerIds.Contains(s.SubjectId)))
            .OrderByDescending(s => s.From).ToListAsync(cancellationToken);
        var changes = await db.Set<ProviderChange>().AsNoTracking().Where(c => c.InstitutionId == provider.Id)
            .OrderByDescending(c => c.ChangedAt).Take(500).ToListAsync(cancellationToken);
        var names = workers.ToDictionary(w => w.Id, w => w.Name);
        return new ProviderDetail(
            ProviderProjection.Summary(provider, sanctions.Any(s => s.SubjectKind == SanctionSubjects.Institution && s.InForceOn(today))),
            provider.BankName, provider.BankAccountName, provider.BankAccountNumber,
            provider.LiabilityInsurancePolicy, provider.LiabilityInsuranceTo, provider.StatusReason,
            [.. workers.Select(w => new CareWorkerView(w.Id, w.InstitutionId, w.Name, ProviderLookup.Mask(w.IdNumber), w.Qualifications, w.Active,
                sanctions.Any(s => s.SubjectKind == SanctionSubjects.CareWorker && s.SubjectId == w.Id && s.InForceOn(today))))],
            [.. sanctions.Select(s => SanctionProjection.View(s, s.SubjectKind == SanctionSubjects.Institution ? provider.Name : names.GetValueOrDefault(s.SubjectId, ""),
                provider.Code, today))],
            [.. changes.Select(c => new ProviderChangeView(c.Field, c.Before, c.After, c.Note, c.CareWorkerId, c.ChangedBy, c.ChangedAt))]);
    }
}
