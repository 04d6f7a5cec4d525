using Microsoft.EntityFrameworkCore.Storage;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Tenancy;

/// <summary>
/// Tenancy as the application sees it through EF: the query filter scopes to the current tenant, and the
/// interceptors carry the tenant to row-level security for queries, writes and bulk statements, transaction-locally.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EfTenancyTests(PostgresFixture db)
{
    [Fact]
    public async Task The_query_filter_returns_only_the_current_tenants_rows()
    {
        await using var context = db.AppContext("jining");

        var tenants = await context.InsuredPeople.Select(p => p.TenantId).Distinct().ToListAsync();
        var count = await context.InsuredPeople.CountAsync();

        Assert.Equal(["jining"], tenants);
        Assert.True(count >= 200);
    }

    [Fact]
    public async Task Row_level_security_holds_when_the_query_filter_is_ignored()
    {
        await using var jining = db.AppContext("jining");
        await using var nobody = db.AppContext(null);

        var seenByJining = await jining.InsuredPeople.IgnoreQueryFilters().Select(p => p.TenantId).Distinct().ToListAsync();
        var seenWithoutTenant = await nobody.InsuredPeople.IgnoreQueryFilters().CountAsync();

        Assert.Equal(["jining"], seenByJining);
        Assert.Equal(0, seenWithoutTenant);
    }

    [Fact]
    public async Task Raw_sql_through_the_context_runs_with_the_current_tenant()
    {
        await using var context = db.AppContext("shishi");

        var setting = await context.Database
            .SqlQueryRaw<string>("SELECT current_setting('ltc.tenant', true) AS \"Value\"").SingleAsync();

        Assert.Equal("shishi", setting);
    }

    [Fact]
    public async Task The_tenant_does_not_outlive_the_query_on_an_open_connection()
    {
        await using var context = db.AppContext("shishi");
        await context.Database.OpenConnectionAsync();
        _ = await context.Institutions.CountAsync();

        // A command that bypasses EF on the same physical connection sees no tenant: the setting was transaction-local.
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT coalesce(current_setting('ltc.tenant', true), '')";
        Assert.Equal("", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_pooled_connection_returns_to_the_pool_without_a_tenant()
    {
        await using (var context = db.AppContext("yulin"))
            _ = await context.Institutions.ToListAsync();

        await using var connection = new NpgsqlConnection(db.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM institutions", connection);

        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_explicit_transaction_carries_the_tenant_to_every_statement()
    {
        await using var context = db.AppContext("yuzhong");
        await using var transaction = await context.Database.BeginTransactionAsync();

        var institutions = await context.Institutions.IgnoreQueryFilters().CountAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "SELECT current_setting('ltc.tenant', true)";

        Assert.Equal("yuzhong", await command.ExecuteScalarAsync());
        var own = await db.InstitutionsOfAsync("yuzhong");
        Assert.True(own >= 2);
        Assert.Equal(own, institutions);
    }

    [Fact]
    public async Task SaveChanges_writes_rows_of_the_current_tenant()
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8];
        await using (var context = db.AppContext("yulin"))
        {
            context.Institutions.Add(new Institution
            {
                TenantId = "yulin", Code = code, Name = "测试护理站", RegionCode = "450902",
                ServiceModes = [ServiceMode.Home.Code()],
            });
            await context.SaveChangesAsync();
        }

        await using (var context = db.AppContext("yulin"))
        {
            var saved = await context.Institutions.SingleAsync(i => i.Code == code);
            Assert.Equal([ServiceMode.Home.Code()], saved.ServiceModes);
            context.Institutions.Remove(saved);
            await context.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task SaveChanges_of_a_row_for_another_tenant_is_refused_by_the_database()
    {
        await using var context = db.AppContext("yulin");
        context.Institutions.Add(new Institution
        {
            TenantId = "shishi", Code = "X-EF", Name = "越界机构", RegionCode = "350581",
        });

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
    }

    [Fact]
    public async Task ExecuteUpdate_reaches_only_the_current_tenants_rows()
    {
        await using var context = db.AppContext("zhenjiang");

        // Touches every row it may see, changing nothing: the count shows the reach.
        var touched = await context.Institutions.IgnoreQueryFilters()
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Name, i => i.Name));

        Assert.Equal(3, touched);
    }

    [Fact]
    public async Task The_id_number_round_trips_as_a_value_type()
    {
        await using var context = db.AppContext("zhenjiang");
        var person = await context.InsuredPeople.OrderBy(p => p.Id).FirstAsync();

        var found = await context.InsuredPeople.SingleAsync(p => p.IdNumber == person.IdNumber);

        Assert.Equal(person.Id, found.Id);
        Assert.Equal(person.BirthDate, person.IdNumber.BirthDate);
    }

    [Fact]
    public void The_synchronous_API_carries_the_tenant_too()
    {
        var code = "S" + Guid.NewGuid().ToString("N")[..8];
        using var context = db.AppContext("shishi");

        var visible = context.InsuredPeople.IgnoreQueryFilters().Select(p => p.TenantId).Distinct().ToList();
        context.Institutions.Add(new Institution { TenantId = "shishi", Code = code, Name = "同步测试站", RegionCode = "350581" });
        context.SaveChanges();
        var deleted = context.Institutions.IgnoreQueryFilters().Where(i => i.Code == code).ExecuteDelete();

        Assert.Equal(["shishi"], visible);
        Assert.Equal(1, deleted);
    }
}
