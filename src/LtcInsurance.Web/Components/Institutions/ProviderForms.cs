using System.Globalization;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Web.Components.Institutions;

/// <summary>What the register's forms share: reading a date input, and saying a refusal of a use case in its own Chinese words.</summary>
internal static class ProviderForms
{
    /// <summary>A date input's value (<c>yyyy-MM-dd</c>, as browsers send it); null when empty or not a date.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>True when the text is filled in but is not a date.</summary>
    public static bool NotADate(string? text) => !string.IsNullOrWhiteSpace(text) && Date(text) is null;

    public static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Every problem of a refused request (validation, business rule, access), or null when the failure is a fault.</summary>
    public static IReadOnlyList<string>? Problems(Exception failure) => failure switch
    {
        RequestValidationException invalid => invalid.Problems.Count > 0 ? [.. invalid.Problems.Select(p => p.Message).Distinct()] : [invalid.Message],
        BusinessRuleViolationException broken => [broken.Message],
        ForbiddenAccessException forbidden => [forbidden.Message],
        _ => null,
    };
}
