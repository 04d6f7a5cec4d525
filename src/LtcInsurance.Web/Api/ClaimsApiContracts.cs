namespace LtcInsurance.Web.Api;

/// <summary>POST /api/v1/claims: the API key's provider's claim for one service month (yyyy-MM), its lines in order.</summary>
public sealed record ApiClaimSubmission(string? Month, IReadOnlyList<ApiClaimLineInput?>? Lines);

/// <summary>
/// One line: the beneficiary by ID number, the day, the catalogue item (its category is the catalogue's), quantity and
/// amount (yuan), and the care worker by ID number where the item needs a qualification. <see cref="LineNo"/> defaults to
/// the line's place (from 1); problems name it.
/// </summary>
public sealed record ApiClaimLineInput(int? LineNo, string? IdNumber, DateOnly? Day, string? ItemCode, decimal? Quantity, decimal? Amount,
    string? CareWorkerIdNumber);

/// <summary>POST /api/v1/claims/{id}/withdraw: an optional reason.</summary>
public sealed record ApiWithdrawal(string? Reason);

/// <summary>A claim in a list.</summary>
public sealed record ApiClaimSummary(Guid Id, string Number, string ProviderCode, string Month, string Status, string StatusName,
    DateTimeOffset SubmittedAt, int LineCount, decimal Billed, decimal Fund, decimal Individual, IReadOnlyList<string> ReturnCodes);

/// <summary>
/// A claim with its lines, return codes and amounts. <see cref="WindowCloses"/> is the month's deadline (null while the
/// city has not set it); once <see cref="Frozen"/> the claim can no longer be withdrawn or resubmitted.
/// </summary>
public sealed record ApiClaim(Guid Id, string Number, string ProviderCode, string ProviderName, string Month, string Status, string StatusName,
    DateTimeOffset SubmittedAt, decimal Billed, decimal Fund, decimal Individual, DateOnly? WindowCloses, bool Frozen,
    IReadOnlyList<ApiReturnCode> ReturnCodes, IReadOnlyList<ApiClaimLine> Lines);

/// <summary>A line as settled: what was claimed, what is allowed, what the fund and the person pay, and why the fund paid less.</summary>
public sealed record ApiClaimLine(int LineNo, string PersonName, string MaskedIdNumber, DateOnly Day, string ItemCode, string? ItemName,
    string Category, string ServiceMode, decimal Quantity, decimal ClaimedAmount, decimal Amount, decimal Fund, decimal Individual,
    IReadOnlyList<string> ReturnCodes, IReadOnlyList<string> CutReasons);

/// <summary>A page of a list: its items, the page (from 1), its size and the total; <c>TotalIsLowerBound</c>: the list was counted only
/// that far (there are at least <c>Total</c> items).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalIsLowerBound = false);

/// <summary>One entry of the published return-code catalogue: <c>refuse</c> (the claim is not accepted) or <c>cut</c> (the line is kept, the fund does not pay it).</summary>
public sealed record ApiReturnCode(string Code, string Text, string Clause, string Severity);
