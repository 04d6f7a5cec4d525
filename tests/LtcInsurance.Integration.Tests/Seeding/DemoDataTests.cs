using LtcInsurance.Application.Assessment.ListApplications;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Seeding;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Seeding;

[Collection(PostgresCollection.Name)]
public sealed class DemoDataTests(PostgresFixture db)
{
    [Fact]
    public async Task The_five_tenants_are_seeded_with_their_scheme_start()
    {
        await using var context = db.OwnerContext();
        var tenants = await context.Tenants.ToDictionaryAsync(t => t.Id);

        Assert.Equal(TenantIds.All.Order(), tenants.Keys.Order());
        Assert.Equal(new DateOnly(2023, 10, 1), tenants["zhenjiang"].SchemeStart);
        Assert.Equal(new DateOnly(2027, 1, 1), tenants["yulin"].SchemeStart);
        Assert.Contains("321182", tenants["zhenjiang"].RegionCodes);
    }

    [Fact]
    public async Task Each_tenant_has_institutions_and_a_register_of_valid_people_from_its_districts()
    {
        await using var context = db.OwnerContext();
        var tenants = await context.Tenants.ToDictionaryAsync(t => t.Id);
        var people = await context.InsuredPeople.IgnoreQueryFilters().ToListAsync();
        var institutions = await context.Institutions.IgnoreQueryFilters().ToListAsync();

        foreach (var tenant in TenantIds.All)
        {
            Assert.InRange(institutions.Count(i => i.TenantId == tenant), 2, 10);
            var register = people.Where(p => p.TenantId == tenant).ToList();
            Assert.Equal(DemoData.InsuredPeoplePerTenant, register.Count);
            Assert.All(register, p =>
            {
                Assert.Contains(p.RegionCode, tenants[tenant].RegionCodes);
                Assert.Equal(p.RegionCode, p.IdNumber.RegionCode);
                Assert.Equal(p.IdNumber.BirthDate, p.BirthDate);
                Assert.Equal(p.IdNumber.Sex, p.Sex);
            });
        }

        Assert.All(people.Where(p => p.TenantId == "jining"),
            p => Assert.Equal(MedicalInsuranceScheme.Resident, p.MedicalInsurance));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var before = db.OwnerContext();
        var counts = (await before.Users.CountAsync(), await before.InsuredPeople.IgnoreQueryFilters().CountAsync(),
            await before.Institutions.IgnoreQueryFilters().CountAsync(), await before.Roles.CountAsync());

        await using (var context = db.OwnerContext())
            await DemoData.SeedAsync(context);

        await using var after = db.OwnerContext();
        Assert.Equal(counts, (await after.Users.CountAsync(), await after.InsuredPeople.IgnoreQueryFilters().CountAsync(),
            await after.Institutions.IgnoreQueryFilters().CountAsync(), await after.Roles.CountAsync()));
    }

    [Theory]
    [InlineData("clerk.zhenjiang", "zhenjiang", Roles.Clerk)]
    [InlineData("institution.yulin", "yulin", Roles.Institution)]
    [InlineData("auditor.shishi", "shishi", Roles.Auditor)]
    [InlineData("admin", null, Roles.Admin)]
    public async Task Demo_users_sign_in_through_Identity_with_the_development_password(string userName, string? tenant,
        string role)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddScoped<ICurrentTenant>(_ => new FixedCurrentTenant(tenant))
            .AddDbContext<LtcDbContext>(options => LtcDbContextOptions.ConfigureForApplication(options, db.AppConnectionString));
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<LtcDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var user = await users.FindByNameAsync(userName);

        Assert.NotNull(user);
        Assert.Equal(tenant, user.TenantId);
        Assert.True(await users.CheckPasswordAsync(user, DemoData.Password));
        Assert.False(await users.CheckPasswordAsync(user, "wrong-password"));
        Assert.True(await users.IsInRoleAsync(user, role));
    }

    [Fact]
    public async Task Institution_users_act_for_an_institution_of_their_own_tenant()
    {
        await using var context = db.OwnerContext();
        var institutionUsers = await context.Users.Where(u => u.UserName!.StartsWith("institution.")).ToListAsync();
        var codes = await context.Institutions.IgnoreQueryFilters().Select(i => i.TenantId + "/" + i.Code).ToListAsync();

        Assert.Equal(TenantIds.All.Count, institutionUsers.Count);
        Assert.All(institutionUsers, u => Assert.Contains(u.TenantId + "/" + u.ProviderCode, codes));
    }

    /// <summary>Issue #12: every demo assessor is bound to its city's demo agency (演示值) and finds an application assigned to it.</summary>
    [Fact]
    public async Task Demo_assessor_users_are_bound_to_their_citys_demo_agency_and_their_worklists_are_not_empty()
    {
        await using (var context = db.OwnerContext())
        {
            var assessors = await context.Users.Where(u => u.UserName!.StartsWith("assessor.")).ToListAsync();
            Assert.Equal(TenantIds.All.Count, assessors.Count);
            Assert.All(assessors, u => Assert.Equal(DemoAssessment.AgencyCode(u.TenantId!), u.AgencyCode));
        }

        foreach (var tenant in TenantIds.All)
        {
            var userName = DemoData.UserName(Roles.Assessor, tenant);
            await using var host = UseCaseHost.As(db.AppConnectionString, new CurrentUser("id-" + userName, userName, tenant, [Roles.Assessor]));
            var worklist = await host.Send(new ListApplicationsQuery(new DateOnly(2026, 12, 7)));
            Assert.True(worklist!.Count > 0, $"{userName} has an empty worklist");
            Assert.All(worklist, row => Assert.Contains("演示值", row.AgencyName, StringComparison.Ordinal));
        }
    }
}
