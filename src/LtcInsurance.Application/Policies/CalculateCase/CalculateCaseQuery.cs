using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Application.Policies.CalculateCase;

/// <summary>
/// Runs one case of any kind (eligibility, contribution, assessment, settlement, entitlement) through the policy
/// engine for the signed-in user's tenant, the way `ltc calc` reads it. <paramref name="Input"/> is the case's input
/// object as JSON; a tenant named inside it is never read. Answers null when the user acts for no tenant.
/// </summary>
/// <param name="AsOf">The date asked (YYYY-MM-DD); today when empty.</param>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Auditor, Roles.Admin)]
public sealed record CalculateCaseQuery(string Kind, string? Input, string? AsOf) : IRequest<CalculationOutcome?>;

/// <summary>One run of a case: either the evaluation (result, trace, parameters used) or the engine's refusal with its code.</summary>
public sealed record CalculationOutcome(string Kind, PolicyEvaluation? Evaluation, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Evaluation is not null;

    public static CalculationOutcome Failure(string kind, string code, string message) => new(kind, null, code, message);
}
