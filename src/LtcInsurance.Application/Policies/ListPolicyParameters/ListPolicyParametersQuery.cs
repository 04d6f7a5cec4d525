using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Application.Policies.ListPolicyParameters;

/// <summary>
/// The signed-in user's tenant's scheme: its document, when it took effect, and every parameter grouped by the part of
/// the scheme it governs, each with clause, unit and dated values. Answers null when the user acts for no tenant.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Auditor, Roles.Admin)]
public sealed record ListPolicyParametersQuery : IRequest<PolicyParameterList?>;

/// <summary>A tenant's scheme as the explorer shows it.</summary>
/// <param name="Document">Chinese name of the scheme's document.</param>
/// <param name="Start">The day the scheme took effect (<c>schemeStart</c>), when it has one.</param>
public sealed record PolicyParameterList(string Tenant, string Document, DateOnly? Start, IReadOnlyList<ParameterTopic> Topics);

/// <summary>The parameters of one topic (<see cref="ParameterTopics"/>: scope, funding, assessment, start, payment, other).</summary>
public sealed record ParameterTopic(string Topic, IReadOnlyList<PolicyParameter> Parameters);

/// <summary>One policy figure with its legal source and the values it takes from each date.</summary>
public sealed record PolicyParameter(string Name, string Label, string Unit, string Clause, IReadOnlyList<PolicyParameterValue> Values)
{
    /// <summary>Some date has no value: the document leaves the figure to local rules until an admin sets it.</summary>
    public bool Unset => Values.Any(v => v.Unset);

    public static PolicyParameter Of(ParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(definition.Name, definition.Label, definition.Unit, definition.Clause,
            [.. definition.Values.Select(v => new PolicyParameterValue(v.From, v.Value))]);
    }
}

/// <summary>A value in force from <see cref="From"/> (<see cref="DateOnly.MinValue"/>: since the scheme began); null when unset.</summary>
public sealed record PolicyParameterValue(DateOnly From, object? Value)
{
    public bool Unset => Value is null;
}
