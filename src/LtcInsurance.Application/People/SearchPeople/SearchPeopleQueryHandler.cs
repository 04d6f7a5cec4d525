using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.SearchPeople;

/// <summary>
/// A page in two statements at most, whatever the register's size: the page's rows with their status and one row more
/// (one query), then, only when that row says the list goes on, its size: for everybody the planner's estimate of the
/// tenant's register (<see cref="IPeopleIndex.EstimateRegisterAsync"/>, shown as approximate) when it is at least
/// <see cref="PeopleSearch.RegisterCountCap"/>, else a count capped at that; for a search a count capped at
/// <see cref="PeopleSearch.CountCap"/>. A list that ends on the page is counted by its rows. No count of the whole
/// register, and no offset beyond <see cref="PeopleSearch.OffsetCap"/> (a key from an earlier page starts the window).
/// </summary>
internal sealed class SearchPeopleQueryHandler(ILtcDbContext db, IPeopleIndex index) : IRequestHandler<SearchPeopleQuery, Page<PersonSummary>>
{
    public async Task<Page<PersonSummary>> Handle(SearchPeopleQuery request, CancellationToken cancellationToken)
    {
        var people = PeopleSearch.Apply(db, index, request.Text, request.Status, request.RegionCode);
        var everybody = string.IsNullOrWhiteSpace(request.Text) && request.Status is null && string.IsNullOrWhiteSpace(request.RegionCode);
        var size = request.PageSize;
        var window = people;
        var pagesBefore = 0;
        if (request is { After: { } after, AfterPage: >= 1 } && request.PageNumber > request.AfterPage
            && PeopleSearch.After(people, request.Sort, request.Descending, after) is { } rest)
        {
            window = rest;
            pagesBefore = request.AfterPage;
        }

        var ordered = PeopleSearch.InOrder(window, request.Sort, request.Descending);
        Task<List<(PersonSummary Summary, string IdNumber)>> Read(int page) =>
            PeopleProjection.SummariesWithKeysAsync(db, ordered.Skip(page * size).Take(size + 1), cancellationToken);

        var relativePage = Math.Clamp(request.PageNumber - 1 - pagesBefore, 0, PeopleSearch.OffsetCap / size);
        var rows = await Read(relativePage);
        int? counted = null;
        if (rows.Count == 0 && relativePage > 0)
        {
            // Past the last page (a stale link): the last page, so it still shows a list.
            counted = await window.Take(PeopleSearch.OffsetCap + 1).CountAsync(cancellationToken);
            relativePage = Math.Clamp(relativePage, 0, Math.Max((Math.Min(counted.Value, PeopleSearch.OffsetCap) + size - 1) / size, 1) - 1);
            rows = await Read(relativePage);
        }

        var more = rows.Count > size;
        var shown = rows.Take(size).Select(r => r.Summary).ToList();
        var skip = (pagesBefore + relativePage) * size;
        var nextKey = shown.Count == 0 ? null : PeopleSearch.KeyOf(request.Sort, shown[^1].Name, shown[^1].Id.Value);
        if (!more)
            return new Page<PersonSummary>(shown, skip + shown.Count, skip, size, NextKey: nextKey);

        if (everybody && await index.EstimateRegisterAsync(cancellationToken) is var estimate
            && estimate >= PeopleSearch.RegisterCountCap)
        {
            var approximate = (int)Math.Min(PeopleSearch.RoundEstimate(estimate), int.MaxValue);
            return new Page<PersonSummary>(shown, Math.Max(approximate, skip + shown.Count + 1), skip, size, NextKey: nextKey,
                TotalIsEstimate: true);
        }

        var cap = everybody ? PeopleSearch.RegisterCountCap : PeopleSearch.CountCap;
        var inWindow = counted ?? await window.Take(cap + 1).CountAsync(cancellationToken);
        return new Page<PersonSummary>(shown, Math.Max(pagesBefore * size + Math.Min(inWindow, cap), skip + shown.Count + 1),
            skip, size, inWindow > cap, nextKey);
    }
}
