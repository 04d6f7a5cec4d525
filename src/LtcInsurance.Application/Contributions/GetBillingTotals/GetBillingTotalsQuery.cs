using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.GetBillingTotals;

/// <summary>Totals of a period's bills of the current tenant (all runs so far), per payer and per region and payer.</summary>
/// <param name="Period">"2027" (yearly cities) or "2027-03" (Yulin).</param>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record GetBillingTotalsQuery(string Period) : IRequest<BillingTotals>;

/// <param name="Payer">The payer's code (<c>Payer.Code</c>).</param>
public sealed record PayerTotal(string Payer, decimal Amount);

/// <param name="Payer">The payer's code (<c>Payer.Code</c>).</param>
public sealed record RegionPayerTotal(string RegionCode, string Payer, decimal Amount);

/// <summary>Totals of a period's bills (all runs so far), per payer (ordered by code) and per region and payer.</summary>
public sealed record BillingTotals(string Period, int Bills, decimal Total, IReadOnlyList<PayerTotal> ByPayer, IReadOnlyList<RegionPayerTotal> ByRegion);
