using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Dashboard.GetDashboardFigures;

internal sealed class GetDashboardFiguresQueryHandler(ILtcDbContext db) : IRequestHandler<GetDashboardFiguresQuery, DashboardFigures>
{
    public async Task<DashboardFigures> Handle(GetDashboardFiguresQuery request, CancellationToken cancellationToken)
    {
        // The query filter (and row-level security beneath it) limits both counts to the current tenant.
        var people = await db.InsuredPeople.CountAsync(cancellationToken);
        var institutions = await db.Institutions.CountAsync(cancellationToken);
        return new DashboardFigures(people, institutions);
    }
}
