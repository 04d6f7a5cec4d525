using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Common.Paging;

/// <summary>
/// How the long lists (people, journal) read a page whatever the table's size: a window (everything, or what follows the
/// key of an earlier page), a page of it by a capped offset with one row more, which says whether the list goes on; past
/// the window's end (a stale link) the window's last page. When the list goes on, its size is the caller's business (an
/// estimate, a chain head) or <see cref="CappedTotalAsync"/>; a list that ends on the page is counted by its rows.
/// </summary>
internal static class PageWindow
{
    /// <param name="Rows">The page's rows, the extra one removed.</param>
    /// <param name="More">Whether rows follow the page.</param>
    /// <param name="Page">The page shown, 1-based over the whole list.</param>
    /// <param name="Skip">Rows of the whole list before the page.</param>
    /// <param name="Counted">The window's rows (capped) when a stale link made the read count them.</param>
    public sealed record Read<T>(List<T> Rows, bool More, int Page, int Skip, int? Counted)
    {
        /// <summary>Rows of the whole list up to the page's end.</summary>
        public int Seen => Skip + Rows.Count;
    }

    /// <summary>Reads page <paramref name="pageNumber"/>; <paramref name="read"/> reads the window's page (0-based) of size + 1 rows.</summary>
    public static async Task<Read<T>> ReadAsync<TSource, T>(IQueryable<TSource> window, int pagesBefore, int pageNumber, int size,
        int offsetCap, Func<int, Task<List<T>>> read, CancellationToken cancellationToken)
    {
        var relativePage = Math.Clamp(pageNumber - 1 - pagesBefore, 0, offsetCap / size);
        var rows = await read(relativePage);
        int? counted = null;
        if (rows.Count == 0 && relativePage > 0)
        {
            counted = await window.Take(offsetCap + 1).CountAsync(cancellationToken);
            relativePage = Math.Clamp(relativePage, 0, Math.Max((Math.Min(counted.Value, offsetCap) + size - 1) / size, 1) - 1);
            rows = await read(relativePage);
        }

        var more = rows.Count > size;
        if (more)
            rows.RemoveRange(size, rows.Count - size);
        return new Read<T>(rows, more, pagesBefore + relativePage + 1, (pagesBefore + relativePage) * size, counted);
    }

    /// <summary>
    /// The list's size when it goes on past the page: the window counted up to <paramref name="cap"/> + 1 rows (the count a
    /// stale link already made serves), plus the pages before the window; <c>LowerBound</c> when the cap was reached.
    /// </summary>
    public static async Task<(int Total, bool LowerBound)> CappedTotalAsync<TSource, T>(IQueryable<TSource> window, Read<T> page,
        int pagesBefore, int size, int cap, CancellationToken cancellationToken)
    {
        var inWindow = page.Counted ?? await window.Take(cap + 1).CountAsync(cancellationToken);
        return (Math.Max(pagesBefore * size + Math.Min(inWindow, cap), page.Seen + 1), inWindow > cap);
    }
}
