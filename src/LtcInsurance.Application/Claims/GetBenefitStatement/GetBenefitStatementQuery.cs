using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.GetBenefitStatement;

/// <summary>
/// A beneficiary's benefit statement of one service month (待遇结算明细): every standing claim line for them across
/// providers, what the fund paid and what they pay, why lines were cut, and the year's fund paid so far.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record GetBenefitStatementQuery(Guid PersonId, string Month) : IRequest<BenefitStatement>;

public sealed record BenefitStatement(Guid PersonId, string PersonName, string MaskedIdNumber, string Month,
    IReadOnlyList<BenefitStatementLine> Lines, decimal Billed, decimal Fund, decimal Individual, decimal YearFundPaid);

public sealed record BenefitStatementLine(string ProviderCode, string ProviderName, string ClaimNumber, string ClaimStatus, ClaimLineView Line);
