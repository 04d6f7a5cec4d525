using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Policies.DecideParameter;

/// <summary>
/// A second admin of the current tenant approves or rejects a proposed parameter version. The proposer cannot decide
/// their own proposal; a version is decided once. An approved version is read by the engine from its effective date on.
/// </summary>
/// <param name="Note">Required when rejecting: why.</param>
[RequiresRole(Roles.Admin)]
public sealed record DecideParameterCommand(string? Name, int Version, bool Approve, string? Note) : IRequest<ParameterVersionView>;
