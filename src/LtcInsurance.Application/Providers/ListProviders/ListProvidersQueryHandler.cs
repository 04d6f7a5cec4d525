using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.ListProviders;

internal sealed class ListProvidersQueryHandler(ILtcDbContext db, TimeProvider clock)
    : IRequestHandler<ListProvidersQuery, Page<ProviderSummary>>
{
    public async Task<Page<ProviderSummary>> Handle(ListProvidersQuery request, CancellationToken cancellationToken)
    {
        var query = db.Institutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var text = request.Text.Trim();
            query = query.Where(i => i.Code.Contains(text) || i.Name.Contains(text));
        }

        if (request.Kind is { } kind)
            query = query.Where(i => i.ProviderKind == kind);
        if (request.Status is { } status)
            query = query.Where(i => i.Status == status);
        if (request.Mode is { } mode)
            query = query.Where(i => i.ServiceModes.Contains(mode));

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + request.PageSize - 1) / request.PageSize);
        var skip = (Math.Min(request.PageNumber, pages) - 1) * request.PageSize;
        var rows = await query.OrderBy(i => i.Code).Skip(skip).Take(request.PageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var today = PlausibleDates.Today(clock);
        var sanctioned = await db.Set<Sanction>().AsNoTracking()
            .Where(s => s.SubjectKind == SanctionSubjects.Institution && ids.Contains(s.SubjectId)
                        && s.From <= today && (s.To == null || s.To >= today))
            .Select(s => s.SubjectId).ToListAsync(cancellationToken);
        return new Page<ProviderSummary>(
            [.. rows.Select(i => ProviderProjection.Summary(i, sanctioned.Contains(i.Id)))], total, skip, request.PageSize);
    }
}
