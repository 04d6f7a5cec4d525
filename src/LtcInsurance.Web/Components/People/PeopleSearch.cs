using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Web.Components.People;

/// <summary>The register search: digits look up the start of the ID number, anything else a part of the name.</summary>
public static class PeopleSearch
{
    public static IQueryable<InsuredPerson> Apply(IQueryable<InsuredPerson> people, string? query)
    {
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
            return people;
        if (LooksLikeIdPrefix(text))
        {
            var prefix = text.ToUpperInvariant();
            return people.Where(p => ((string)(object)p.IdNumber).StartsWith(prefix));
        }
        return people.Where(p => p.Name.Contains(text));
    }

    /// <summary>Digits (and a trailing X check character) only: an ID prefix rather than a name.</summary>
    public static bool LooksLikeIdPrefix(string text) =>
        text.Length is > 0 and <= 18
        && text.Select((c, i) => char.IsAsciiDigit(c) || (i == 17 && (c == 'X' || c == 'x'))).All(ok => ok);
}
