using System.Security.Cryptography;
using System.Text;
using LtcInsurance.Application.Claims;
using LtcInsurance.Application.Claims.GetClaim;
using LtcInsurance.Application.Claims.ListClaims;
using LtcInsurance.Application.Claims.ListReturnCodes;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Web.Security;

namespace LtcInsurance.Web.Api;

/// <summary>
/// Where the claims endpoints meet the claims use cases (<see cref="SubmitClaimCommand"/>, <see cref="ListClaimsQuery"/>,
/// <see cref="GetClaimQuery"/>, <see cref="WithdrawClaimCommand"/>, <see cref="ListReturnCodesQuery"/>), acting for the API
/// key's provider: the provider code comes from the key, never from the request.
/// </summary>
internal static class ClaimsGateway
{
    public static async Task<IResult> SubmitAsync(HttpContext http, ApiClaimSubmission submission, CancellationToken cancellationToken)
    {
        var sender = http.RequestServices.GetRequiredService<ISender>();
        var lines = (submission.Lines ?? []).Select((line, index) => line is null
                ? null!
                : new ClaimLineInput(line.LineNo ?? index + 1, line.IdNumber ?? "", line.Day ?? default, line.ItemCode ?? "",
                    line.Quantity ?? 0m, line.Amount ?? 0m, string.IsNullOrWhiteSpace(line.CareWorkerIdNumber) ? null : line.CareWorkerIdNumber))
            .ToList();
        var result = await sender.Send(new SubmitClaimCommand(Provider(http), submission.Month ?? "", lines, ClientKey(http)), cancellationToken);
        if (!result.Accepted || result.ClaimId is not { } id)
        {
            // Every problem at once, refusals and cuts alike: the provider corrects them all before resubmitting.
            var shown = result.Problems;
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
                $"结算申报未被接受：共 {shown.Count} 个问题，请逐条更正后重新提交（见 errors：行号与退回代码）。", "claim_refused",
                [.. shown.Select(p => new ApiError(p.LineNo > 0 ? PointerOf(lines, p.LineNo) : null, p.LineNo > 0 ? p.LineNo : null, p.Code, p.Message))]);
        }

        var claim = await sender.Send(new GetClaimQuery(id), cancellationToken);
        return result.AlreadySubmitted
            ? Results.Ok(Map(claim))
            : Results.Created($"/api/v1/claims/{id}", Map(claim));
    }

    public static async Task<IResult> ListAsync(HttpContext http, string? month, string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var sender = http.RequestServices.GetRequiredService<ISender>();
        var found = await sender.Send(new ListClaimsQuery((page - 1) * pageSize, pageSize, month, Provider(http), status), cancellationToken);
        return Results.Ok(new ApiPage<ApiClaimSummary>(
            [.. found.Items.Select(c => new ApiClaimSummary(c.Id, c.Number, c.ProviderCode, c.Month, c.Status, c.StatusName, c.SubmittedAt, c.Lines,
                c.Billed, c.Fund, c.Individual, c.ReturnCodes))],
            page, pageSize, found.Total, found.TotalIsLowerBound));
    }

    public static async Task<IResult> GetAsync(HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        var sender = http.RequestServices.GetRequiredService<ISender>();
        try
        {
            return Results.Ok(Map(await sender.Send(new GetClaimQuery(id), cancellationToken)));
        }
        catch (BusinessRuleViolationException missing) when (missing.Code == ClaimCodes.NotFound)
        {
            return ApiProblems.NotFound(missing.Message);
        }
    }

    public static async Task<IResult> WithdrawAsync(HttpContext http, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var sender = http.RequestServices.GetRequiredService<ISender>();
        try
        {
            await sender.Send(new WithdrawClaimCommand(id, reason), cancellationToken);
            return Results.Ok(Map(await sender.Send(new GetClaimQuery(id), cancellationToken)));
        }
        catch (BusinessRuleViolationException missing) when (missing.Code == ClaimCodes.NotFound)
        {
            return ApiProblems.NotFound(missing.Message);
        }
    }

    public static async Task<IResult> ReturnCodesAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var sender = http.RequestServices.GetRequiredService<ISender>();
        var codes = await sender.Send(new ListReturnCodesQuery(), cancellationToken);
        return Results.Ok(codes.Select(c => new ApiReturnCode(c.Code, c.Text, c.Clause, c.Severity)).ToList());
    }

    private static string Provider(HttpContext http) =>
        http.User.FindFirst(LtcClaimTypes.ProviderCode)?.Value ?? "";

    /// <summary>The client's Idempotency-Key (hashed when longer than the claim's 100 characters); without one, a fresh key.</summary>
    private static string ClientKey(HttpContext http)
    {
        var key = http.Request.Headers[IdempotencyFilter.HeaderName].ToString();
        if (key.Length == 0)
            return "api:" + Guid.NewGuid().ToString("N");
        return key.Length <= 96 ? "api:" + key : "api:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string? PointerOf(List<ClaimLineInput> lines, int lineNo)
    {
        var index = lines.FindIndex(l => l is not null && l.LineNo == lineNo);
        return index < 0 ? null : $"/lines/{index}";
    }

    private static ApiClaim Map(ClaimView c) => new(c.Id, c.Number, c.ProviderCode, c.ProviderName, c.Month, c.Status, c.StatusName,
        c.SubmittedAt, c.Billed, c.Fund, c.Individual, c.WindowCloses, c.Frozen,
        [.. c.ReturnCodes.Select(r => new ApiReturnCode(r.Code, r.Text, r.Clause, r.Severity))],
        [.. c.Lines.Select(l => new ApiClaimLine(l.LineNo, l.PersonName, l.MaskedIdNumber, l.Day, l.ItemCode, l.ItemName, l.Category, l.ServiceMode,
            l.Quantity, l.ClaimedAmount, l.Amount, l.Fund, l.Individual, l.Notices, l.CutReasons))]);
}
