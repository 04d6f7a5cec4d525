using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.ExportPeople;

internal sealed class ExportPeopleQueryHandler(ILtcDbContext db) : IRequestHandler<ExportPeopleQuery, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(ExportPeopleQuery request, CancellationToken cancellationToken) =>
        await PeopleProjection.SummariesAsync(db,
            PeopleSearch.InListOrder(PeopleSearch.Apply(db.InsuredPeople.AsNoTracking(), request.Text)), cancellationToken);
}
