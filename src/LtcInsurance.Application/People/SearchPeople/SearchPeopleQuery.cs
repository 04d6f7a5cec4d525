using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.People.SearchPeople;

/// <summary>
/// One page of the register (<see cref="PeopleSearch"/>): <see cref="PageNumber"/> counts from 1 and is brought within
/// the pages there are (past the last page: the last page), so a stale link still shows a list.
/// </summary>
/// <param name="Text">Name fragment or the first digits of the ID number; empty: everybody.</param>
/// <param name="Status">A <see cref="PeopleStatusFilter"/> value; null: any status.</param>
/// <param name="RegionCode">A six-digit region code; null: every region.</param>
/// <param name="Sort">A <see cref="PeopleSort"/> value; null: by name.</param>
/// <param name="After">The <see cref="Page{T}.NextKey"/> of page <paramref name="AfterPage"/> of the same search and order:
/// the pages after it are read from there (keyset), not counted and skipped from the start. A search's count (when the
/// list goes on past the page) stops at <see cref="PeopleSearch.CountCap"/> rows after the key (or from the start); the
/// offset within them at <see cref="PeopleSearch.OffsetCap"/>.</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record SearchPeopleQuery(
    string? Text,
    int PageNumber = 1,
    int PageSize = SearchPeopleQuery.DefaultPageSize,
    string? Status = null,
    string? RegionCode = null,
    string? Sort = null,
    bool Descending = false,
    string? After = null,
    int AfterPage = 0)
    : IRequest<Page<PersonSummary>>
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 200;
}
