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

    /// <summary>Sets the signed-in user's own password through 修改密码; throws unless the page accepts it (a redirect).</summary>
    public static async Task ChangePasswordAsync(HttpClient client, string current, string newPassword)
    {
        using var response = await PostPasswordFormAsync(client, current, newPassword, newPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Password change refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts 修改密码 and returns the page it answers with (its refusal, when refused).</summary>
    public static async Task<string> PostPasswordChangeAsync(HttpClient client, string current, string newPassword, string confirm)
    {
        using var response = await PostPasswordFormAsync(client, current, newPassword, confirm);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostPasswordFormAsync(HttpClient client, string current, string newPassword, string confirm)
    {
        var form = await client.GetStringAsync("/account/password");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "change-password",
            ["Input.Current"] = current,
            ["Input.New"] = newPassword,
            ["Input.Confirm"] = confirm,
        };
        return await client.PostAsync("/account/password", new FormUrlEncodedContent(fields));
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
