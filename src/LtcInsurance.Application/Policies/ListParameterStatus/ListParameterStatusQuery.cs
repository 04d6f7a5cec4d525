using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Policies.ListParameterStatus;

/// <summary>
/// The current tenant's parameters as administration sees them on a day: each with the value in force (shipped or an
/// approved version), whether it is unset (未设定) and which work that blocks, and how many proposals wait for approval.
/// </summary>
/// <param name="AsOf">The day asked about; today when null.</param>
/// <param name="Topic">Only this topic (scope, funding, assessment, start, payment, other) when set.</param>
/// <param name="UnsetOnly">Only parameters without a value on that day.</param>
[RequiresRole(Roles.Clerk, Roles.Auditor, Roles.Admin)]
public sealed record ListParameterStatusQuery(DateOnly? AsOf = null, string? Topic = null, bool UnsetOnly = false)
    : IRequest<ParameterStatusList?>;

public sealed record ParameterStatusList(string Tenant, DateOnly AsOf, int UnsetCount, int PendingCount, IReadOnlyList<ParameterStatus> Parameters);

/// <param name="Value">The value in force on the day, canonical text; null when unset.</param>
/// <param name="Version">The approved version in force, null when the value is the one shipped with the city module.</param>
/// <param name="Blocks">What cannot run while the parameter is unset, in Chinese (e.g. 缴费核定, 待遇结算, 参保认定, 失能评估, 待遇资格); empty when set.</param>
/// <param name="Pending">Proposed versions waiting for a second admin.</param>
public sealed record ParameterStatus(
    string Name,
    string Label,
    string Topic,
    string Kind,
    string Unit,
    string Clause,
    string? Value,
    DateOnly? ValueFrom,
    int? Version,
    bool Demo,
    IReadOnlyList<string> Blocks,
    int Pending)
{
    public bool Unset => Value is null;
}
