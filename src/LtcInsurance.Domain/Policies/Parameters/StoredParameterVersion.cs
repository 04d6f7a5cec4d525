using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>
/// One version of a tenant's policy parameter (table <c>parameter_versions</c>): proposed by an admin, then approved or
/// rejected once by a second admin of the same tenant. The value and its terms are never rewritten: a change is a new
/// version. Only approved versions reach the engine (<see cref="VersionedParameterProvider"/>).
/// </summary>
public sealed class StoredParameterVersion : ITenantOwned
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private StoredParameterVersion()
    {
    }

    public string TenantId { get; private init; } = "";

    public string Name { get; private init; } = "";

    /// <summary>1, 2, … per tenant and parameter, in order of proposal.</summary>
    public int Version { get; private init; }

    /// <summary>Canonical text of the value (<see cref="ParameterValueText"/>).</summary>
    public string Value { get; private init; } = "";

    public DateOnly EffectiveFrom { get; private init; }

    public DateOnly? EffectiveTo { get; private init; }

    public string Unit { get; private init; } = "";

    public string SourceDocument { get; private init; } = "";

    public string Reason { get; private init; } = "";

    public string ProposedBy { get; private init; } = "";

    public DateTimeOffset ProposedAt { get; private init; }

    public string Status { get; private set; } = Proposed;

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>A demonstration value (演示值) written by the development seeder; never in Production.</summary>
    public bool Demo { get; private init; }

    public static StoredParameterVersion Propose(string tenantId, string name, int version, string value, DateOnly from, DateOnly? to,
        string unit, string sourceDocument, string reason, string proposedBy, DateTimeOffset proposedAt, bool demo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(proposedBy);
        BusinessRule.Check(new Rule("parameter_effective_range", "", $"失效日期 {to:yyyy-MM-dd} 早于生效日期 {from:yyyy-MM-dd}", to < from));
        return new StoredParameterVersion
        {
            TenantId = tenantId, Name = name, Version = version, Value = value, EffectiveFrom = from, EffectiveTo = to,
            Unit = unit, SourceDocument = sourceDocument, Reason = reason, ProposedBy = proposedBy, ProposedAt = proposedAt, Demo = demo,
        };
    }

    /// <summary>
    /// A second admin approves or rejects the proposal, once. The proposer cannot decide their own proposal (four eyes);
    /// a rejection says why.
    /// </summary>
    public void Decide(bool approve, string decidedBy, DateTimeOffset decidedAt, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        BusinessRule.Check(new Rule("parameter_already_decided", "",
            $"参数 {Name} 第 {Version} 版已{(Status == Approved ? "批准" : "驳回")}（{DecidedBy}），每个版本只能审批一次；如需更改请提出新版本",
            Status != Proposed));
        BusinessRule.Check(new Rule("parameter_four_eyes", "",
            $"提出人 {ProposedBy} 不能审批自己提出的参数版本，须由本市另一位管理员审批", string.Equals(decidedBy, ProposedBy, StringComparison.OrdinalIgnoreCase)));
        BusinessRule.Check(new Rule("parameter_rejection_note", "", "驳回须填写审批意见（decisionNote），说明驳回原因",
            !approve && string.IsNullOrWhiteSpace(note)));
        Status = approve ? Approved : Rejected;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private sealed record Rule(string Code, string Clause, string Message, bool Broken) : IBusinessRule
    {
        public bool IsBroken() => Broken;
    }
}
