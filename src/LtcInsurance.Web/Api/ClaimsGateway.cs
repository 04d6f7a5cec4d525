namespace LtcInsurance.Web.Api;

/// <summary>
/// Where the claims endpoints meet the claims use cases (SubmitClaim, ListClaims, GetClaim, WithdrawClaim and the
/// return-code catalogue). Until those use cases are part of the application every claims endpoint answers 503.
/// </summary>
internal static class ClaimsGateway
{
    private const string NotEnabled = "结算申报接口尚未启用。";

    public static Task<IResult> SubmitAsync(HttpContext http, ApiClaimSubmission submission, CancellationToken cancellationToken) =>
        Task.FromResult(ApiProblems.NotEnabled(NotEnabled));

    public static Task<IResult> ListAsync(HttpContext http, string? month, string? status, int page, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(ApiProblems.NotEnabled(NotEnabled));

    public static Task<IResult> GetAsync(HttpContext http, Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(ApiProblems.NotEnabled(NotEnabled));

    public static Task<IResult> WithdrawAsync(HttpContext http, Guid id, string? reason, CancellationToken cancellationToken) =>
        Task.FromResult(ApiProblems.NotEnabled(NotEnabled));

    public static Task<IResult> ReturnCodesAsync(HttpContext http, CancellationToken cancellationToken) =>
        Task.FromResult(ApiProblems.NotEnabled(NotEnabled));
}
