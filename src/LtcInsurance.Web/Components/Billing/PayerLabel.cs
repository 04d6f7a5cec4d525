using System.Globalization;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Web.Components.Billing;

/// <summary>A payer's name on the pages, from the payer vocabulary (<see cref="Payer"/>): Chinese, or English on English pages.</summary>
public static class PayerLabel
{
    /// <summary>The name of the payer with <paramref name="code"/>; an unknown code is shown as it is.</summary>
    public static string Of(string code) =>
        Payer.TryFromCode(code, out var payer)
            ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? payer.EnglishName : payer.Name
            : code;
}
