using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Institutions.ListInstitutions;

internal sealed class ListInstitutionsQueryHandler(ILtcDbContext db)
    : IRequestHandler<ListInstitutionsQuery, IReadOnlyList<InstitutionSummary>>
{
    public async Task<IReadOnlyList<InstitutionSummary>> Handle(ListInstitutionsQuery request, CancellationToken cancellationToken)
    {
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return [.. institutions.Select(i => new InstitutionSummary(
            i.Id, i.Code, i.Name, i.ServiceModes, i.MedicalInstitutionLevel, i.RegionCode, i.Status))];
    }
}
