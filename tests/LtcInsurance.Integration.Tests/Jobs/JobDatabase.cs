using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Postgres;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Jobs;

/// <summary>
/// A scratch database of the register collection's cluster with Yulin (monthly billing), its chart and
/// <c>people</c> employees on a 5,000 wage enrolled from 2030-01 (15.00 a month each: 7.50 employer, 7.50 own), plus one
/// person enrolled for December 2029 only, whose bill a payment can settle while another period is billed.
/// </summary>
internal sealed class JobDatabase
{
    public const string Region = "450902";

    private JobDatabase(string owner, string app, Guid payer)
    {
        Owner = owner;
        App = app;
        Payer = payer;
    }

    public string Owner { get; }

    public string App { get; }

    /// <summary>The person enrolled for 2029-12 only.</summary>
    public Guid Payer { get; }

    public static async Task<JobDatabase> CreateAsync(RegisterDatabase database, int people)
    {
        var (owner, app) = await database.FreshYulinDatabaseAsync("jobs");

        var ids = Enumerable.Range(0, people + 1).Select(_ => Guid.CreateVersion7()).ToArray();
        var numbers = Enumerable.Range(0, people + 1)
            .Select(i => IdNumber.Create(Region, new DateOnly(1970, 1, 1).AddDays(i / 999), i % 999 + 1).Value).ToArray();
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                SELECT 'yulin', id, number, '韦批' || ord, 'female', date '1970-01-01' + ((ord - 1) / 999)::int, @region, 'employee', 'employed', now()
                FROM unnest(@ids, @numbers) WITH ORDINALITY AS t(id, number, ord);
                INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date, monthly_base)
                SELECT 'yulin', gen_random_uuid(), id, 'employee',
                       CASE WHEN ord = 1 THEN date '2029-12-01' ELSE date '2030-01-01' END,
                       CASE WHEN ord = 1 THEN date '2029-12-31' END, 5000
                FROM unnest(@ids) WITH ORDINALITY AS t(id, ord);
                """, connection);
            insert.Parameters.AddWithValue("ids", ids);
            insert.Parameters.AddWithValue("numbers", numbers);
            insert.Parameters.AddWithValue("region", Region);
            await insert.ExecuteNonQueryAsync();
        }

        return new JobDatabase(owner, app, ids[0]);
    }

    /// <summary>Use cases and a job worker wired as the web app wires them, acting as a Yulin clerk (who may also verify the books).</summary>
    public Host Services(JobWorkerOptions? worker = null) => new(App, worker);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Bills of <paramref name="period"/>; waits (bounded) until at least <paramref name="atLeast"/> are committed.</summary>
    public async Task<long> WaitForBillsAsync(string period, long atLeast, Task running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var count = await ScalarAsync<long>($"SELECT count(*) FROM contribution_bills WHERE period = '{period}'");
            if (count >= atLeast || running.IsCompleted)
                return count;
            Assert.True(DateTime.UtcNow < deadline, $"no {atLeast} bills of {period} within 2 minutes");
            await Task.Delay(20);
        }
    }

    public sealed class Host : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly AsyncServiceScope _scope;

        public Host(string app, JobWorkerOptions? worker)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            if (worker is not null)
                services.AddSingleton(worker);
            services.AddLtcApplication();
            services.AddLtcInfrastructure(app);
            services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(
                new CurrentUser("clerk-yulin", "clerk.yulin", TenantIds.Yulin, [Application.Security.Roles.Clerk, Application.Security.Roles.Auditor])));
            _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            _scope = _services.CreateAsyncScope();
        }

        public ISender Sender => _scope.ServiceProvider.GetRequiredService<ISender>();

        public JobWorker Worker => _services.GetRequiredService<JobWorker>();

        public Task<T> Send<T>(IRequest<T> request, CancellationToken cancellationToken = default) => Sender.Send(request, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
        }
    }
}
