using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.PostAssessmentFee;

/// <summary>
/// Posts the fee of a concluded assessment to the ledger as payable to the agency (Dr 5201 失能评估费支出, Cr 2102
/// 应付评估机构款) on <see cref="On"/>: the tenant's <c>assessmentFee</c> (no default: refused with <c>parameter_missing</c>,
/// nothing posted) split by <c>assessmentFeeFundShare</c> (the fund's part is posted; the person's part, Yulin, is paid to
/// the agency by the person and shown only). Where the city's agency-fee ceiling counts assessment fees (YL 三(六), 5 %)
/// the fund's part is counted in it, and a binding ceiling refuses a fee beyond it. Once per application (idempotent).
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record PostAssessmentFeeCommand(Guid ApplicationId, DateOnly On) : IRequest<AssessmentFeePosted>;

/// <param name="CeilingRemaining">What is left of the year's agency-fee ceiling after this fee, where the city has one.</param>
public sealed record AssessmentFeePosted(decimal Fee, decimal FundPays, decimal PersonPays, long? JournalSequence, bool AlreadyPosted,
    decimal? CeilingRemaining, string Message);
