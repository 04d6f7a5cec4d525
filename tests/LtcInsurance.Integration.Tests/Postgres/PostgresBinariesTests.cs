using LtcInsurance.Infrastructure.Postgres;

namespace LtcInsurance.Integration.Tests.Postgres;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ltc-bin-").FullName;

    [Fact]
    public void The_highest_installed_version_is_chosen_when_nothing_is_on_PATH()
    {
        foreach (var version in new[] { "9.6", "15", "13" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(_root, version, "bin")).FullName;
            File.WriteAllText(Path.Combine(bin, "initdb"), "");
            File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
        }

        var binaries = PostgresBinaries.Locate(searchPath: "", debianRoot: _root);

        Assert.Equal(Path.Combine(_root, "15", "bin", "initdb"), binaries.InitDb);
        Assert.Equal(Path.Combine(_root, "15", "bin", "pg_ctl"), binaries.PgCtl);
    }

    [Fact]
    public void Missing_binaries_are_reported_with_the_package_to_install()
    {
        var failure = Assert.Throws<PostgresNotInstalledException>(() =>
            PostgresBinaries.Locate(searchPath: "", debianRoot: Path.Combine(_root, "absent")));

        Assert.Contains("`postgresql`", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
