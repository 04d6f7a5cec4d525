using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.GetProviderStatement;

/// <summary>
/// A provider's statement of one service month (结算单): every line of its standing claim(s) with what the fund pays,
/// what the person pays (for the provider to collect) and why lines were cut; totals, per-beneficiary shares to collect,
/// recoveries and where the claim is. An institution user reads only its own.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record GetProviderStatementQuery(string ProviderCode, string Month) : IRequest<ProviderStatement>;

public sealed record ProviderStatement(string ProviderCode, string ProviderName, string Month, IReadOnlyList<StatementClaim> Claims,
    IReadOnlyList<ClaimLineView> Lines, IReadOnlyList<PersonShare> ToCollect, decimal Billed, decimal Fund, decimal Individual, decimal Recovered);

public sealed record StatementClaim(Guid ClaimId, string Number, string Status, string StatusName, long? PayableSequence, Guid? PaymentBatchId);

/// <summary>What one beneficiary pays the provider for the month (个人负担, collected by the provider).</summary>
public sealed record PersonShare(Guid PersonId, string PersonName, string MaskedIdNumber, decimal Billed, decimal Fund, decimal Individual);
