using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.ListClaims;

/// <summary>
/// One page of the tenant's claims, newest service month first, then by provider code. An institution user sees only
/// its own provider's claims. The claims are counted only when the list goes on past the page, and only up to
/// <see cref="CountCap"/> (then <c>TotalIsLowerBound</c>); a list that ends on the page is counted by its rows.
/// </summary>
/// <param name="Month">Service month <c>YYYY-MM</c>; null or blank: every month.</param>
/// <param name="ProviderCode">A provider's code; null or blank: every provider.</param>
/// <param name="Status">One of <c>ClaimStatus.All</c>; null or blank: any.</param>
/// <param name="SampledOnly">Only the claims drawn for review.</param>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record ListClaimsQuery(int Skip, int Take, string? Month = null, string? ProviderCode = null, string? Status = null,
    bool SampledOnly = false) : IRequest<Page<ClaimListItem>>
{
    /// <summary>How far a list of claims is counted.</summary>
    public const int CountCap = 10_000;
}

public sealed record ClaimListItem(Guid Id, string Number, string ProviderCode, string ProviderName, string Month, string Status, string StatusName,
    int Lines, decimal Billed, decimal Fund, decimal Individual, DateTimeOffset SubmittedAt, bool Sampled, IReadOnlyList<string> ReturnCodes);
