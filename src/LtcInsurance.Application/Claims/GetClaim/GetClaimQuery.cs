using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Claims.GetClaim;

/// <summary>
/// One claim with its lines, settlements (with the engine's trace), return codes, history and window. An institution user
/// asking for another provider's claim of the same tenant is refused (<c>ForbiddenAccessException</c>: 403 in the API); a
/// claim of another tenant is not found.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Clerk, Roles.Admin, Roles.Auditor)]
public sealed record GetClaimQuery(Guid ClaimId) : IRequest<ClaimView>;

/// <param name="WindowCloses">The last day of the month's window; null while the tenant has not set its closing day.</param>
/// <param name="Frozen">The window has closed: the provider can no longer withdraw or resubmit.</param>
public sealed record ClaimView(
    Guid Id, string Number, string ProviderCode, string ProviderName, string Month, string Status, string StatusName,
    decimal Billed, decimal Fund, decimal Individual, bool Sampled, int Version,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? FirstReviewedBy, DateTimeOffset? FirstReviewedAt,
    string? SecondReviewedBy, DateTimeOffset? SecondReviewedAt, string? FirstApprovedBy, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    long? PayableSequence, Guid? PaymentBatchId, DateTimeOffset? PaidAt, DateOnly? WindowCloses, bool Frozen,
    IReadOnlyList<ReturnCodeView> ReturnCodes, IReadOnlyList<ClaimLineView> Lines, IReadOnlyList<ClaimSettlementView> Settlements,
    IReadOnlyList<ClaimEventView> Events);

public sealed record ClaimSettlementView(Guid PersonId, string ServiceMode, decimal YearToDateBefore, decimal EarlierInMonth, decimal Billed,
    decimal Fund, decimal Individual, string Reductions, string Trace);

public sealed record ClaimEventView(string Action, string? FromStatus, string ToStatus, string By, DateTimeOffset At, string? Reason);
