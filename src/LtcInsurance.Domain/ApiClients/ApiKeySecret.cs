using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LtcInsurance.Domain.ApiClients;

/// <summary>
/// The text of an API key: <c>ltc.&lt;tenant&gt;.&lt;key id, 32 hex&gt;.&lt;secret&gt;</c>, the secret 32 random bytes in
/// base64url (43 characters, 256 bits). The tenant and the id say where to look the key up (the key table is walled by
/// tenant, so it must be known before the lookup); only the secret's SHA-256 is stored and compared in constant time.
/// </summary>
public static partial class ApiKeySecret
{
    public const string Scheme = "ltc";

    /// <summary>Longest key text accepted before parsing (anything longer is not a key of ours).</summary>
    public const int MaxLength = 120;

    public static string Format(string tenantId, Guid id, string secret) => $"{Scheme}.{tenantId}.{id:N}.{secret}";

    public static string PrefixOf(string tenantId, Guid id) => $"{Scheme}.{tenantId}.{id.ToString("N")[..8]}…";

    /// <summary>SHA-256 of the secret, lower-case hex.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, in time independent of where they differ.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(storedHash);
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Splits a presented key into tenant, id and secret; false for anything not shaped like one of our keys.</summary>
    public static bool TryParse(string? text, out string tenantId, out Guid id, out string secret)
    {
        tenantId = "";
        id = Guid.Empty;
        secret = "";
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
            return false;
        var match = Shape().Match(text);
        if (!match.Success || !Guid.TryParseExact(match.Groups["id"].Value, "N", out id))
            return false;
        tenantId = match.Groups["tenant"].Value;
        secret = match.Groups["secret"].Value;
        return true;
    }

    [GeneratedRegex(@"^ltc\.(?<tenant>[a-z][a-z0-9_]{0,31})\.(?<id>[0-9a-f]{32})\.(?<secret>[A-Za-z0-9_-]{43})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
