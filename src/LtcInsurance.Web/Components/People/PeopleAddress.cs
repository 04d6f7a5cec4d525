using System.Globalization;
using System.Text;
using LtcInsurance.Application.People;

namespace LtcInsurance.Web.Components.People;

/// <summary>
/// What the people list shows, as its address says it (<c>/people?q=…&amp;status=…&amp;region=…&amp;sort=…&amp;desc=1&amp;page=2</c>):
/// a list can be bookmarked, shared and reloaded. Unknown values are dropped rather than refused, so a stale link
/// still shows a list; the exports carry the same filters.
/// </summary>
public sealed record PeopleAddress(string? Text, string? Status, string? Region, string? Sort, bool Descending, int Page)
{
    public static readonly PeopleAddress Everybody = new(null, null, null, null, false, 1);

    /// <summary>From the query string's values (any of them may be missing or wrong).</summary>
    public static PeopleAddress From(string? q, string? status, string? region, string? sort, string? desc, string? page) =>
        new(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            status is not null && PeopleStatusFilter.All.Contains(status) ? status : null,
            string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            sort is not null && PeopleSort.All.Contains(sort) ? sort : null,
            sort is not null && PeopleSort.All.Contains(sort) && desc is "1" or "true",
            QueryValues.Page(page) is { } number and > 0 ? number : 1);

    /// <summary>The list's address; only what differs from the defaults is written.</summary>
    public string ListUrl() => "/people" + Query(includeListState: true);

    /// <summary>The export of everything the filters find (all pages, in list order).</summary>
    public string ExportUrl(string format) => $"/people/export.{format}" + Query(includeListState: false);

    private string Query(bool includeListState)
    {
        var parts = new List<string>();
        Add(parts, "q", Text);
        Add(parts, "status", Status);
        Add(parts, "region", Region);
        if (includeListState)
        {
            Add(parts, "sort", Sort);
            if (Sort is not null && Descending)
                parts.Add("desc=1");
            if (Page > 1)
                parts.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : new StringBuilder("?").AppendJoin('&', parts).ToString();
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
    }
}
