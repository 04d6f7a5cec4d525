using LtcInsurance.Application.Tenancy;
using LtcInsurance.Infrastructure;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LtcInsurance.Integration.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DependencyInjectionTests(PostgresFixture db)
{
    [Fact]
    public async Task With_connection_strings_the_host_uses_them_and_scopes_the_context_to_the_current_tenant()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ltc"] = db.AppConnectionString,
            ["ConnectionStrings:LtcOwner"] = db.OwnerConnectionString,
        });
        builder.Services.AddScoped<ICurrentTenant>(_ => new FixedCurrentTenant("shishi"));
        builder.Services.AddLtcInfrastructure(builder.Configuration, builder.Environment);
        using var host = builder.Build();

        await host.Services.InitializeLtcDatabaseAsync(seedDemoData: false);
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LtcDbContext>();

        Assert.False(scope.ServiceProvider.GetRequiredService<LtcDatabaseEndpoint>().IsEmbedded);
        var own = await db.InstitutionsOfAsync("shishi");
        Assert.True(own >= 2);
        Assert.Equal(own, await context.Institutions.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Without_a_connection_string_the_host_runs_its_own_cluster_and_stops_it_with_the_host()
    {
        var root = Path.Combine(Path.GetTempPath(), "ltc-pg-host-" + Guid.NewGuid().ToString("N")[..8]);
        var dataDirectory = Path.Combine(root, "postgres");
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ltc:DataDirectory"] = dataDirectory });
            builder.Services.AddScoped<ICurrentTenant>(_ => new FixedCurrentTenant("yuzhong"));
            builder.Services.AddLtcInfrastructure(builder.Configuration, builder.Environment);
            using var host = builder.Build();
            await host.StartAsync();

            await host.Services.InitializeLtcDatabaseAsync(seedDemoData: true);
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var context = scope.ServiceProvider.GetRequiredService<LtcDbContext>();
                Assert.Equal(2, await context.Institutions.CountAsync());
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "cluster should be running");
            await host.StopAsync();
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "cluster should be stopped");
        }
        finally
        {
            if (Directory.Exists(root))
                Directory.Delete(root, recursive: true);
        }
    }
}
