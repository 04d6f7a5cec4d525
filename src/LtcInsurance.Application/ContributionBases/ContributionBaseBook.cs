using System.Globalization;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ContributionBases;

/// <summary>A base to record: whose, which kind, which months, how much a month.</summary>
public sealed record BaseEntry(Guid PersonId, string Kind, Month From, Month To, decimal Amount);

/// <summary>
/// The one way bases are written and read (the form, the base-file import, the register import, billing): rows are
/// only ever added, and a base the person already has for the same kind and months with the same amount is not added
/// again, so importing a file twice adds nothing the second time.
/// </summary>
internal static class ContributionBaseBook
{
    private const int Chunk = 1_000;

    /// <summary>Adds the entries that change something (saving once per chunk); answers (added, unchanged).</summary>
    public static async Task<(int Added, int Unchanged)> AppendAsync(ILtcDbContext db, IReadOnlyList<BaseEntry> entries,
        string source, Guid? jobId, string recordedBy, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        int added = 0, unchanged = 0;
        foreach (var chunk in entries.Chunk(Chunk))
        {
            var people = chunk.Select(e => e.PersonId).Distinct().ToList();
            var known = (await db.Set<ContributionBase>().AsNoTracking().Where(b => people.Contains(b.PersonId))
                .ToListAsync(cancellationToken)).GroupBy(b => b.PersonId).ToDictionary(g => g.Key, g => g.ToList());
            var rows = new List<ContributionBase>();
            foreach (var e in chunk)
            {
                if (!known.TryGetValue(e.PersonId, out var mine))
                {
                    mine = [];
                    known[e.PersonId] = mine;
                }

                if (ContributionBase.AlreadyRecorded(mine, e.Kind, e.From, e.To, e.Amount))
                {
                    unchanged++;
                    continue;
                }

                // Stored as PostgreSQL keeps it, so that "recorded at or before a bill's moment" reads the same later.
                var row = ContributionBase.Record(tenant, e.PersonId, e.Kind, e.From, e.To, e.Amount, source, jobId, recordedBy,
                    Common.Policies.PolicyMoments.Truncate(recordedAt));
                mine.Add(row);
                rows.Add(row);
            }

            if (rows.Count == 0)
                continue;
            db.Set<ContributionBase>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in rows)
                db.Set<ContributionBase>().Entry(row).State = EntityState.Detached;
            added += rows.Count;
        }

        return (added, unchanged);
    }

    /// <summary>The bases that cover some month of [<paramref name="from"/>, <paramref name="to"/>], by person (all people, or one).</summary>
    public static async Task<ILookup<Guid, ContributionBase>> CoveringAsync(ILtcDbContext db, DateOnly from, DateOnly to,
        Guid? personId, CancellationToken cancellationToken)
    {
        var first = Month.Of(from).FirstDay;
        var last = Month.Of(to).FirstDay;
        var query = db.Set<ContributionBase>().AsNoTracking().Where(b => b.FromMonth <= last && b.ToMonth >= first);
        if (personId is { } one)
            query = query.Where(b => b.PersonId == one);
        return (await query.ToListAsync(cancellationToken)).ToLookup(b => b.PersonId);
    }
}

/// <summary>Reading a base amount, a year or a month as a file or a form writes them; Chinese messages for what is wrong.</summary>
public static class BaseText
{
    /// <summary>Bases above this are surely a typing error (yuan a month).</summary>
    public const decimal MaxAmount = 10_000_000m;

    /// <summary>The amount (yuan, at most two decimals, &gt; 0), or the problem.</summary>
    public static (decimal? Amount, string? Problem) Amount(string? text)
    {
        var cleaned = text?.Trim().Replace("，", ",", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(cleaned))
            return (null, "缴费基数为空");
        // the shared parser: spreadsheet thousands groups ("8,123.45") are read, "1,0.00" is not 10.00 but an error
        if (!AmountText.TryParse(cleaned, out var amount, allowThousandsSeparators: true))
            return (null, $"缴费基数「{Shorten(text!)}」不是有效金额（应为数字，如 5000 或 5000.50）");
        if (amount <= 0)
            return (null, "缴费基数必须大于零");
        if (amount > MaxAmount)
            return (null, $"缴费基数 {amount.ToString(CultureInfo.InvariantCulture)} 过大，请核对（每月金额，单位元）");
        if (decimal.Round(amount, 2) != amount)
            return (null, "缴费基数最多两位小数（元、角、分）");
        return (amount, null);
    }

    /// <summary>A year "2027" (1900–2200), or the problem.</summary>
    public static (int? Year, string? Problem) Year(string? text)
    {
        var cleaned = text?.Trim().TrimEnd('年');
        if (cleaned is { Length: 4 } && int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2200)
            return (year, null);
        return (null, $"年度「{Shorten(text ?? "")}」无效，应为四位年份，如 2027");
    }

    /// <summary>A month "2027-03" (also 2027/03, 2027.3, 202703, or a date whose month is meant), or the problem.</summary>
    public static (Month? Month, string? Problem) MonthOf(string? text)
    {
        var cleaned = text?.Trim() ?? "";
        if (Month.TryParse(cleaned, out var month))
            return (month, null);
        var parts = cleaned.Split(['-', '/', '.', '年', '月'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 2 or 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && y is >= 1900 and <= 2200 && m is >= 1 and <= 12)
            return (new Month(y, m), null);
        if (cleaned.Length == 6 && int.TryParse(cleaned[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && int.TryParse(cleaned[4..], NumberStyles.None, CultureInfo.InvariantCulture, out m) && y is >= 1900 and <= 2200 && m is >= 1 and <= 12)
            return (new Month(y, m), null);
        return (null, $"月份「{Shorten(cleaned)}」无效，应为 年-月，如 2027-03");
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
