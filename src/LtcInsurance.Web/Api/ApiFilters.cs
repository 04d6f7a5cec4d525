using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LtcInsurance.Application.ApiClients;
using LtcInsurance.Application.ApiClients.AbandonIdempotentRequest;
using LtcInsurance.Application.ApiClients.BeginIdempotentRequest;
using LtcInsurance.Application.ApiClients.CompleteIdempotentRequest;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain.ApiClients;

namespace LtcInsurance.Web.Api;

/// <summary>A use case's refusal (invalid request, forbidden, a broken business rule, an unreadable body) becomes its problem+json.</summary>
public sealed class ApiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception failure) when (ApiProblems.Of(failure) is { } problem)
        {
            return problem;
        }
    }
}

/// <summary>
/// <c>Idempotency-Key</c> on an API POST: the first request with a key is run and its response stored with the SHA-256 of
/// method, path and body; the same key and request again get the stored response (header <c>Idempotency-Replayed: true</c>),
/// the same key with another request a 422 problem, and a retry while the first is still running a 409 problem. Keys are
/// per API key. A fault (5xx) is not stored, so the client may retry it.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0 || ApiKeyAuthenticationHandler.KeyIdOf(http.User) is not { } apiKeyId)
            return await next(context);
        if (key.Length > ApiIdempotencyRecord.KeyMaxLength || !key.All(c => c is > ' ' and <= '~'))
            return ApiProblems.BadRequest($"Idempotency-Key 应为 1 至 {ApiIdempotencyRecord.KeyMaxLength} 个可见 ASCII 字符。",
                [new ApiError(null, null, "invalid_idempotency_key", "Idempotency-Key 格式不正确。")]);

        string hash;
        try
        {
            hash = await HashAsync(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException bad)
        {
            return ApiProblems.Of(bad);
        }

        var sender = http.RequestServices.GetRequiredService<ISender>();
        var path = http.Request.Path.Value ?? "/";
        var start = await sender.Send(new BeginIdempotentRequestCommand(apiKeyId, key, hash, http.Request.Method,
            path.Length > 300 ? path[..300] : path), http.RequestAborted);
        switch (start.Outcome)
        {
            case IdempotencyOutcomes.Replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return Results.Content(start.Body ?? "", start.ContentType, Encoding.UTF8, start.Status);
            case IdempotencyOutcomes.InProgress:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "使用同一 Idempotency-Key 的请求正在处理中，请稍后重试。", "idempotency_in_progress");
            case IdempotencyOutcomes.Mismatch:
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
                    "此 Idempotency-Key 已用于另一个请求（内容不同）；新的请求请使用新的键。", "idempotency_key_reused");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await sender.Send(new AbandonIdempotentRequestCommand(apiKeyId, key), CancellationToken.None);
            throw;
        }

        if (result is not IResult answer)
        {
            await sender.Send(new AbandonIdempotentRequestCommand(apiKeyId, key), CancellationToken.None);
            return result;
        }

        // Write the answer into a buffer first, to store exactly what the client receives.
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        if (status >= 500)
            await sender.Send(new AbandonIdempotentRequestCommand(apiKeyId, key), CancellationToken.None);
        else
            await sender.Send(new CompleteIdempotentRequestCommand(apiKeyId, key, status, http.Response.ContentType,
                Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>SHA-256 of method, path and body (the body is buffered and rewound for the endpoint).</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ApiServiceCollectionExtensions.MaxRequestBodyBytes)
            throw new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge);
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{request.Method}\n{request.Path}\n")));
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > ApiServiceCollectionExtensions.MaxRequestBodyBytes)
                throw new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge);
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
