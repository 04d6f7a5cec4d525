using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.SampleClaims;

/// <summary>
/// 抽查: marks for review the claims of a service month awaiting 初审 or 复核 that the draw picks (every claim whose fund
/// amount reaches <see cref="AmountAtLeast"/>, plus <see cref="Percent"/> % of the others, drawn from
/// <see cref="Seed"/>: the same seed picks the same claims). Each pick is recorded on the claim (who, when, seed).
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record SampleClaimsCommand(string Month, decimal Percent, decimal? AmountAtLeast, string Seed) : IRequest<IReadOnlyList<Guid>>;
