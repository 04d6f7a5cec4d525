using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.ListPeopleRegions;

internal sealed class ListPeopleRegionsQueryHandler(ILtcDbContext db) : IRequestHandler<ListPeopleRegionsQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(ListPeopleRegionsQuery request, CancellationToken cancellationToken) =>
        await db.InsuredPeople.AsNoTracking().Select(p => p.RegionCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
}
