using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Policies.GetParameterHistory;

/// <summary>Every version of one parameter of the current tenant, newest first, beside the city module's shipped values.</summary>
[RequiresRole(Roles.Clerk, Roles.Auditor, Roles.Admin)]
public sealed record GetParameterHistoryQuery(string? Name) : IRequest<ParameterHistory?>;

/// <param name="Kind">amount, ratio, count, date, text, list or flag.</param>
/// <param name="Shipped">The values the city module ships (from its document), each with the day it takes effect; a null value is 未设定.</param>
public sealed record ParameterHistory(
    string Name,
    string Label,
    string Topic,
    string Kind,
    string Unit,
    string Clause,
    IReadOnlyList<ShippedValue> Shipped,
    IReadOnlyList<ParameterVersionView> Versions);

/// <summary>A value shipped with the city module; <see cref="Value"/> null means the document leaves it to local rules.</summary>
public sealed record ShippedValue(DateOnly From, string? Value, string? Note);
