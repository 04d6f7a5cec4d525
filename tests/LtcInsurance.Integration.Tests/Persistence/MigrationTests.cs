using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture db)
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        await using var context = db.OwnerContext();

        var applied = await context.Database.GetAppliedMigrationsAsync();
        var pending = await context.Database.GetPendingMigrationsAsync();

        Assert.Contains("20261123000000_Initial", applied);
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Migrating_again_is_a_no_op()
    {
        await new Infrastructure.Persistence.LtcDatabaseInitializer(db.OwnerConnectionString, db.AppConnectionString)
            .InitializeAsync(seedDemoData: false);

        await using var context = db.OwnerContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }
}
