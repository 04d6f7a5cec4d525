using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Policies.GetCaseExample;

/// <summary>
/// A ready-to-run case of <paramref name="Kind"/> for the signed-in user's tenant, so that a clerk edits a working case
/// rather than writing one from nothing. Answers null when the user acts for no tenant.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Auditor, Roles.Admin)]
public sealed record GetCaseExampleQuery(string Kind) : IRequest<CaseExample?>;

/// <summary>The date asked and the case's input object as indented JSON.</summary>
public sealed record CaseExample(DateOnly AsOf, string Input);
