using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Records;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.AddAccount;

/// <summary>
/// Checks the request against the tenant's chart and regions, then adds the account (query filter and row-level security
/// keep it to the tenant) with a record of who added it (<see cref="LedgerAccountChangeRecord"/>), in one save.
/// </summary>
internal sealed class AddAccountHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddAccountCommand, ChartChange>
{
    public async Task<ChartChange> Handle(AddAccountCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");
        var code = request.TrimmedCode;
        var type = request.Type;
        var regionCode = request.TrimmedRegion;

        var accounts = await db.LedgerAccounts.AsNoTracking().ToListAsync(cancellationToken);
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
            if (LedgerRecordMapping.ParseAccountType(parent.Type) != type)
                return ChartChange.Refused(
                    $"地区子科目须与上级科目 {code}（{ChartCode.TypeName(LedgerRecordMapping.ParseAccountType(parent.Type))}）类别相同。");
            newCode = Account.RegionAccountCode(code, regionCode);
        }
        else if (ChartCode.ParentOf(code) is { } parentCode && byCode.TryGetValue(parentCode, out var parent)
                 && LedgerRecordMapping.ParseAccountType(parent.Type) != type)
        {
            return ChartChange.Refused(
                $"明细科目须与上级科目 {parentCode}（{ChartCode.TypeName(LedgerRecordMapping.ParseAccountType(parent.Type))}）类别相同。");
        }

        if (byCode.TryGetValue(newCode, out var taken))
            return ChartChange.Refused($"科目代码 {newCode} 已存在（{taken.Name}），同一统筹地区内科目代码不能重复。");

        var record = new Account(tenant, newCode, request.TrimmedName, type, regionCode).ToRecord();
        db.LedgerAccounts.Add(record);
        var change = new LedgerAccountChangeRecord
        {
            TenantId = tenant, AccountCode = newCode, Change = LedgerAccountChangeRecord.Added, NewName = record.Name,
            ChangedBy = user.Name(), ChangedAt = clock.GetUtcNow(),
        };
        db.Set<LedgerAccountChangeRecord>().Add(change);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin may have added the same code a moment ago (the key refused it); anything else is a failure.
            db.LedgerAccounts.Entry(record).State = EntityState.Detached;
            db.Set<LedgerAccountChangeRecord>().Entry(change).State = EntityState.Detached;
            if (await db.LedgerAccounts.AsNoTracking().AnyAsync(a => a.Code == newCode, cancellationToken))
                return ChartChange.Refused($"科目代码 {newCode} 已存在，同一统筹地区内科目代码不能重复。");
            throw;
        }

        return ChartChange.Done(newCode);
    }
}
