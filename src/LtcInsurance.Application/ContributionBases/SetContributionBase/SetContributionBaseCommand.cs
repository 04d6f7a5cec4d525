using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.ContributionBases.SetContributionBase;

/// <summary>
/// Sets a person's monthly base by hand (the person page's form): <paramref name="Kind"/> wage or pension,
/// <paramref name="From"/> and <paramref name="To"/> months "2027-01" (inclusive), <paramref name="Amount"/> yuan a month.
/// Supersedes older bases for those months (they stay as history). Setting what is already in force changes nothing
/// (<see cref="SetContributionBaseResult.Added"/> false).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record SetContributionBaseCommand(PersonId PersonId, string Kind, string From, string To, decimal Amount)
    : IRequest<SetContributionBaseResult>;

/// <param name="Added">False when the same base was already recorded for these months.</param>
public sealed record SetContributionBaseResult(bool Added, ContributionBaseView? Base);
