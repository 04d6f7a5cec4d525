using System.Globalization;
using System.Text;
using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Import;

/// <summary>
/// The register import talks to the database per batch of rows, not per row: importing four times as many people (all
/// inside one batch) costs the same round trips, both for a first import and for one that changes every person's region
/// (which reviews every changed person's enrolment afterwards: one read of each kind for all of them, not one per person).
/// Round trips are counted by a TCP proxy in front of the cluster (<see cref="RoundTripCounter"/>).
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class ImportStatementCountTests(RegisterDatabase database)
{
    [Fact]
    public async Task Importing_four_times_the_rows_costs_no_more_round_trips_and_neither_does_reviewing_every_changed_person()
    {
        var small = await MeasureAsync(new DateOnly(1935, 2, 3), 150);
        var large = await MeasureAsync(new DateOnly(1935, 4, 5), 600);

        Assert.Equal((150, 150), (small.Applied, small.Changed));
        Assert.Equal((600, 600), (large.Applied, large.Changed));
        // Per row the old review alone took three round trips: 450 more for the larger file. A few may differ with timing.
        Assert.True(large.First <= small.First + 20, $"first import: {small.First} round trips for 150 rows, {large.First} for 600");
        Assert.True(large.Moved <= small.Moved + 20, $"import changing everyone: {small.Moved} round trips for 150 rows, {large.Moved} for 600");
    }

    /// <summary>
    /// The same file again is told "unchanged" per batch by one probe of the register: none of the apply statements runs
    /// (six fewer round trips a batch of 1,000 rows, 18 for this file of three batches) and nothing is written. A person
    /// changed in the register in between keeps their batch from being skipped: the file puts their name back, with history.
    /// </summary>
    [Fact]
    public async Task The_same_file_again_skips_the_apply_statements_of_unchanged_batches_and_writes_nothing()
    {
        const int people = 2_500;
        var birth = new DateOnly(1936, 6, 7);
        var csv = Csv(birth, people, "370811");
        await using var counter = RoundTripCounter.Start(database.Server.Port);
        await using var provider = Provider(counter);

        counter.Reset();
        var first = await ImportAsync(provider, csv);
        var firstTrips = counter.RoundTrips;
        var before = await CountsAsync();
        counter.Reset();
        var again = await ImportAsync(provider, csv);
        var againTrips = counter.RoundTrips;

        Assert.Equal(("completed", people, "completed", 0), (first.Status, first.ValidRows, again.Status, again.AppliedRows));
        Assert.Equal(before, await CountsAsync());
        Assert.True(againTrips + 15 <= firstTrips, $"first import {firstTrips} round trips, the same file again {againTrips}");

        var renamedId = Id(birth, 1_234);
        var renamed = renamedId.Value;
        await using (var owner = database.Owner())
            await owner.Database.ExecuteSqlAsync($"UPDATE insured_people SET name = '改过的名字' WHERE id_number = {renamed}");
        var restored = await ImportAsync(provider, csv);

        Assert.Equal(("completed", 1), (restored.Status, restored.AppliedRows));
        await using var db = database.App(TenantIds.Jining);
        Assert.Equal("计数1234", (await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.IdNumber == renamedId)).Name);
        var change = await db.PersonChanges.AsNoTracking().SingleAsync(c => c.ImportJobId == restored.Id);
        Assert.Equal(("name", "改过的名字", "计数1234", "登记导入第1235行"), (change.Field, change.BeforeValue, change.AfterValue, change.Note));
    }

    private async Task<(int People, int Enrollments, int Statuses, int Changes)> CountsAsync()
    {
        await using var db = database.App(TenantIds.Jining);
        return (await db.InsuredPeople.CountAsync(), await db.EnrollmentPeriods.CountAsync(), await db.PersonStatuses.CountAsync(),
            await db.PersonChanges.CountAsync());
    }

    /// <summary>The use cases over a connection through <paramref name="counter"/>. No heartbeat: its round trips would grow
    /// with the time an import takes, not with its rows.</summary>
    private ServiceProvider Provider(RoundTripCounter counter)
    {
        var proxied = new NpgsqlConnectionStringBuilder(database.Server.AppConnectionString) { Port = counter.Port }.ConnectionString;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new JobWorkerOptions { HeartbeatInterval = TimeSpan.FromMinutes(10) });
        services.AddLtcApplication();
        services.AddLtcInfrastructure(proxied);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(CurrentUser.System(TenantIds.Jining, "test")));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private async Task<(int First, int Moved, int Applied, int Changed)> MeasureAsync(DateOnly birth, int people)
    {
        await using var counter = RoundTripCounter.Start(database.Server.Port);
        await using var provider = Provider(counter);

        counter.Reset();
        var first = await ImportAsync(provider, Csv(birth, people, "370811"));
        var firstTrips = counter.RoundTrips;
        counter.Reset();
        var moved = await ImportAsync(provider, Csv(birth, people, "370812"));
        var movedTrips = counter.RoundTrips;

        Assert.Equal("completed", first.Status);
        Assert.Equal("completed", moved.Status);
        await using var db = database.App(TenantIds.Jining);
        var changed = await db.PersonChanges.CountAsync(c => c.ImportJobId == moved.Id && c.Field == PersonChangeFields.Region);
        var touched = await db.PersonChanges.Where(c => c.ImportJobId == moved.Id).Select(c => c.PersonId).Distinct().CountAsync();
        Assert.Equal(people, touched);
        return (firstTrips, movedTrips, first.ValidRows, changed);
    }

    private static async Task<ImportJobView> ImportAsync(ServiceProvider provider, string csv)
    {
        await using var scope = provider.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var queued = await sender.Send(new StartRegisterImportCommand(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "register.csv"));
        Assert.True(await provider.GetRequiredService<JobWorker>().RunJobAsync(TenantIds.Jining, queued.Id));
        return (await sender.Send(new GetImportJobQuery(queued.Id)))!;
    }

    /// <summary>The ID number of the <paramref name="i"/>th person of a file: 999 a birth day from <paramref name="birth"/> on.</summary>
    private static IdNumber Id(DateOnly birth, int i) => IdNumber.Create("370811", birth.AddDays((i - 1) / 999), (i - 1) % 999 + 1);

    /// <summary><paramref name="people"/> residents born on <paramref name="birth"/> (ID numbers of 370811), living in <paramref name="region"/>.</summary>
    private static string Csv(DateOnly birth, int people, string region)
    {
        var csv = new StringBuilder("身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期\r\n");
        for (var i = 1; i <= people; i++)
        {
            var id = Id(birth, i).Value;
            csv.Append(CultureInfo.InvariantCulture, $"{id},计数{i},,,,{region},居民,无,,2027-01-01\r\n");
        }

        return csv.ToString();
    }
}
