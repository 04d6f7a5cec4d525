using System.Globalization;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>Reads the seeded demo books behind the application's back (owner role), to check what the pages show.</summary>
public static partial class LedgerBooks
{
    public static Task<decimal> TotalAsync(this LtcWebHost host, string tenantId, string side) =>
        host.QueryAsOwnerAsync<decimal>(
            "select coalesce(sum(amount), 0) from journal_postings where tenant_id = @tenant and side = @side",
            ("tenant", tenantId), ("side", side));

    public static Task<long> EntryCountAsync(this LtcWebHost host, string tenantId) =>
        host.QueryAsOwnerAsync<long>("select count(*) from journal_entries where tenant_id = @tenant", ("tenant", tenantId));

    public static Task<string> HashAsync(this LtcWebHost host, string tenantId, long sequence) =>
        host.QueryAsOwnerAsync<string>("select hash from journal_entries where tenant_id = @tenant and sequence = @sequence",
            ("tenant", tenantId), ("sequence", sequence));

    /// <summary>(reversal, original) of the demo's one corrected claim.</summary>
    public static async Task<(long Reversal, long Original)> ReversalAsync(this LtcWebHost host, string tenantId)
    {
        var reversal = await host.QueryAsOwnerAsync<long>(
            "select sequence from journal_entries where tenant_id = @tenant and reverses is not null order by sequence limit 1", ("tenant", tenantId));
        var original = await host.QueryAsOwnerAsync<long>(
            "select reverses from journal_entries where tenant_id = @tenant and sequence = @sequence", ("tenant", tenantId), ("sequence", reversal));
        return (reversal, original);
    }

    /// <summary>
    /// Rewrites an entry's description as an insider with the owner role would: with the append-only triggers
    /// switched off for the transaction (the owner is a superuser in the throwaway cluster).
    /// </summary>
    public static async Task RewriteDescriptionAsync(this LtcWebHost host, string tenantId, long sequence, string description)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new Npgsql.NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
            await off.ExecuteNonQueryAsync();
        await using (var update = new Npgsql.NpgsqlCommand(
                         "UPDATE journal_entries SET description = @description WHERE tenant_id = @tenant AND sequence = @sequence",
                         connection, transaction))
        {
            update.Parameters.AddWithValue("description", description);
            update.Parameters.AddWithValue("tenant", tenantId);
            update.Parameters.AddWithValue("sequence", sequence);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await transaction.CommitAsync();
    }

    public static Task<string> DescriptionAsync(this LtcWebHost host, string tenantId, long sequence) =>
        host.QueryAsOwnerAsync<string>("select description from journal_entries where tenant_id = @tenant and sequence = @sequence",
            ("tenant", tenantId), ("sequence", sequence));

    /// <summary>The text of the element carrying data-testid="<paramref name="testId"/>" (tags stripped; nested elements of the same name included).</summary>
    public static string TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, $"<(\\w+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with data-testid={testId}");
        var name = match.Groups[1].Value;
        var tag = new Regex($"<(/?){name}\\b[^>]*>", RegexOptions.Singleline);
        var depth = 1;
        var position = match.Index + match.Length;
        while (depth > 0)
        {
            var next = tag.Match(html, position);
            Assert.True(next.Success, $"The element with data-testid={testId} is not closed");
            depth += next.Groups[1].Value.Length == 0 ? (next.Value.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1) : -1;
            position = next.Index + (depth == 0 ? 0 : next.Length);
        }
        var inner = html[(match.Index + match.Length)..position];
        return System.Net.WebUtility.HtmlDecode(Tags().Replace(inner, "")).Trim();
    }

    /// <summary>An attribute of the element carrying data-testid="<paramref name="testId"/>", in whatever order the attributes come.</summary>
    public static string? TestIdAttribute(string html, string testId, string attribute)
    {
        var match = Regex.Match(html, $"<\\w+[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with data-testid={testId}");
        var value = Regex.Match(match.Value, $"\\s{Regex.Escape(attribute)}=\"([^\"]*)\"");
        return value.Success ? System.Net.WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    public static decimal Amount(string text) =>
        decimal.Parse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
