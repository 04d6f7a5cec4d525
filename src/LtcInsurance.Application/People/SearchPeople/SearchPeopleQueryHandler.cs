using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.SearchPeople;

internal sealed class SearchPeopleQueryHandler(ILtcDbContext db) : IRequestHandler<SearchPeopleQuery, Page<PersonSummary>>
{
    public async Task<Page<PersonSummary>> Handle(SearchPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = PeopleSearch.Apply(db, db.InsuredPeople.AsNoTracking(), request.Text, request.Status, request.RegionCode);
        var total = await people.CountAsync(cancellationToken);
        var pageCount = (total + request.PageSize - 1) / request.PageSize;
        var page = Math.Clamp(request.PageNumber, 1, Math.Max(pageCount, 1));
        var skip = (page - 1) * request.PageSize;
        var rows = await PeopleProjection.SummariesAsync(db,
            PeopleSearch.InOrder(people, request.Sort, request.Descending).Skip(skip).Take(request.PageSize), cancellationToken);
        return new Page<PersonSummary>(rows, total, skip, request.PageSize);
    }
}
