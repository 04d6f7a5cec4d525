using LtcInsurance.Web.Components.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LtcInsurance.Web.Diagnostics;

/// <summary>
/// Renders <see cref="ErrorDocument"/> for a re-executed request. The failed request may already have rendered
/// Razor components in its DI scope (whose navigation state can be initialised only once per scope), so the
/// error page is rendered by a standalone renderer in a scope of its own.
/// </summary>
internal static class ErrorPage
{
    public static async Task<IResult> RenderAsync(int code, HttpContext http, IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        var status = code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError;
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ErrorDocument.StatusCode)] = status });
            var output = await renderer.RenderComponentAsync<ErrorDocument>(parameters);
            return output.ToHtmlString();
        });
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
