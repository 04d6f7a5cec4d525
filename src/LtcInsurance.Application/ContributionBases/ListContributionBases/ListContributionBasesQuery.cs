using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.ContributionBases.ListContributionBases;

/// <summary>A person's bases, newest first, each marked when later ones supersede it for every month it covers.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListContributionBasesQuery(PersonId PersonId) : IRequest<IReadOnlyList<ContributionBaseView>>;
