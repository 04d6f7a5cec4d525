using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.DecideAcceptance;

/// <summary>
/// 受理审核 of an application on <see cref="On"/>: accepted; refused with the reason and clause a clerk reads out (not
/// insured, not in the benefit population, disability shorter than the city requires, a new application too soon after a
/// conclusion); or incomplete with one notice listing every missing document. An application still incomplete after the
/// tenant's completion period counts as withdrawn instead.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record DecideAcceptanceCommand(Guid ApplicationId, DateOnly On) : IRequest<AcceptanceOutcome>;

/// <param name="Outcome">accepted, refused, incomplete or withdrawn.</param>
public sealed record AcceptanceOutcome(string Outcome, string? Code, string? Clause, string Message, IReadOnlyList<string> MissingDocuments);
