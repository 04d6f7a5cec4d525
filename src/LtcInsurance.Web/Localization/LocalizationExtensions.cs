using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace LtcInsurance.Web.Localization;

public static class LocalizationExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddLtcLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Chinese text goes out as UTF-8 characters, not as &#x...; entities (smaller pages, readable source).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Chinese unless the user picked English: the browser's Accept-Language is deliberately ignored.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseLtcLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static IEndpointRouteBuilder MapLtcLocalizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous so that the sign-in page can switch language too; the form still carries an antiforgery token.
        endpoints.MapPost("/culture", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http) =>
            {
                var chosen = SupportedCultures.FirstOrDefault(c => c.Name == culture) ?? SupportedCultures[0];
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
                return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
            })
            .AllowAnonymous();
        return endpoints;
    }
}
