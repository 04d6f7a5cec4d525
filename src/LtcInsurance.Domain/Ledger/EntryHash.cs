using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// The hash chain: SHA-256 over a canonical serialization of an entry's content followed by the previous
/// entry's hash. The serialization is versioned and length-prefixes every field, so no choice of text in a
/// description or reference can make two different entries serialize alike.
/// </summary>
public static class EntryHash
{
    /// <summary>The "previous hash" of a tenant's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "ltc-ledger-entry-v1";

    public static string Compute(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));
    }

    /// <summary>The exact bytes that are hashed; public so that an auditor's tool can reproduce them.</summary>
    public static byte[] Canonical(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        // Each field is written as <UTF-8 byte count>:<value>; so a reader needs no escaping rules.
        void Field(string value) => text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append(';');
        Field(Version);
        Field(entry.TenantId);
        Field(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(entry.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(entry.Period.ToString());
        Field(entry.OriginalPeriod?.ToString() ?? "");
        Field(entry.Description);
        Field(entry.SourceType.ToString());
        Field(entry.SourceReference);
        Field(entry.IdempotencyKey);
        Field(entry.Reverses?.ToString(CultureInfo.InvariantCulture) ?? "");
        Field(entry.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(entry.Postings.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var p in entry.Postings)
        {
            Field(p.AccountCode);
            Field(p.Side == Side.Debit ? "D" : "C");
            Field(p.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        }
        Field(entry.PreviousHash);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static bool IsWellFormed(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>PostgreSQL keeps timestamps to the microsecond; the hash must survive a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }
}
