using System.Globalization;
using System.Text.Json;

namespace LtcInsurance.Web.Components.Claims;

/// <summary>How the claims pages write times (China time, to the minute) and the engine's stored trace (indented JSON).</summary>
internal static class ClaimText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Trace(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return "";
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
