using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// The application as <see cref="Hosting.LtcWebHost"/> starts it (own throwaway PostgreSQL, demo data), but on a clock
/// standing at 2027-02-05 10:00 in China (Yulin insures from 2027-01-01), inside the window of the January 2027 claims (demo close day: the 10th), so
/// the claims API tests do not depend on the day they run. Providers, beneficiaries with entitlements and care plans, and
/// catalogue items are added per test (<see cref="ProviderAsync"/>).
/// </summary>
public sealed class ClaimsApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2027, 2, 5, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly MonthStart = new(2027, 1, 1);
    private static int sequence;

    private readonly string root = Path.Combine(Path.GetTempPath(), "ltc-claims-api-tests-" + Guid.NewGuid().ToString("N"));
    private EmbeddedPostgres? postgres;

    public Uri ServerAddress { get; private set; } = new("http://127.0.0.1/");

    public string AppConnectionString => postgres?.AppConnectionString ?? throw new InvalidOperationException("PostgreSQL has not started.");

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
        builder.UseSetting("ConnectionStrings:Ltc", pg.AppConnectionString);
        builder.UseSetting("ConnectionStrings:LtcOwner", pg.OwnerConnectionString);
        builder.UseSetting("Ltc:SeedDemoData", "true");
        builder.UseSetting("Ltc:LogDirectory", Path.Combine(root, "logs"));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StandingClock(Now)));
    }

    /// <summary>Runs a scalar query as the owner role (sees every tenant).</summary>
    public async Task<T> QueryAsOwnerAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(postgres!.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is T typed ? typed : throw new InvalidOperationException($"Query returned {result ?? "null"}: {sql}");
    }

    /// <summary>
    /// A new Yulin institution (institution and home care) with one enrolled demo beneficiary entitled to institution care
    /// there from January 2027 under a confirmed care plan of two catalogue items (care 80.00, bed 30.00), both new.
    /// </summary>
    public async Task<ClaimsProvider> ProviderAsync()
    {
        var n = Interlocked.Increment(ref sequence);
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(AppConnectionString), new FixedCurrentTenant(TenantIds.Yulin));
        var institution = new Institution
        {
            TenantId = TenantIds.Yulin, Code = $"API{n:D3}", Name = $"接口测试护理院{n}", RegionCode = "450902", ServiceModes = ["institution", "home"],
        };
        db.Institutions.Add(institution);
        var entitled = db.Set<BenefitEntitlement>().Select(b => b.PersonId);
        var person = await db.InsuredPeople
            .Where(p => db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.StartDate <= MonthStart && (e.EndDate == null || e.EndDate >= MonthStart.AddMonths(1))))
            .Where(p => !db.DeathRecords.Any(d => d.PersonId == p.Id))
            .Where(p => !entitled.Contains(p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        var care = $"API{n:D3}-C";
        var bed = $"API{n:D3}-B";
        db.Add(ServiceItem.Create(TenantIds.Yulin, care, "接口测试护理", "care", "次", 80m, null, null, null, new DateOnly(2020, 1, 1)));
        db.Add(ServiceItem.Create(TenantIds.Yulin, bed, "接口测试床位", "bed", "日", 30m, null, null, null, new DateOnly(2020, 1, 1)));
        var application = AssessmentApplication.Register(TenantIds.Yulin, person.Id, ApplicantKinds.Person, person.Name, null, institution.Id,
            MonthStart.AddDays(-40), null, false, [ApplicationDocuments.IdCard], MonthStart.AddDays(-35), MonthStart.AddDays(-10), "test", Now);
        db.Add(application);
        var entitlement = BenefitEntitlement.Grant(TenantIds.Yulin, person.Id, application.Id, 5, "等级5", "institution", institution.Id, MonthStart,
            null, null, "[]", "test", Now);
        db.Add(entitlement);
        var plan = CarePlan.Draft(TenantIds.Yulin, entitlement.Id, institution.Id, MonthStart, null, "test", Now);
        plan.AddItem(care, 7, "week", 60);
        plan.AddItem(bed, 7, "week", null);
        plan.Confirm(MonthStart, "test");
        db.Add(plan);
        await db.SaveChangesAsync();
        return new ClaimsProvider(institution.Code, person.IdNumber.Value, care, bed);
    }

    /// <summary>A bare institution of <paramref name="tenant"/> (enough for an API key of that city); answers its code.</summary>
    public async Task<string> InstitutionAsync(string tenant)
    {
        var n = Interlocked.Increment(ref sequence);
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(AppConnectionString), new FixedCurrentTenant(tenant));
        var institution = new Institution { TenantId = tenant, Code = $"APX{n:D3}", Name = $"接口测试机构{n}", RegionCode = "370811", ServiceModes = ["institution"] };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        return institution.Code;
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

    private sealed class StandingClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>A provider made for a test: its code, its entitled beneficiary's ID number and its two catalogue items.</summary>
public sealed record ClaimsProvider(string Code, string IdNumber, string CareItem, string BedItem);

[CollectionDefinition(Name)]
public sealed class ClaimsApiCollection : ICollectionFixture<ClaimsApiHost>
{
    public const string Name = "claims-api";
}
