using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.SearchPeople;

/// <summary>
/// A page in three statements at most, whatever the register's size: a capped count (at most
/// <see cref="PeopleSearch.CountCap"/> + 1 rows), the page's rows with their status (one query), no count of the whole
/// register and no offset beyond the cap (a key from an earlier page starts the window instead).
/// </summary>
internal sealed class SearchPeopleQueryHandler(ILtcDbContext db, IPeopleIndex index) : IRequestHandler<SearchPeopleQuery, Page<PersonSummary>>
{
    public async Task<Page<PersonSummary>> Handle(SearchPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = PeopleSearch.Apply(db, index, request.Text, request.Status, request.RegionCode);
        var size = request.PageSize;
        var window = people;
        var pagesBefore = 0;
        if (request is { After: { } after, AfterPage: >= 1 } && request.PageNumber > request.AfterPage
            && PeopleSearch.After(people, request.Sort, request.Descending, after) is { } rest)
        {
            window = rest;
            pagesBefore = request.AfterPage;
        }

        var counted = await window.Take(PeopleSearch.CountCap + 1).CountAsync(cancellationToken);
        var inWindow = Math.Min(counted, PeopleSearch.CountCap);
        var windowPages = Math.Max((inWindow + size - 1) / size, 1);
        // Past the last page (of those counted): the last page, so a stale link still shows a list.
        var relativePage = Math.Clamp(request.PageNumber - 1 - pagesBefore, 0, windowPages - 1);
        var rows = await PeopleProjection.SummariesWithKeysAsync(db,
            PeopleSearch.InOrder(window, request.Sort, request.Descending).Skip(relativePage * size).Take(size), cancellationToken);
        PersonSummary? last = rows.Count == 0 ? null : rows[^1].Summary;
        return new Page<PersonSummary>([.. rows.Select(r => r.Summary)], pagesBefore * size + inWindow,
            (pagesBefore + relativePage) * size, size, counted > PeopleSearch.CountCap,
            last is null ? null : PeopleSearch.KeyOf(request.Sort, last.Name, last.Id.Value));
    }
}
