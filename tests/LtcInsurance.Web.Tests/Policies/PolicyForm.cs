using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>Opens the explorer and posts its calculation form the way a browser does, with or without htmx.</summary>
public static partial class PolicyForm
{
    /// <summary>Full-page post (no JavaScript): the page's own form handler answers with the whole page.</summary>
    public static Task<HttpResponseMessage> PostPageAsync(HttpClient client, string kind, string input, string asOf, params (string Name, string Value)[] extra) =>
        PostAsync(client, "/policies?kind=" + kind, kind, input, asOf, extra);

    /// <summary>The htmx post: only the result fragment comes back.</summary>
    public static Task<HttpResponseMessage> PostFragmentAsync(HttpClient client, string kind, string input, string asOf, params (string Name, string Value)[] extra) =>
        PostAsync(client, "/policies/calculate", kind, input, asOf, extra);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string kind, string input, string asOf, (string Name, string Value)[] extra)
    {
        var page = await client.GetStringAsync("/policies?kind=" + kind);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", SignIn.AntiforgeryToken(page)),
            new("_handler", "policy-calculation"),
            new("kind", kind),
            new("input", input),
            new("asOf", asOf),
        };
        fields.AddRange(extra.Select(e => KeyValuePair.Create(e.Name, e.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The row of one parameter in the parameter tables.</summary>
    public static string ParameterRow(string html, string name)
    {
        var match = Regex.Match(html, "<tr data-parameter=\"" + Regex.Escape(name) + "\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no row for parameter {name}");
        return match.Value;
    }

    /// <summary>The clauses of the trace table, in order.</summary>
    public static IReadOnlyList<string> TraceClauses(string html) =>
        TraceClause().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("data-testid=\"trace-clause\">([^<]*)</td>")]
    private static partial Regex TraceClause();
}
