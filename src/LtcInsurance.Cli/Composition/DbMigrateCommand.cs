using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;

namespace LtcInsurance.Cli.Composition;

/// <summary>
/// `ltc db migrate [--connection CS] [--data-dir DIR] [--seed]`: applies the migrations as the owner role.
/// The owner connection comes from --connection or ConnectionStrings__LtcOwner; without either, the embedded
/// development cluster in --data-dir (or Ltc__DataDirectory, default ./.data/postgres) is started for the run.
/// When the application connection is known (ConnectionStrings__Ltc, or the embedded cluster's) its role is also
/// checked for tenant isolation.
/// </summary>
public static class DbMigrateCommand
{
    public const string Usage = "usage: ltc db migrate [--connection OWNER_CS] [--data-dir DIR] [--seed]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = await CommandOptions.ParseAsync(args, 0, ["--connection", "--data-dir"], ["--seed"], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var owner = options.OrEnvironment("--connection", "ConnectionStrings__LtcOwner");
        var app = Environment.GetEnvironmentVariable("ConnectionStrings__Ltc");
        var dataDirectory = options.OrEnvironment("--data-dir", "Ltc__DataDirectory")
                            ?? Path.Combine(Environment.CurrentDirectory, ".data", "postgres");
        var seed = options.Has("--seed");

        EmbeddedPostgres? embedded = null;
        try
        {
            if (string.IsNullOrWhiteSpace(owner))
            {
                await stdout.WriteLineAsync($"no owner connection configured: using the embedded cluster in {dataDirectory}");
                embedded = await EmbeddedPostgres.StartAsync(new PostgresServerOptions(dataDirectory, Throwaway: false));
                owner = embedded.OwnerConnectionString;
                app ??= embedded.AppConnectionString;
            }

            await new LtcDatabaseInitializer(owner, app).InitializeAsync(seed);
            await stdout.WriteLineAsync(seed ? "database migrated, demo data present" : "database migrated");
            return 0;
        }
        catch (Exception failure) when (failure is PostgresNotInstalledException or DatabaseSecurityException
                                            or InvalidOperationException or Npgsql.NpgsqlException)
        {
            await stderr.WriteLineAsync($"db migrate failed: {failure.Message}");
            return 1;
        }
        finally
        {
            if (embedded is not null)
                await embedded.DisposeAsync();
        }
    }
}
