using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.ApiClients;

/// <summary>What the host does with a POST that carries an <c>Idempotency-Key</c>.</summary>
public static class IdempotencyOutcomes
{
    /// <summary>First use of the key: run the request, then record its response.</summary>
    public const string Started = "started";

    /// <summary>The same key and the same request were answered before: send the stored response again.</summary>
    public const string Replay = "replay";

    /// <summary>The same key is being answered right now (a concurrent retry): refuse with 409.</summary>
    public const string InProgress = "in_progress";

    /// <summary>The key was used for another request: refuse with 422.</summary>
    public const string Mismatch = "mismatch";
}

/// <summary>The outcome and, for a replay, the stored response.</summary>
public sealed record IdempotencyStart(string Outcome, int? Status = null, string? ContentType = null, string? Body = null);

internal static class IdempotencyAccess
{
    /// <summary>Only the API key itself uses its idempotency keys.</summary>
    public static void RequireKey(CurrentUser user, Guid apiKeyId)
    {
        if (!string.Equals(user.UserId, ApiKeyIdentity.UserIdOf(apiKeyId), StringComparison.Ordinal))
            throw new ForbiddenAccessException("幂等键只能由 API 密钥本身使用。");
    }

    public static bool IsKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= Domain.ApiClients.ApiIdempotencyRecord.KeyMaxLength && key.All(c => c is > ' ' and <= '~');

    public static bool IsHash(string? hash) => hash is { Length: 64 } && hash.All(char.IsAsciiHexDigitLower);

    public static ValidationProblem KeyProblem => new("IdempotencyKey", $"Idempotency-Key 应为 1 至 {Domain.ApiClients.ApiIdempotencyRecord.KeyMaxLength} 个可见 ASCII 字符。");
}
