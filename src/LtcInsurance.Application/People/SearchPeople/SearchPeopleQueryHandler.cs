using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Paging;
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
        var page = await PageWindow.ReadAsync(window, pagesBefore, request.PageNumber, size, PeopleSearch.OffsetCap,
            relative => PeopleProjection.SummariesWithKeysAsync(db, ordered.Skip(relative * size).Take(size + 1), cancellationToken),
            cancellationToken);
        var shown = page.Rows.Select(r => r.Summary).ToList();
        var nextKey = shown.Count == 0 ? null : PeopleSearch.KeyOf(request.Sort, shown[^1].Name, shown[^1].Id.Value);
        if (!page.More)
            return new Page<PersonSummary>(shown, page.Seen, page.Skip, size, NextKey: nextKey);

        if (everybody && await index.EstimateRegisterAsync(cancellationToken) is var estimate
            && estimate >= PeopleSearch.RegisterCountCap)
        {
            var approximate = (int)Math.Min(PeopleSearch.RoundEstimate(estimate), int.MaxValue);
            return new Page<PersonSummary>(shown, Math.Max(approximate, page.Seen + 1), page.Skip, size, NextKey: nextKey,
                TotalIsEstimate: true);
        }

        var (total, lowerBound) = await PageWindow.CappedTotalAsync(window, page, pagesBefore, size,
            everybody ? PeopleSearch.RegisterCountCap : PeopleSearch.CountCap, cancellationToken);
        return new Page<PersonSummary>(shown, total, page.Skip, size, lowerBound, nextKey);
    }
}
