using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.People;

/// <summary>
/// The register search shared by the list, its exports and the CLI: digits (and a final X) look up the start of the
/// ID number, anything else a part of the name; empty text finds everybody. Sorted by name, then id.
/// </summary>
public static class PeopleSearch
{
    /// <summary>The longest search text accepted (a name is at most 50 characters, an ID number 18).</summary>
    public const int MaxTextLength = 50;

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

    internal static IOrderedQueryable<InsuredPerson> InListOrder(IQueryable<InsuredPerson> people) =>
        people.OrderBy(p => p.Name).ThenBy(p => p.Id);

    /// <summary>Digits (and a trailing X check character) only: an ID prefix rather than a name.</summary>
    public static bool LooksLikeIdPrefix(string text) =>
        text is { Length: > 0 and <= 18 }
        && text.Select((c, i) => char.IsAsciiDigit(c) || (i == 17 && (c == 'X' || c == 'x'))).All(ok => ok);
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
