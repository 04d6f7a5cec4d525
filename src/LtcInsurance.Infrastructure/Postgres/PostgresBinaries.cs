using System.Globalization;

namespace LtcInsurance.Infrastructure.Postgres;

/// <summary>Locates initdb and pg_ctl: on PATH first, else the highest version under /usr/lib/postgresql/*/bin (Debian).</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static PostgresBinaries Locate() => Locate(Environment.GetEnvironmentVariable("PATH"), DebianRoot);

    internal static PostgresBinaries Locate(string? searchPath, string debianRoot)
    {
        var initDb = FindOnPath(searchPath, "initdb");
        var pgCtl = FindOnPath(searchPath, "pg_ctl");
        if (initDb is not null && pgCtl is not null)
            return new PostgresBinaries(initDb, pgCtl);

        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number,
                    CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb"))
                                          && File.Exists(Path.Combine(x.dir, "bin", "pg_ctl")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
                return new PostgresBinaries(Path.Combine(newest, "initdb"), Path.Combine(newest, "pg_ctl"));
        }

        throw new PostgresNotInstalledException(
            "PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/*/bin. " +
            "Install the Debian package `postgresql` (apt-get install -y postgresql), or configure " +
            "ConnectionStrings:Ltc and ConnectionStrings:LtcOwner to use an existing server. " +
            "未找到 PostgreSQL 服务器程序：请安装 Debian 软件包 postgresql，或配置数据库连接字符串。");
    }

    private static string? FindOnPath(string? searchPath, string name) =>
        (searchPath ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
