using LtcInsurance.Domain.Ledger.Records;
using System.Text.RegularExpressions;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// The chart of accounts of the context's tenant (query filter and row-level security keep it to that tenant). Refusals
/// are results with a Chinese message, not exceptions: an admin's typo is not an error of the application.
/// </summary>
public sealed partial class LedgerChart(LtcDbContext db) : ILedgerChart
{
    private const int MaxNameLength = 200;

    public async Task<IReadOnlyList<ChartAccountView>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        var used = (await db.Set<JournalPostingRecord>().Select(p => p.AccountCode).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. (await db.Set<LedgerAccountRecord>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new ChartAccountView(a.Code, a.Name, LedgerMapping.ParseAccountType(a.Type), a.RegionCode, used.Contains(a.Code)))];
    }

    public async Task<ChartChange> AddAsync(string? code, string? name, AccountType type, string? regionCode,
        CancellationToken cancellationToken = default)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        regionCode = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        if (!Enum.IsDefined(type))
            return ChartChange.Refused("请选择科目类别。");
        if (!CodePattern().IsMatch(code))
            return ChartChange.Refused($"科目代码“{code}”无效：应为四位数字，明细科目以“.”加两位数字续接，如 5301 或 1101.07。");
        if (TypeOfCode(code) != type)
            return ChartChange.Refused($"科目代码 {code} 以 {code[0]} 开头，属于{TypeName(TypeOfCode(code))}类，与所选类别“{TypeName(type)}”不一致。");
        if (name.Length == 0 || name.Length > MaxNameLength)
            return ChartChange.Refused($"科目名称不能为空，且不超过 {MaxNameLength} 个字。");

        var accounts = await db.Set<LedgerAccountRecord>().AsNoTracking().ToListAsync(cancellationToken);
        var byCode = accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var newCode = code;
        if (regionCode is not null)
        {
            // A region's sub-account mirrors a city account (YZ 四(五), JN 二): same type, code {code}@{region}.
            var regions = await db.Tenants.Where(t => t.Id == tenant).Select(t => t.RegionCodes).SingleOrDefaultAsync(cancellationToken) ?? [];
            if (!regions.Contains(regionCode, StringComparer.Ordinal))
                return ChartChange.Refused($"地区代码 {regionCode} 不是本统筹地区的行政区划。");
            if (!byCode.TryGetValue(code, out var parent))
                return ChartChange.Refused($"地区子科目须由已有的市级科目拆分，科目 {code} 不存在，请先添加市级科目。");
            if (LedgerMapping.ParseAccountType(parent.Type) != type)
                return ChartChange.Refused($"地区子科目须与上级科目 {code}（{TypeName(LedgerMapping.ParseAccountType(parent.Type))}）类别相同。");
            newCode = Account.RegionAccountCode(code, regionCode);
        }
        else if (ParentCode(code) is { } parentCode && byCode.TryGetValue(parentCode, out var parent)
                 && LedgerMapping.ParseAccountType(parent.Type) != type)
        {
            return ChartChange.Refused($"明细科目须与上级科目 {parentCode}（{TypeName(LedgerMapping.ParseAccountType(parent.Type))}）类别相同。");
        }

        if (byCode.ContainsKey(newCode))
            return ChartChange.Refused($"科目代码 {newCode} 已存在（{byCode[newCode].Name}），同一统筹地区内科目代码不能重复。");

        var record = new Account(tenant, newCode, name, type, regionCode).ToRecord();
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another admin added the same code a moment ago.
            return ChartChange.Refused($"科目代码 {newCode} 已存在，同一统筹地区内科目代码不能重复。");
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }

        return ChartChange.Done(newCode);
    }

    public async Task<ChartChange> RenameAsync(string? code, string? name, CancellationToken cancellationToken = default)
    {
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
            return ChartChange.Refused($"科目名称不能为空，且不超过 {MaxNameLength} 个字。");
        var record = await db.Set<LedgerAccountRecord>().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (record is null)
            return ChartChange.Refused($"科目 {code} 不存在。");
        // Only the name: entries and their hashes refer to the code, which stays; the name is not part of any hash.
        record.Name = name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }

        return ChartChange.Done(code);
    }

    /// <summary>The usual layout of social-insurance fund charts: the first digit is the element.</summary>
    public static AccountType TypeOfCode(string code) => code[0] switch
    {
        '1' => AccountType.Asset,
        '2' => AccountType.Liability,
        '3' => AccountType.Equity,
        '4' => AccountType.Income,
        _ => AccountType.Expense,
    };

    public static string TypeName(AccountType type) => type switch
    {
        AccountType.Asset => "资产",
        AccountType.Liability => "负债",
        AccountType.Equity => "净资产",
        AccountType.Income => "收入",
        _ => "支出",
    };

    private static string? ParentCode(string code) => code.LastIndexOf('.') is var dot and > 0 ? code[..dot] : null;

    [GeneratedRegex(@"^[1-5][0-9]{3}(\.[0-9]{2})*$")]
    private static partial Regex CodePattern();
}
