using LtcInsurance.Application.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace LtcInsurance.Web.Api;

/// <summary>
/// The REST API (<c>/api/v1</c>): API-key authentication, the request size limit, problem+json for every answer that is
/// not a success, idempotent POSTs, the OpenAPI document (<c>/openapi/v1.json</c>) and its interactive reference page
/// (<c>/scalar</c>, Scalar).
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public const string Policy = "api";
    public const string DocumentName = "v1";
    public const string ReferencePath = "/scalar";

    /// <summary>Largest request body the API reads: 1 MiB (a month's claim of a large institution is well below).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddLtcApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Institution));

        // Every problem the framework writes for /api (an unknown path, a wrong method, a fault) gets Chinese words too.
        services.Configure<ProblemDetailsOptions>(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Title = ApiProblems.TitleOf(status);
            context.ProblemDetails.Detail ??= ApiProblems.DetailOf(status);
        });
        // A body the server could not read is the client's error (400/413), never a 500.
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = failure => failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);

        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "长期护理保险经办系统 API";
                document.Info.Version = DocumentName;
                document.Info.Description = "护理服务机构的结算申报接口。认证：请求头 Authorization: Bearer <API 密钥>（或 X-Api-Key）。"
                    + "错误一律为 RFC 9457 problem+json，detail 为中文，errors 列出每个问题。POST 可带 Idempotency-Key。";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "在“API 密钥”页创建的密钥（只显示一次）。",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Between authentication and authorization: under /api/v1 an answer the framework gives without one of our endpoints
    /// (404 unknown path, 405 wrong method, 415 wrong content type) is still for the API key's client, so the key is
    /// authenticated for it too (else the sign-in cookie's fallback policy would answer 401 to a valid key).
    /// </summary>
    public static IApplicationBuilder UseLtcApiAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/v1")
                && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null
                && ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null)
            {
                var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
                if (result.Succeeded)
                    context.User = result.Principal;
            }

            await next(context);
        });

    public static IEndpointRouteBuilder MapLtcApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .WithMetadata(new ApiBodyLimit())
            .AddEndpointFilter<IdempotencyFilter>()
            .AddEndpointFilter<ApiProblemFilter>();
        api.MapClaimsApi();

        // The document and its reference page describe the API to anyone: they hold no data.
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("长期护理保险经办系统 API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName)
                .DisableDefaultFonts() // no font CDN: the page uses the system's fonts
                .WithNonce()) // its inline start-up script runs under a per-request nonce (SecurityHeaders)
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>The size limit of <c>/api/v1</c> request bodies (Kestrel refuses more with 413).</summary>
    private sealed class ApiBodyLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxRequestBodyBytes;
    }
}
