using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Supervision;

/// <summary>The outcomes an auditor records on a flag.</summary>
public static class FlagOutcomes
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string Recovered = "recovered";

    public static IReadOnlyList<string> Recordable { get; } = [Confirmed, Dismissed, Recovered];

    public static IReadOnlyList<string> All { get; } = [Open, Confirmed, Dismissed, Recovered];

    public static string ChineseName(string code) => code switch
    {
        Open => "待核查",
        Confirmed => "已确认",
        Dismissed => "已排除",
        Recovered => "已追回",
        _ => code,
    };
}

/// <summary>
/// A flag an anomaly rule raised (疑点): the rule and clause, what it is about, the numbers that show it (JSON), when and
/// by which run. The auditor's outcomes are appended to <see cref="FlagOutcome"/> (never changed); the flag keeps the
/// latest for the queue's filter. A confirmed flag about a provider may lead to a sanction, whose id it keeps.
/// </summary>
public sealed class AnomalyFlag : ITenantOwned
{
    public const int MaxNoteLength = 1000;

    private AnomalyFlag()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; }

    public string RuleCode { get; private init; } = "";

    public string Clause { get; private init; } = "";

    public string SubjectKind { get; private init; } = "";

    public Guid SubjectId { get; private init; }

    public Guid? ClaimId { get; private init; }

    public int? LineNo { get; private init; }

    public Guid? InstitutionId { get; private init; }

    public DateOnly? ServiceMonth { get; private init; }

    /// <summary>The finding's key: the same anomaly found again by a later run is the same flag.</summary>
    public string Fingerprint { get; private init; } = "";

    /// <summary>The numbers that show the anomaly (jsonb).</summary>
    public string Evidence { get; private init; } = "{}";

    /// <summary>The run that raised it: <c>submission</c>, <c>nightly</c> or <c>manual</c>.</summary>
    public string Source { get; private init; } = "";

    public string CreatedBy { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>The latest outcome (<see cref="FlagOutcomes"/>); the history is in <see cref="FlagOutcome"/>.</summary>
    public string Status { get; private set; } = FlagOutcomes.Open;

    public Guid? SanctionId { get; private set; }

    public int Version { get; private set; }

    public static AnomalyFlag Raise(string tenantId, AnomalyRule rule, AnomalyFinding finding, string evidenceJson, string source, string by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(finding);
        return new AnomalyFlag
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(), RuleCode = rule.Code, Clause = rule.Clause, SubjectKind = finding.SubjectKind,
            SubjectId = finding.SubjectId, ClaimId = finding.ClaimId, LineNo = finding.LineNo, InstitutionId = finding.ProviderId,
            ServiceMonth = finding.Month, Fingerprint = finding.Key, Evidence = evidenceJson, Source = source, CreatedBy = by, CreatedAt = at,
        };
    }

    /// <summary>Records an auditor's outcome with a note; returns the appended history row.</summary>
    public FlagOutcome Record(string outcome, string note, string by, DateTimeOffset at)
    {
        SupervisionRule.Check(!FlagOutcomes.Recordable.Contains(outcome), "flag_outcome_unknown", "请选择核查结论：确认、排除或已追回");
        SupervisionRule.Check(string.IsNullOrWhiteSpace(note) || note.Trim().Length > MaxNoteLength, "flag_note_required",
            $"请填写核查说明（不超过 {MaxNoteLength} 个字符）");
        Status = outcome;
        Version++;
        return new FlagOutcome
        {
            TenantId = TenantId, Id = Guid.CreateVersion7(), FlagId = Id, Outcome = outcome, Note = note.Trim(), RecordedBy = by, RecordedAt = at,
        };
    }

    /// <summary>Links the sanction recorded on a confirmed flag about a provider.</summary>
    public void LinkSanction(Guid sanctionId)
    {
        SupervisionRule.Check(Status != FlagOutcomes.Confirmed, "flag_not_confirmed", "只有已确认的疑点可以转入处理登记");
        SupervisionRule.Check(InstitutionId is null, "flag_without_provider", "该疑点不涉及服务机构，不能转入机构处理登记");
        SupervisionRule.Check(SanctionId is not null, "flag_already_sanctioned", "该疑点已转入处理登记");
        SanctionId = sanctionId;
        Version++;
    }
}

/// <summary>An auditor's outcome of a flag: append-only (the application role may only insert).</summary>
public sealed class FlagOutcome : ITenantOwned
{
    public string TenantId { get; init; } = "";

    public Guid Id { get; init; }

    public Guid FlagId { get; init; }

    public string Outcome { get; init; } = "";

    public string Note { get; init; } = "";

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A supervision rule a clerk or auditor broke (the clause: the national screening duty).</summary>
public sealed record SupervisionRule(string Code, string Message, bool Broken) : IBusinessRule
{
    public string Clause => AnomalyRule.Screening;

    public bool IsBroken() => Broken;

    public static void Check(bool broken, string code, string message) => BusinessRule.Check(new SupervisionRule(code, message, broken));
}
