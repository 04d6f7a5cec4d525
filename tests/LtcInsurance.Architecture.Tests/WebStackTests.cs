using System.Text.RegularExpressions;

namespace LtcInsurance.Architecture.Tests;

/// <summary>
/// One styling system (ADR 0001, revised): the pages are MudBlazor components rendered interactively on the server;
/// nothing of the former Bootstrap + htmx front end may come back into the web project.
/// </summary>
public sealed partial class WebStackTests
{
    [Fact]
    public void The_web_project_has_no_Bootstrap_or_htmx_leftovers()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf("src/LtcInsurance.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)
                        || f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)
                        || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                        && !f.Contains("/.data/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(files, f => f.EndsWith("MainLayout.razor", StringComparison.Ordinal));

        var violations = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Repository.PathOf(file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (Leftover().IsMatch(lines[i]))
                    violations.Add($"{file}:{i + 1}: {lines[i].Trim()}");
            }
        }

        Assert.True(violations.Count == 0, "Bootstrap/htmx leftovers:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_web_project_is_an_interactive_server_app_on_MudBlazor()
    {
        var project = File.ReadAllText(Repository.PathOf("src/LtcInsurance.Web/LtcInsurance.Web.csproj"));
        Assert.DoesNotContain("RequiresAspNetWebAssets", project, StringComparison.Ordinal);
        Assert.Contains("MudBlazor", Repository.References("src/LtcInsurance.Web/LtcInsurance.Web.csproj").Packages);
        Assert.False(File.Exists(Repository.PathOf("src/LtcInsurance.Web/package.json")), "no npm front end any more");

        var ui = File.ReadAllText(Repository.PathOf("src/LtcInsurance.Web/Ui/UiServiceCollectionExtensions.cs"));
        Assert.Contains("AddInteractiveServerComponents", ui, StringComparison.Ordinal);
        var program = File.ReadAllText(Repository.PathOf("src/LtcInsurance.Web/Program.cs"));
        Assert.Contains("AddInteractiveServerRenderMode", program, StringComparison.Ordinal);
    }

    // htmx attributes and script, Bootstrap's files and its characteristic classes and icons.
    [GeneratedRegex("""\bhx-[a-z]+=|htmx|bootstrap(\.min)?\.(css|js)|bootstrap-icons|class="[^"]*\b(btn|btn-[a-z-]+|table-[a-z]+|form-control|form-select|navbar[a-z-]*|card|card-body|badge|alert|alert-[a-z]+|col-(sm|md|lg|xl)-\d+|bi|bi-[a-z0-9-]+|text-bg-[a-z]+)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex Leftover();
}
