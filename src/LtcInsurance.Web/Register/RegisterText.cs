using System.Globalization;

namespace LtcInsurance.Web.Register;

/// <summary>How the register and billing pages write times, dates and money.</summary>
public static class RegisterText
{
    /// <summary>The bureau works in China Standard Time whatever the server's zone.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset at) =>
        at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
