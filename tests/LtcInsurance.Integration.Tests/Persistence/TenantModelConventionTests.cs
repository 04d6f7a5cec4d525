using Microsoft.EntityFrameworkCore;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;

namespace LtcInsurance.Integration.Tests.Persistence;

/// <summary>
/// The rules every tenant-owned table follows, checked over the whole model so tables added later (ledger, claims)
/// are held to them too: tenant_id leads the primary key, foreign keys between tenant tables carry tenant_id
/// (what distributing tables by tenant requires), a query filter, and forced row-level security in the database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantModelConventionTests(PostgresFixture db)
{
    [Fact]
    public async Task Every_tenant_table_has_tenant_id_first_in_its_primary_key()
    {
        await using var context = db.OwnerContext();
        foreach (var entity in TenantEntities(context))
        {
            var key = entity.FindPrimaryKey()!;
            Assert.True(key.Properties[0].Name == nameof(ITenantOwned.TenantId),
                $"{entity.GetTableName()}: primary key starts with {key.Properties[0].Name}, not tenant_id");
        }
    }

    [Fact]
    public async Task Every_foreign_key_between_tenant_tables_includes_tenant_id()
    {
        await using var context = db.OwnerContext();
        foreach (var entity in TenantEntities(context))
        {
            foreach (var foreignKey in entity.GetForeignKeys()
                         .Where(fk => typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)))
            {
                Assert.True(foreignKey.Properties.Any(p => p.Name == nameof(ITenantOwned.TenantId)),
                    $"{entity.GetTableName()}: foreign key {foreignKey.GetConstraintName()} lacks tenant_id");
            }

            // Directly, or through a composite foreign key to a parent tenant table (which itself references tenants).
            Assert.True(entity.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Tenant)
                                                          || (typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)
                                                              && fk.Properties.Any(p => p.Name == nameof(ITenantOwned.TenantId)))),
                $"{entity.GetTableName()}: tenant_id references neither tenants nor a parent tenant table");
        }
    }

    [Fact]
    public async Task Every_tenant_entity_has_the_tenant_query_filter()
    {
        await using var context = db.OwnerContext();
        foreach (var entity in TenantEntities(context))
            Assert.NotEmpty(entity.GetDeclaredQueryFilters());
    }

    [Fact]
    public async Task Every_tenant_table_has_forced_row_level_security_with_the_tenant_policy()
    {
        await using var context = db.OwnerContext();
        var tables = TenantEntities(context).Select(e => e.GetTableName()!).ToList();
        Assert.Contains("insured_people", tables);

        var unprotected = await LtcDatabaseInitializer.UnprotectedTablesAsync(db.OwnerConnectionString, tables);

        Assert.Empty(unprotected);
    }

    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IEntityType> TenantEntities(LtcDbContext context) =>
        context.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned());
}
