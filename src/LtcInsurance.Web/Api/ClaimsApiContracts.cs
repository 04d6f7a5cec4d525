namespace LtcInsurance.Web.Api;

/// <summary>POST /api/v1/claims: a provider's claim for one service month (yyyy-MM), its lines in order.</summary>
public sealed record ApiClaimSubmission(string? Month, IReadOnlyList<ApiClaimLineInput?>? Lines);

/// <summary>
/// One line: the beneficiary by ID number, the day, the catalogue item and its category, quantity and amount (yuan), and
/// the care worker by ID number where the item needs one. <see cref="LineNo"/> defaults to the line's place (from 1).
/// </summary>
public sealed record ApiClaimLineInput(int? LineNo, string? IdNumber, DateOnly? Day, string? ItemCode, string? Category, decimal? Quantity,
    decimal? Amount, string? CareWorkerIdNumber);

/// <summary>POST /api/v1/claims/{id}/withdraw: an optional reason.</summary>
public sealed record ApiWithdrawal(string? Reason);

/// <summary>A claim in a list.</summary>
public sealed record ApiClaimSummary(Guid Id, string Number, string ProviderCode, string Month, string Status, DateTimeOffset SubmittedAt,
    decimal Billed, decimal Fund, decimal Individual, int LineCount);

/// <summary>A claim with its lines, return codes and amounts.</summary>
public sealed record ApiClaim(Guid Id, string Number, string ProviderCode, string Month, string Status, DateTimeOffset SubmittedAt,
    decimal Billed, decimal Fund, decimal Individual, IReadOnlyList<string> ReturnCodes, IReadOnlyList<ApiClaimLine> Lines);

/// <summary>A line as settled: what was claimed, what is allowed, what the fund and the person pay, and why lines were cut.</summary>
public sealed record ApiClaimLine(int LineNo, string Beneficiary, DateOnly Day, string ItemCode, string Category, decimal Quantity,
    decimal ClaimedAmount, decimal Amount, decimal Fund, decimal Individual, IReadOnlyList<string> ReturnCodes);

/// <summary>A page of a list: its items, the page (from 1), its size and the total.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>One entry of the published return-code catalogue.</summary>
public sealed record ApiReturnCode(string Code, string Text, string Clause, string Severity);
