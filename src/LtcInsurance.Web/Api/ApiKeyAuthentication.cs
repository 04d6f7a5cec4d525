using System.Security.Claims;
using System.Text.Encodings.Web;
using LtcInsurance.Application.ApiClients;
using LtcInsurance.Application.ApiClients.AuthenticateApiKey;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Web.Api;

/// <summary>
/// The REST API's authentication: a key in <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>, checked by
/// <see cref="AuthenticateApiKeyQuery"/>. An accepted key becomes the request's user: role <c>institution</c>, the key's
/// tenant and provider code, so the sender, the EF query filter and row-level security act for that tenant and the claims
/// use cases for that provider. No key or a bad key: 401 problem+json with a Chinese detail (never a redirect).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ISender sender) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "ltc:api-key";
    private const string FailureItem = "ltc.api-key.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
            return AuthenticateResult.NoResult();
        var identity = await sender.Send(new AuthenticateApiKeyQuery(presented), Context.RequestAborted);
        if (identity is null)
        {
            Context.Items[FailureItem] = true;
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.UserId),
            new(ClaimTypes.Name, identity.UserName),
            new(ClaimTypes.Role, Roles.Institution),
            new(LtcClaimTypes.Tenant, identity.TenantId),
            new(LtcClaimTypes.ProviderCode, identity.ProviderCode),
            new(KeyIdClaim, identity.KeyId.ToString("N")),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items.ContainsKey(FailureItem)
            ? "API 密钥无效或已吊销。"
            : "缺少 API 密钥：请在请求头 Authorization: Bearer <密钥> 或 X-Api-Key 中提供。";
        return ApiProblems.Unauthorized(detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Forbidden("此 API 密钥无权访问该接口。").ExecuteAsync(Context);

    /// <summary>The key of <c>Authorization: Bearer</c>, else of <c>X-Api-Key</c>; null when neither is given.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim();
        var header = request.Headers[HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }

    /// <summary>The API key id of the request's user (an API key principal), or null.</summary>
    public static Guid? KeyIdOf(ClaimsPrincipal user) =>
        Guid.TryParseExact(user.FindFirstValue(KeyIdClaim), "N", out var id) ? id : null;
}
