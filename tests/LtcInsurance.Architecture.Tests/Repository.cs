using System.Xml.Linq;

namespace LtcInsurance.Architecture.Tests;

/// <summary>The source tree the tests run from (found by walking up to LtcInsurance.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The project and package references of a project file, by the file names / package ids they name.</summary>
    public static (IReadOnlyList<string> Projects, IReadOnlyList<string> Packages) References(string projectFile)
    {
        var xml = XDocument.Load(PathOf(projectFile));
        var projects = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        return (projects, packages);
    }

    /// <summary>Source files (.cs, .razor) under a folder, as paths relative to the repository root with '/'.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(PathOf(folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                                                                       && !f.Contains("/node_modules/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LtcInsurance.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("LtcInsurance.sln not found above " + AppContext.BaseDirectory);
    }
}
