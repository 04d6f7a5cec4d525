using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.ApiClients;

/// <summary>
/// One <c>Idempotency-Key</c> an API client used for a POST (table <c>api_idempotency_keys</c>): the SHA-256 of the
/// request (method, path and body) and, once answered, the response's status and body. The same key with the same request
/// replays the stored response; with another request it is refused. A row without a status is a request still running.
/// </summary>
public sealed class ApiIdempotencyRecord : ITenantOwned
{
    public const int KeyMaxLength = 255;

    private ApiIdempotencyRecord()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid ApiKeyId { get; private init; }

    public string IdempotencyKey { get; private init; } = "";

    public string RequestHash { get; private init; } = "";

    public string Method { get; private init; } = "";

    public string Path { get; private init; } = "";

    public int? ResponseStatus { get; private set; }

    public string? ResponseContentType { get; private set; }

    public string? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsCompleted => ResponseStatus is not null;

    public static ApiIdempotencyRecord Begin(string tenantId, Guid apiKeyId, string key, string requestHash, string method, string path, DateTimeOffset at) =>
        new()
        {
            TenantId = tenantId, ApiKeyId = apiKeyId, IdempotencyKey = key, RequestHash = requestHash, Method = method, Path = path,
            CreatedAt = at,
        };

    public void Complete(int status, string? contentType, string body, DateTimeOffset at)
    {
        ResponseStatus = status;
        ResponseContentType = contentType;
        ResponseBody = body;
        CompletedAt = at;
    }
}
