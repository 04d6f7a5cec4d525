using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers;

/// <summary>Finding the register's rows of the current tenant, refusing in Chinese when they are not there.</summary>
internal static class ProviderLookup
{
    public static string Tenant(ILtcDbContext db) =>
        db.CurrentTenantId ?? throw new ForbiddenAccessException("请先选择统筹地区");

    public static async Task<Institution> ProviderAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        ProviderRule.Check(provider is null, ProviderCodes.NotFound, ProviderClauses.Agreement, "找不到该定点服务机构（或不属于当前统筹地区）");
        return provider!;
    }

    public static async Task<CareWorker> CareWorkerAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var worker = await db.Set<CareWorker>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        ProviderRule.Check(worker is null, ProviderCodes.CareWorkerNotFound, ProviderClauses.RealName, "找不到该护理人员（或不属于当前统筹地区）");
        return worker!;
    }

    /// <summary>An ID number for lists and history: the region, then stars, then the last four characters.</summary>
    public static string Mask(string idNumber) =>
        idNumber.Length == 18 ? string.Concat(idNumber.AsSpan(0, 6), "********", idNumber.AsSpan(14)) : "****";
}

/// <summary>The fields <c>provider_changes</c> records, by name.</summary>
public static class ProviderFields
{
    public const string Registered = "registered";
    public const string Name = "name";
    public const string ServiceModes = "service_modes";
    public const string MedicalLevel = "medical_level";
    public const string Region = "region";
    public const string AgreementFrom = "agreement_from";
    public const string AgreementTo = "agreement_to";
    public const string BankName = "bank_name";
    public const string BankAccountName = "bank_account_name";
    public const string BankAccountNumber = "bank_account_number";
    public const string LiabilityPolicy = "liability_policy";
    public const string LiabilityTo = "liability_to";
    public const string Status = "status";
    public const string WorkerAdded = "worker_added";
    public const string WorkerName = "worker_name";
    public const string WorkerIdNumber = "worker_id_number";
    public const string WorkerQualifications = "worker_qualifications";
    public const string WorkerActive = "worker_active";

    /// <summary>The Chinese name of a field, for the history table.</summary>
    public static string ChineseName(string field) => field switch
    {
        Registered => "登记",
        Name => "名称",
        ServiceModes => "服务方式",
        MedicalLevel => "医疗机构级别",
        Region => "所在地区",
        AgreementFrom => "协议起始日期",
        AgreementTo => "协议终止日期",
        BankName => "开户银行",
        BankAccountName => "账户名称",
        BankAccountNumber => "银行账号",
        LiabilityPolicy => "责任保险保单号",
        LiabilityTo => "责任保险有效期至",
        Status => "状态",
        WorkerAdded => "登记护理人员",
        WorkerName => "护理人员姓名",
        WorkerIdNumber => "护理人员身份证号码",
        WorkerQualifications => "护理人员资格",
        WorkerActive => "护理人员在职",
        _ => field,
    };
}

/// <summary>Collects the changes of one use case into <c>provider_changes</c> (unchanged fields are skipped).</summary>
internal sealed class ProviderChangeLog(ILtcDbContext db, string tenantId, string changedBy, DateTimeOffset changedAt)
{
    public int Count { get; private set; }

    public string ChangedBy => changedBy;

    public DateTimeOffset ChangedAt => changedAt;

    public void Add(Guid institutionId, Guid? careWorkerId, string field, string? before, string? after, string? note = null)
    {
        if (string.Equals(before, after, StringComparison.Ordinal) && note is null)
            return;
        db.Set<ProviderChange>().Add(ProviderChange.Of(tenantId, institutionId, careWorkerId, field, Clip(before), Clip(after), Clip(note), changedBy, changedAt));
        Count++;
    }

    private static string? Clip(string? text) => text is { Length: > 500 } ? text[..500] : text;

    public static ProviderChangeLog For(ILtcDbContext db, ICurrentUser user, TimeProvider clock) =>
        new(db, ProviderLookup.Tenant(db), user.Name(), clock.GetUtcNow());
}
