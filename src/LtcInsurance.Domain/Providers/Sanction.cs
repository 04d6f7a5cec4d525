using System.Globalization;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Providers;

/// <summary>
/// A provider or a care worker barred for a period (责任追究 SS 二(十), 监督管理 YZ 四(六), under the provider agreement): claims for days
/// in force are refused. Sanctions are never deleted or rewritten: the only change is ending one, once, by a dated
/// end (<see cref="End"/>) that may only shorten it; the database enforces the same (migration 20261207122000).
/// </summary>
public sealed class Sanction : ITenantOwned
{
    private Sanction()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary><see cref="SanctionSubjects.Institution"/> or <see cref="SanctionSubjects.CareWorker"/>.</summary>
    public string SubjectKind { get; private init; } = SanctionSubjects.Institution;

    /// <summary>The <c>institutions</c> or <c>care_workers</c> id.</summary>
    public Guid SubjectId { get; private init; }

    public DateOnly From { get; private init; }

    /// <summary>Last day barred; null: until ended.</summary>
    public DateOnly? To { get; private set; }

    public string Reason { get; private init; } = "";

    /// <summary>The agreement or document clause the sanction applies.</summary>
    public string Clause { get; private init; } = "";

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    public string? EndReason { get; private set; }

    public string? EndedBy { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool InForceOn(DateOnly day) => From <= day && (To is null || day <= To);

    public static Sanction Record(string tenantId, string subjectKind, Guid subjectId, DateOnly from, DateOnly? to,
        string reason, string clause, string recordedBy, DateTimeOffset recordedAt)
    {
        ProviderRule.Check(!SanctionSubjects.All.Contains(subjectKind), ProviderCodes.InvalidInput, ProviderClauses.Sanctions,
            $"处理对象类型「{subjectKind}」未知（可用：{string.Join("、", SanctionSubjects.All)}）");
        ProviderRule.Check(to < from, ProviderCodes.InvalidPeriod, ProviderClauses.Sanctions, "处理截止日期不能早于起始日期");
        return new Sanction
        {
            TenantId = tenantId, SubjectKind = subjectKind, SubjectId = subjectId, From = from, To = to,
            Reason = reason, Clause = clause, RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }

    /// <summary>Ends the sanction after <paramref name="lastDay"/> (once; never extends it, never before it starts).</summary>
    public void End(DateOnly lastDay, string reason, string endedBy, DateTimeOffset endedAt)
    {
        ProviderRule.Check(EndedAt is not null, ProviderCodes.SanctionEnded, ProviderClauses.Sanctions,
            $"该处理已于 {EndedAt:yyyy-MM-dd} 由 {EndedBy} 结束，不能再次结束");
        ProviderRule.Check(lastDay < From, ProviderCodes.InvalidPeriod, ProviderClauses.Sanctions,
            $"结束日期不能早于处理起始日期 {From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        ProviderRule.Check(To is { } to && lastDay > to, ProviderCodes.InvalidPeriod, ProviderClauses.Sanctions,
            $"结束日期不能晚于原定截止日期 {To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（延长处理请另行登记）");
        To = lastDay;
        EndReason = reason;
        EndedBy = endedBy;
        EndedAt = endedAt;
    }
}

/// <summary>What a sanction bars.</summary>
public static class SanctionSubjects
{
    public const string Institution = "institution";
    public const string CareWorker = "care_worker";

    public static IReadOnlyList<string> All { get; } = [Institution, CareWorker];

    public static string ChineseName(string kind) => kind == CareWorker ? "护理人员" : kind == Institution ? "服务机构" : kind;
}
