using System.Net;
using LtcInsurance.Infrastructure.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// The whole application on a real Kestrel socket (loopback, free port), backed by a throwaway PostgreSQL
/// cluster that the infrastructure's launcher starts from the machine's binaries, migrated and seeded with
/// the five demo tenants exactly as in development. One per test run: starting PostgreSQL is the slow part.
/// A subclass may give the application a clock of its own (see <see cref="Claims.ClaimsHost"/>).
/// </summary>
public class LtcWebHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Ltc@2026demo";

    private readonly string root = Path.Combine(Path.GetTempPath(), "ltc-web-tests-" + Guid.NewGuid().ToString("N"));
    private readonly TimeProvider? clock;
    private EmbeddedPostgres? postgres;

    public LtcWebHost()
        : this(clock: null)
    {
    }

    /// <param name="clock">The application's clock instead of the system's, so that tests do not depend on the day they run.</param>
    protected LtcWebHost(TimeProvider? clock) => this.clock = clock;

    /// <summary>Where the running application listens, e.g. http://127.0.0.1:43817/.</summary>
    public Uri ServerAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Bypasses the application role and row-level security: for tests that must see across tenants.</summary>
    /// <summary>The application role's connection (row-level security applies), as the web app uses it.</summary>
    public string AppConnectionString => postgres?.AppConnectionString
        ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public string OwnerConnectionString => postgres?.OwnerConnectionString
        ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(root);
        postgres = await EmbeddedPostgres.StartAsync(new PostgresServerOptions(Path.Combine(root, "pg"), Throwaway: true));
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        ServerAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var pg = postgres ?? throw new InvalidOperationException("PostgreSQL must start before the application.");
        builder.UseEnvironment("Testing");
        // Serve Blazor's and MudBlazor's files from the build output, as Development does (a published app has them in wwwroot).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Ltc", pg.AppConnectionString);
        builder.UseSetting("ConnectionStrings:LtcOwner", pg.OwnerConnectionString);
        builder.UseSetting("Ltc:SeedDemoData", "true");
        builder.UseSetting("Ltc:LogDirectory", Path.Combine(root, "logs"));
        // Every test signs in from 127.0.0.1: the per-address sign-in limit is measured by SignInThrottlingTests on an
        // application of its own.
        builder.UseSetting("Ltc:Security:SignInPermitsPerMinute", "100000");
        // Circuits re-check their session every 2 s here (a minute in production), so CircuitSessionTests need not wait.
        builder.UseSetting("Ltc:Security:CircuitRevalidationInterval", "00:00:02");
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>A client like a browser without JavaScript: keeps cookies, does not follow redirects.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = ServerAddress,
        };

    /// <summary>Runs a scalar query as the owner role (sees every tenant).</summary>
    public async Task<T> QueryAsOwnerAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is T typed ? typed : throw new InvalidOperationException($"Query returned {result ?? "null"}: {sql}");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open for a moment; the temp folder is cleaned by the OS later.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<LtcWebHost>
{
    public const string Name = "web";
}
