using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Policies.ProposeParameter;

/// <summary>
/// An admin of the current tenant proposes a new version of one of its policy parameters. Nothing changes in the
/// engine until a second admin of that tenant approves it (<see cref="DecideParameter.DecideParameterCommand"/>).
/// Versions are never rewritten: a change is always a new version.
/// </summary>
/// <param name="Name">The parameter's name as the city module declares it (e.g. <c>fundRatio.home</c>).</param>
/// <param name="Value">The value written in the parameter's kind: amount <c>12.50</c>, ratio <c>0.70</c>, count
/// <c>6</c>, date <c>2027-01-01</c>, a code, a comma-separated list of codes, or <c>true</c>/<c>false</c>.</param>
/// <param name="EffectiveFrom">First day the value is in force.</param>
/// <param name="EffectiveTo">Last day it is in force, when the local document says so; open-ended otherwise.</param>
/// <param name="SourceDocument">The local document that sets it (e.g. 镇医保发〔2023〕N号) or the clause.</param>
/// <param name="Reason">Why it is proposed.</param>
[RequiresRole(Roles.Admin)]
public sealed record ProposeParameterCommand(
    string? Name,
    string? Value,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveTo,
    string? SourceDocument,
    string? Reason) : IRequest<ParameterVersionView>;

/// <summary>The states of a parameter version. Only approved versions reach the engine.</summary>
public static class ParameterVersionStatus
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

/// <summary>One stored version of a tenant's parameter, as pages, the CLI and the API show it.</summary>
/// <param name="Version">1, 2, … per tenant and parameter, in order of proposal.</param>
/// <param name="Value">The value in its canonical text form (as <see cref="ProposeParameterCommand.Value"/>).</param>
/// <param name="Demo">A demonstration value (演示值) written by the development seeder, never in Production.</param>
public sealed record ParameterVersionView(
    string Name,
    int Version,
    string Value,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Unit,
    string SourceDocument,
    string Reason,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    bool Demo);
