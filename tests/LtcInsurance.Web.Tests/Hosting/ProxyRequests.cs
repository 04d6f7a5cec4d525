using System.Net;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// Requests as nginx sends them (X-Forwarded-Proto/-Host), with cookies carried by hand: a Secure cookie must still
/// travel back over the test's plain-http connection, as it does between nginx and a node.
/// </summary>
public static class ProxyRequests
{
    /// <summary>Header the test-only middleware of <see cref="PeerAddressStartupFilter"/> takes the peer address from.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public const string PublicHost = "ltc.example.gov.cn";

    /// <summary>nginx's headers for a browser that reached https://ltc.example.gov.cn, optionally from a given peer.</summary>
    public static Action<HttpRequestMessage> ViaHttpsProxy(string? peer = null, string forwardedHost = PublicHost) => request =>
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", forwardedHost);
        request.Headers.Add("X-Forwarded-For", "198.51.100.23");
        if (peer is not null)
            request.Headers.Add(PeerHeader, peer);
    };

    public static readonly Action<HttpRequestMessage> Direct = _ => { };

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Action<HttpRequestMessage> decorate,
        IEnumerable<string>? cookies = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        decorate(request);
        AddCookies(request, cookies);
        return await client.SendAsync(request);
    }

    /// <summary>Signs in through the form; returns the sign-in response (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, Action<HttpRequestMessage> decorate)
    {
        using var form = await GetAsync(client, "/account/login", decorate);
        form.EnsureSuccessStatusCode();
        var html = await form.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
                ["_handler"] = "login",
                ["Input.UserName"] = userName,
                ["Input.Password"] = LtcWebHost.DemoPassword,
            }),
        };
        decorate(request);
        AddCookies(request, CookiePairs(form));
        return await client.SendAsync(request);
    }

    /// <summary>The Set-Cookie header that sets <paramref name="name"/>, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>Attributes of a Set-Cookie header, lower case (secure, httponly, samesite=lax, path=/...).</summary>
    public static IReadOnlyList<string> Attributes(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();

    /// <summary>"name=value" of every cookie a response sets.</summary>
    public static IReadOnlyList<string> CookiePairs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).ToList()
            : [];

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    private static void AddCookies(HttpRequestMessage request, IEnumerable<string>? cookies)
    {
        var list = cookies?.ToList();
        if (list is { Count: > 0 })
            request.Headers.Add("Cookie", string.Join("; ", list));
    }

    /// <summary>A client that neither follows redirects nor keeps cookies itself.</summary>
    public static HttpClient Client(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    internal static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther;
}
