using System.Net;
using System.Text.RegularExpressions;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>Signs in through the real sign-in form, antiforgery token and all, as a browser without JavaScript would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    public static async Task SignInAsync(HttpClient client, string userName, string password = LtcWebHost.DemoPassword)
    {
        using var response = await PostAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static string AntiforgeryToken(string html)
    {
        var input = HiddenTokenInput().Match(html);
        if (!input.Success)
            throw new InvalidOperationException("No antiforgery token in the page.");
        return TokenValue().Match(input.Value).Groups[1].Value;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex HiddenTokenInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
