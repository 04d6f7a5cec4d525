using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtcInsurance.Web.Components.People;

public static class PeopleFragments
{
    /// <summary>The people table alone, for htmx to swap in while searching and paging.</summary>
    public static IEndpointRouteBuilder MapPeopleFragments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/people/table", (string? q, string? page, HttpContext http) =>
            {
                // Keep the address bar on the full page, so reload and bookmarks show the same list.
                var query = string.IsNullOrWhiteSpace(q) ? "" : $"q={Uri.EscapeDataString(q.Trim())}&";
                // The page as text: a typed parameter that does not parse would be a bare 400.
                var number = QueryValues.Page(page);
                http.Response.Headers["HX-Replace-Url"] = $"/people?{query}page={number ?? 1}";
                return new RazorComponentResult<PeopleTable>(new { Query = q, Page = number });
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.People });
        return endpoints;
    }
}
