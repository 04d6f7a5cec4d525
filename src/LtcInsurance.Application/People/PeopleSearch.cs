using System.Text.Json;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People;

/// <summary>
/// The register search shared by the list, its exports and the CLI: digits (and a final X) look up the start of the
/// ID number, anything else a part of the name; empty text finds everybody. Optionally narrowed to a register status
/// (<see cref="PeopleStatusFilter"/>) and a region code. Sorted by name, then id, unless another order is asked for
/// (<see cref="PeopleSort"/>).
/// </summary>
public static class PeopleSearch
{
    /// <summary>The longest search text accepted (a name is at most 50 characters, an ID number 18).</summary>
    public const int MaxTextLength = 50;

    /// <summary>
    /// The most rows a search counts (<c>count(*)</c> over at most this many + 1), and only when its first page is full:
    /// beyond it the list says "1,000+" (narrow the search) and pages on by keyset.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>
    /// The register of everybody is counted only below this many rows (the planner's estimate says so); from here on the
    /// list shows the estimate, rounded, as approximate, so a page of a million-row register never counts it.
    /// </summary>
    public const int RegisterCountCap = 10_000;

    /// <summary>The furthest a page is skipped to from the start or from a key (rows); further pages start from a key.</summary>
    public const int OffsetCap = 10_000;

    /// <summary>An estimate to three significant digits (999,873 → 1,000,000): it is not a count.</summary>
    internal static long RoundEstimate(long estimate)
    {
        var unit = 1L;
        while (estimate / unit >= 1000)
            unit *= 10;
        return (estimate + unit / 2) / unit * unit;
    }

    /// <summary>
    /// The text search without the unique index (a cast of the ID number and LIKE): for callers whose lists are small
    /// (a person's bills); the register list and its exports use the overload with <see cref="IPeopleIndex"/>.
    /// </summary>
    internal static IQueryable<InsuredPerson> Apply(IQueryable<InsuredPerson> people, string? text)
    {
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term))
            return people;
        if (LooksLikeIdPrefix(term))
        {
            var prefix = term.ToUpperInvariant();
            // The column holds the converted value (the 18 characters); the cast lets the prefix reach it.
            return people.Where(p => ((string)(object)p.IdNumber).StartsWith(prefix));
        }

        return people.Where(p => p.Name.Contains(term));
    }

    /// <summary>
    /// The text search served by indexes: a whole ID number is an equality on the unique index, a prefix an index range
    /// (<see cref="IPeopleIndex"/>); a name of three or more characters matches anywhere in the name (LIKE, served by the
    /// pg_trgm GIN index alone, <see cref="IPeopleIndex.WithNameLike"/>), one or two characters match the start of the
    /// name (a range on the (tenant, name) btree, in the cluster's C.UTF-8 collation code point order, so the range is
    /// exactly the prefix; a trigram index cannot serve fewer than three characters: '%张三%' has no trigram).
    /// </summary>
    internal static IQueryable<InsuredPerson> Apply(ILtcDbContext db, IPeopleIndex index, string? text)
    {
        var people = db.InsuredPeople.AsNoTracking();
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term))
            return people;
        if (LooksLikeIdPrefix(term))
        {
            var prefix = term.ToUpperInvariant();
            if (prefix.Length == 18)
            {
                if (!IdNumber.TryParse(prefix, out var whole, out _))
                    return people.Where(p => false);
                return people.Where(p => p.IdNumber == whole);
            }
            return index.WithIdNumberPrefix(prefix);
        }

        if (term.Length >= 3)
        {
            // Matches anywhere in the name, found by the trigram index only (see IPeopleIndex.WithNameLike).
            return index.WithNameLike("%" + EscapeLike(term) + "%");
        }

        if (NextString(term) is { } upper)
            return people.Where(p => string.Compare(p.Name, term) >= 0 && string.Compare(p.Name, upper) < 0);
        var start = EscapeLike(term) + "%";
        return people.Where(p => EF.Functions.Like(p.Name, start, "\\"));
    }

    /// <summary>The least string above every string that starts with <paramref name="prefix"/> (code point order), if simple.</summary>
    private static string? NextString(string prefix)
    {
        var last = prefix[^1];
        return char.IsSurrogate(last) || last == char.MaxValue ? null : prefix[..^1] + (char)(last + 1);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>
    /// The rows after <paramref name="key"/> (a <see cref="KeyOf"/> value) in the order asked for, or null when the order
    /// has no keyset (then the list pages by a bounded offset).
    /// </summary>
    internal static IQueryable<InsuredPerson>? After(IQueryable<InsuredPerson> people, string? sort, bool descending, string key)
    {
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(key);
        }
        catch (JsonException)
        {
            return null;
        }
        if (parts is not [var name, var idText] || !Guid.TryParse(idText, out var id) || (sort ?? PeopleSort.Name) != PeopleSort.Name)
            return null;
        // The redundant bound on the name alone is what the (tenant_id, name) index starts its range scan from.
        return descending
            ? people.Where(p => string.Compare(p.Name, name) <= 0 && (string.Compare(p.Name, name) < 0 || p.Id.CompareTo(id) > 0))
            : people.Where(p => string.Compare(p.Name, name) >= 0 && (string.Compare(p.Name, name) > 0 || p.Id.CompareTo(id) > 0));
    }

    /// <summary>The keyset of a row in the order asked for (null: that order pages by offset).</summary>
    internal static string? KeyOf(string? sort, string name, Guid id) =>
        (sort ?? PeopleSort.Name) == PeopleSort.Name ? JsonSerializer.Serialize(new[] { name, id.ToString() }) : null;

    /// <summary>The text search, then the status (<see cref="PeopleStatusFilter"/>) and the region, when given.</summary>
    internal static IQueryable<InsuredPerson> Apply(ILtcDbContext db, IPeopleIndex index, string? text,
        string? status, string? regionCode)
    {
        var found = Apply(db, index, text);
        var region = regionCode?.Trim();
        if (!string.IsNullOrEmpty(region))
            found = found.Where(p => p.RegionCode == region);
        return status switch
        {
            PeopleStatusFilter.Enrolled => found.Where(p =>
                db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.EndDate == null)),
            PeopleStatusFilter.NotEnrolled => found.Where(p =>
                !db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.EndDate == null)
                && !db.DeathRecords.Any(d => d.PersonId == p.Id)),
            PeopleStatusFilter.Deceased => found.Where(p => db.DeathRecords.Any(d => d.PersonId == p.Id)),
            _ => found,
        };
    }

    internal static IOrderedQueryable<InsuredPerson> InListOrder(IQueryable<InsuredPerson> people) =>
        people.OrderBy(p => p.Name).ThenBy(p => p.Id);

    /// <summary>In the order asked for (<see cref="PeopleSort"/>), ties by id so that pages never overlap.</summary>
    internal static IOrderedQueryable<InsuredPerson> InOrder(IQueryable<InsuredPerson> people, string? sort, bool descending) =>
        (sort, descending) switch
        {
            // The stored column itself (no cast), so the unique (tenant, ID number) index gives the order.
            (PeopleSort.IdNumber, false) => people.OrderBy(p => p.IdNumber).ThenBy(p => p.Id),
            (PeopleSort.IdNumber, true) => people.OrderByDescending(p => p.IdNumber).ThenBy(p => p.Id),
            (PeopleSort.BirthDate, false) => people.OrderBy(p => p.BirthDate).ThenBy(p => p.Name).ThenBy(p => p.Id),
            (PeopleSort.BirthDate, true) => people.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Name).ThenBy(p => p.Id),
            (PeopleSort.Region, false) => people.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id),
            (PeopleSort.Region, true) => people.OrderByDescending(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id),
            (_, true) => people.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            _ => InListOrder(people),
        };

    /// <summary>Digits (and a trailing X check character) only: an ID prefix rather than a name.</summary>
    public static bool LooksLikeIdPrefix(string text) =>
        text is { Length: > 0 and <= 18 }
        && text.Select((c, i) => char.IsAsciiDigit(c) || (i == 17 && (c == 'X' || c == 'x'))).All(ok => ok);
}

/// <summary>Register statuses the list can be narrowed to (none: everybody).</summary>
public static class PeopleStatusFilter
{
    /// <summary>An open enrollment (参保中).</summary>
    public const string Enrolled = "enrolled";

    /// <summary>Alive and without an open enrollment (未参保或已停保).</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>A death is on record (已死亡).</summary>
    public const string Deceased = "deceased";

    public static IReadOnlyList<string> All { get; } = [Enrolled, NotEnrolled, Deceased];
}

/// <summary>The orders the list can be sorted in (none: by name).</summary>
public static class PeopleSort
{
    public const string Name = "name";
    public const string IdNumber = "id_number";
    public const string BirthDate = "birth_date";
    public const string Region = "region";

    public static IReadOnlyList<string> All { get; } = [Name, IdNumber, BirthDate, Region];
}

/// <summary>A row of the register list and its exports. <see cref="MaskedIdNumber"/> is all a list ever shows.</summary>
/// <param name="CurrentScheme">The scheme of the open enrollment, if any (<c>SchemeKinds</c>).</param>
public sealed record PersonSummary(
    Domain.PersonId Id,
    string Name,
    string MaskedIdNumber,
    Sex Sex,
    DateOnly BirthDate,
    string RegionCode,
    MedicalInsuranceScheme MedicalInsurance,
    string? CurrentScheme,
    bool Deceased);
