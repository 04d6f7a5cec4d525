using Microsoft.AspNetCore.Antiforgery;

namespace LtcInsurance.Web.Security;

public static class AntiforgeryRejection
{
    /// <summary>
    /// Validates antiforgery tokens on form posts, and answers a failed check with a bare 400 so that the
    /// status code pages show the Chinese error page (the endpoints would otherwise write an English message).
    /// </summary>
    public static IApplicationBuilder UseLtcAntiforgery(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        app.Use(async (context, next) =>
        {
            // The feature outlives a re-execution (to the error page): only the endpoint that asked for the check is refused.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });
        return app;
    }
}
