using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace LtcInsurance.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries (initdb + pg_ctl): the development database
/// when no connection string is configured, and each test run's throwaway database. Listens on a free loopback port
/// only, with trust authentication: never a production server.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The bootstrap superuser created by initdb; owns the schema and runs migrations.</summary>
    public const string OwnerRole = "ltc_owner";

    /// <summary>The application's login role: owns nothing, not superuser, cannot bypass row-level security.</summary>
    public const string AppRole = "ltc_app";

    public const string DatabaseName = "ltc";

    // Debian's package creates this account; initdb and postgres refuse to run as root.
    private const string ServiceAccount = "postgres";

    private readonly PostgresBinaries _binaries;
    private readonly string _dataDirectory;
    private readonly bool _throwaway;
    private readonly bool _startedHere;
    private readonly string? _createdRoot;
    private bool _disposed;

    private EmbeddedPostgres(PostgresBinaries binaries, string dataDirectory, bool throwaway, int port,
        bool startedHere, string? createdRoot)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        _throwaway = throwaway;
        _startedHere = startedHere;
        _createdRoot = createdRoot;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Database <c>ltc</c> as the owner role (migrations, seeding).</summary>
    public string OwnerConnectionString => ConnectionString(DatabaseName, OwnerRole);

    /// <summary>Database <c>ltc</c> as the application role.</summary>
    public string AppConnectionString => ConnectionString(DatabaseName, AppRole);

    /// <summary>A connection string for another database of this cluster (tests create scratch databases).</summary>
    public string ConnectionString(string database, string role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = role,
    }.ConnectionString;

    public static async Task<EmbeddedPostgres> StartAsync(PostgresServerOptions options, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Locate();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        // Two processes (the web app and `ltc db migrate`, or parallel test hosts) may start the same development
        // cluster at once: initdb and pg_ctl start must not interleave. Throwaway directories are private.
        using var clusterLock = options.Throwaway ? null : await AcquireClusterLockAsync(dataDirectory, ct);
        var createdRoot = await EnsureClusterAsync(binaries, dataDirectory, options.Throwaway, ct);

        EmbeddedPostgres server;
        if (RunningPort(dataDirectory) is { } runningPort)
        {
            // Another process (an earlier run of the app, the CLI) has it up: use it and leave it running.
            server = new EmbeddedPostgres(binaries, dataDirectory, options.Throwaway, runningPort, startedHere: false,
                createdRoot);
        }
        else
        {
            var port = await StartServerAsync(binaries, dataDirectory, options.Throwaway, ct);
            server = new EmbeddedPostgres(binaries, dataDirectory, options.Throwaway, port, startedHere: true, createdRoot);
        }

        try
        {
            await server.EnsureDatabaseAndAppRoleAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server if this instance started it (fast shutdown); deletes a throwaway cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        // Pooled connections to a server about to stop would fail on next use; other servers' pools are left alone.
        foreach (var connectionString in (string[])[OwnerConnectionString, AppConnectionString])
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        if (_startedHere || _throwaway)
        {
            await RunAsync(_binaries.PgCtl, ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None,
                throwOnError: false);
        }

        if (_throwaway)
        {
            var root = _createdRoot ?? _dataDirectory;
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs initdb unless the directory already holds a cluster. Returns a parent folder it created, if any.</summary>
    private static async Task<string?> EnsureClusterAsync(PostgresBinaries binaries, string dataDirectory,
        bool throwaway, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            return null;
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new InvalidOperationException(
                $"'{dataDirectory}' is neither empty nor a PostgreSQL data directory; refusing to initialise a cluster there.");
        }

        var parent = Path.GetDirectoryName(dataDirectory)!;
        string? createdRoot = null;
        if (throwaway && !Directory.Exists(parent))
            createdRoot = parent;
        Directory.CreateDirectory(dataDirectory);
        if (RunsAsRoot)
        {
            // initdb runs as the service account: it needs the data directory (and, for a throwaway cluster, the
            // private folder around it, which also holds the log) to be its own.
            if (createdRoot is not null)
                await ChownAsync(createdRoot, ct);
            await ChownAsync(dataDirectory, ct);
        }

        await RunAsync(binaries.InitDb,
            ["-D", dataDirectory, "-U", OwnerRole, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
        return createdRoot;
    }

    /// <summary>The port of a server already running on this data directory; clears a stale postmaster.pid.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length >= 4
            && int.TryParse(lines[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            && IsPostgresProcess(pid))
        {
            return port;
        }

        // Left behind by a killed server (or machine restart, where the pid may now belong to another process):
        // postgres would refuse to start while it exists.
        File.Delete(pidFile);
        return null;
    }

    private static bool IsPostgresProcess(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        if (File.Exists(comm))
            return File.ReadAllText(comm).Trim().StartsWith("postgres", StringComparison.Ordinal);
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<int> StartServerAsync(PostgresBinaries binaries, string dataDirectory, bool throwaway,
        CancellationToken ct)
    {
        // Unix socket paths are limited to 107 bytes; deep data directories put the socket in the temp folder.
        var socketDirectory = dataDirectory.Length + 20 < 100 ? dataDirectory : Path.GetTempPath();
        var logFile = Path.Combine(dataDirectory, "server.log");
        Exception? lastFailure = null;
        // A free port can be taken between probing and binding: try a few.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var serverOptions = new StringBuilder(
                $"-p {port} -k {socketDirectory} -c listen_addresses=127.0.0.1");
            if (throwaway)
                serverOptions.Append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            try
            {
                await RunAsync(binaries.PgCtl,
                    ["-D", dataDirectory, "-o", serverOptions.ToString(), "-l", logFile, "-w", "-t", "60", "start"], ct);
                return port;
            }
            catch (InvalidOperationException failure)
            {
                lastFailure = new InvalidOperationException(failure.Message + Environment.NewLine + Tail(logFile), failure);
            }
        }

        throw lastFailure!;
    }

    private async Task EnsureDatabaseAndAppRoleAsync(CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString("postgres", OwnerRole)) { Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8'", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        await using var role = new NpgsqlCommand($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                    CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
                END IF;
            END $$;
            """, connection);
        await role.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// An exclusive lock file beside the data directory (.NET takes an advisory flock for FileShare.None on Unix,
    /// so other processes and other instances in this process wait).
    /// </summary>
    private static async Task<FileStream> AcquireClusterLockAsync(string dataDirectory, CancellationToken ct)
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        var lockFile = Path.Combine(parent, Path.GetFileName(dataDirectory) + ".lock");
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(step, ct);
                waited += step;
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    private static Task ChownAsync(string path, CancellationToken ct) =>
        RunAsync("chown", [$"{ServiceAccount}:{ServiceAccount}", path], ct, asServiceAccount: false);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct,
        bool throwOnError = true, bool asServiceAccount = true)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceAccount && RunsAsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in (string[])["-u", ServiceAccount, "--", file])
                startInfo.ArgumentList.Add(argument);
        }
        else
        {
            startInfo.FileName = file;
        }

        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        // The server inherits the environment: keep its messages in English for the log, whatever the host locale.
        startInfo.Environment["LC_MESSAGES"] = "C";

        using var process = Process.Start(startInfo)
                            ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {output.Trim()}");
        }
    }

    private static string Tail(string logFile)
    {
        try
        {
            return File.Exists(logFile) ? string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(20)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
