using System.Globalization;

namespace LtcInsurance.Web.Api;

/// <summary>
/// <c>/api/v1/claims</c> and <c>/api/v1/return-codes</c>: a provider's monthly claims over the REST API, acting for the API
/// key's tenant and provider. Bodies are read by <see cref="ApiJson"/> (400/413/415 problems), refusals of the use cases
/// become 422/403 problems (<see cref="ApiProblemFilter"/>), and a POST with <c>Idempotency-Key</c> is answered once
/// (<see cref="IdempotencyFilter"/>).
/// </summary>
public static class ClaimsApiEndpoints
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var claims = api.MapGroup("/claims").WithTags("结算申报");
        claims.MapPost("/", SubmitAsync)
            .WithName("SubmitClaim").WithSummary("提交月度结算申报")
            .WithDescription("提交一个服务月的结算申报（本机构）。所有问题一次返回：422 problem+json 的 errors 列出行号与退回代码。支持 Idempotency-Key。")
            .Accepts<ApiClaimSubmission>("application/json")
            .Produces<ApiClaim>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        claims.MapGet("/", ListAsync)
            .WithName("ListClaims").WithSummary("本机构的结算申报（分页）")
            .Produces<ApiPage<ApiClaimSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        claims.MapGet("/{id:guid}", GetAsync)
            .WithName("GetClaim").WithSummary("一份结算申报：状态、明细、退回代码与金额")
            .Produces<ApiClaim>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        claims.MapPost("/{id:guid}/withdraw", WithdrawAsync)
            .WithName("WithdrawClaim").WithSummary("撤回结算申报（截止日前）")
            .Accepts<ApiWithdrawal>(isOptional: true, "application/json")
            .Produces<ApiClaim>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/return-codes", ReturnCodesAsync)
            .WithTags("结算申报").WithName("ListReturnCodes").WithSummary("退回代码目录")
            .Produces<IReadOnlyList<ApiReturnCode>>();
        return api;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (submission, problem) = await ApiJson.ReadAsync<ApiClaimSubmission>(http.Request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ClaimsGateway.SubmitAsync(http, submission!, cancellationToken);
    }

    private static async Task<IResult> ListAsync(HttpContext http, string? month, string? status, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new List<ApiError>();
        var pageNumber = ParsePositive(page, 1, "page", errors);
        var size = ParsePositive(pageSize, 50, "pageSize", errors);
        if (size > MaxPageSize)
            errors.Add(new ApiError("/pageSize", null, "invalid", $"每页条数不能超过 {MaxPageSize}。"));
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(new ApiError("/month", null, "invalid", "月份应为 yyyy-MM，例如 2026-11。"));
        if (errors.Count > 0)
            return ApiProblems.BadRequest(string.Join("；", errors.Select(e => e.Detail)), errors);
        return await ClaimsGateway.ListAsync(http, month, status, pageNumber, size, cancellationToken);
    }

    private static Task<IResult> GetAsync(Guid id, HttpContext http, CancellationToken cancellationToken) =>
        ClaimsGateway.GetAsync(http, id, cancellationToken);

    private static async Task<IResult> WithdrawAsync(Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        var reason = (string?)null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (withdrawal, problem) = await ApiJson.ReadAsync<ApiWithdrawal>(http.Request, cancellationToken);
            if (problem is not null)
                return problem;
            reason = withdrawal!.Reason;
        }

        return await ClaimsGateway.WithdrawAsync(http, id, reason, cancellationToken);
    }

    private static Task<IResult> ReturnCodesAsync(HttpContext http, CancellationToken cancellationToken) =>
        ClaimsGateway.ReturnCodesAsync(http, cancellationToken);

    private static int ParsePositive(string? text, int fallback, string name, List<ApiError> errors)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            return value;
        errors.Add(new ApiError("/" + name, null, "invalid", $"{name} 应为正整数。"));
        return fallback;
    }
}
