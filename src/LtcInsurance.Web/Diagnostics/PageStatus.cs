using Microsoft.AspNetCore.Diagnostics;

namespace LtcInsurance.Web.Diagnostics;

public static class PageStatus
{
    /// <summary>
    /// Sets an error status for a page that explains the error itself, inside the layout (e.g. a record not
    /// visible in this tenant): the status code pages middleware must then leave the response alone.
    /// </summary>
    public static void RespondWithinPage(this HttpContext http, int statusCode)
    {
        http.Response.StatusCode = statusCode;
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
    }
}
