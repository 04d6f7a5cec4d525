namespace LtcInsurance.Web;

/// <summary>Guards redirects taken from a form or query string against leaving the site (open redirect).</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
