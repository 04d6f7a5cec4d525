using System.Text.Json;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Policies.CalculateCase;
using LtcInsurance.Application.Policies.GetCaseExample;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Tenants.AddTenant;
using LtcInsurance.Application.Tenants.ListCityModules;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Cities.Fictitious;

/// <summary>
/// A city the platform does not ship, declared only in this folder (<see cref="FictitiousModule"/>), is registered for
/// the test, opened as a tenant by a platform admin through the use case, enrols and bills a person, answers a case, and
/// stays walled off from the other tenants by row-level security.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class FictitiousCityTests(RegisterDatabase database)
{
    private const string Id = FictitiousModule.Id;

    private UseCaseHost PlatformAdmin() => UseCaseHost.For(database.Server.AppConnectionString, null!, Roles.Admin);

    [Fact]
    public async Task A_sixth_city_from_its_module_is_opened_bills_answers_cases_and_is_isolated()
    {
        using var registered = CityRegistry.Use(CityRegistry.BuiltIn.With(new FictitiousModule()));

        await using (var platform = PlatformAdmin())
        {
            var listed = await platform.Send(new ListCityModulesQuery());
            Assert.False(listed.Single(m => m.TenantId == Id).IsTenant);

            var added = await platform.Send(new AddTenantCommand(Id));
            Assert.True(added.Added, added.Refusal);
            Assert.Equal("虚构市", added.NameZh);
            Assert.Equal("admin." + Id, added.AdminUserName);
            Assert.Equal(16, added.OneTimePassword!.Length);

            var opened = (await platform.Send(new ListCityModulesQuery())).Single(m => m.TenantId == Id);
            Assert.True(opened.IsTenant);
            Assert.NotNull(opened.CreatedBy);
            Assert.NotNull(opened.CreatedAt);

            // The tenant row, chart and admin as the module declares them.
            await using var owner = database.Owner();
            var tenant = await owner.Tenants.AsNoTracking().SingleAsync(t => t.Id == Id);
            Assert.Equal(["990100", "990101", "990102"], tenant.RegionCodes);
            Assert.Equal(FictitiousModule.Start, tenant.SchemeStart);
            Assert.Equal(opened.CreatedBy, tenant.CreatedBy);
            var codes = await owner.LedgerAccounts.IgnoreQueryFilters().Where(a => a.TenantId == Id).Select(a => a.Code).ToListAsync();
            Assert.Equal(new FictitiousModule().Chart().Select(a => a.Code).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
            Assert.Equal(added.Accounts, codes.Count);
            Assert.Contains("4101.01@990101", codes);
            var admin = await owner.Users.AsNoTracking().SingleAsync(u => u.UserName == added.AdminUserName);
            Assert.Equal(Id, admin.TenantId);
            Assert.Equal(PasswordVerificationResult.Success,
                new PasswordHasher<AppUser>().VerifyHashedPassword(admin, admin.PasswordHash!, added.OneTimePassword));
            var roles = await (from ur in owner.UserRoles join r in owner.Roles on ur.RoleId equals r.Id where ur.UserId == admin.Id select r.Name)
                .ToListAsync();
            Assert.Equal([Roles.Admin], roles);

            // Opening it twice is refused, in Chinese, and writes nothing.
            var again = await platform.Send(new AddTenantCommand(Id));
            Assert.False(again.Added);
            Assert.Contains("已经开通", again.Refusal, StringComparison.Ordinal);
            Assert.Equal(1, await owner.Users.CountAsync(u => u.TenantId == Id));
        }

        // Enrolment and a yearly billing run, booked on the district's sub-ledger.
        Guid personId;
        await using (var db = database.App(Id))
        {
            var person = await RegisterDatabase.AddPersonAsync(db, "虚甲", "990101", new DateOnly(1950, 5, 5));
            personId = person.Id;
            await using var clerk = database.Host(Id);
            var decision = await clerk.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2030, 1, 1)));
            Assert.True(decision.Enrolled, decision.Message);
            var run = await clerk.Send(new RunBillingCommand("2030"));
            Assert.Equal(1, run.BillsCreated);
            var bill = await db.Set<ContributionBill>().AsNoTracking().SingleAsync(b => b.PersonId == person.Id);
            Assert.Equal(50m, bill.Total);
            Assert.Equal(30m, bill.IndividualDue);
            var income = await RegisterDatabase.IncomeAsync(db);
            Assert.Equal(30m, income["4101.01@990101"]);
            Assert.Equal(20m, income["4101.04@990101"]);
            Assert.Throws<PolicyException>(() => BillingCycle.For(Id).Period("2030-01"));

            // The explorer's example comes from the module and runs through the engine.
            var example = await clerk.Send(new GetCaseExampleQuery(CaseKinds.Contribution));
            Assert.NotNull(example);
            Assert.Contains("990101", example.Input, StringComparison.Ordinal);
            var outcome = await clerk.Send(new CalculateCaseQuery(CaseKinds.Contribution, example.Input, "2030-06-01"));
            Assert.True(outcome!.Succeeded, outcome.ErrorMessage);
            Assert.Equal(50m, ((ContributionResult)outcome.Evaluation!.Result).Total);
        }

        // Row-level security, not only the query filter: neither side sees the other's rows.
        await using (var jining = database.App(TenantIds.Jining))
        {
            Assert.False(await jining.InsuredPeople.IgnoreQueryFilters().AnyAsync(p => p.TenantId == Id));
            Assert.False(await jining.LedgerAccounts.IgnoreQueryFilters().AnyAsync(a => a.TenantId == Id));
            Assert.False(await jining.Set<ContributionBill>().IgnoreQueryFilters().AnyAsync(b => b.PersonId == personId));
        }

        await using (var fictitious = database.App(Id))
        {
            Assert.False(await fictitious.InsuredPeople.IgnoreQueryFilters().AnyAsync(p => p.TenantId != Id));
            Assert.False(await fictitious.LedgerAccounts.IgnoreQueryFilters().AnyAsync(a => a.TenantId != Id));
            Assert.True(await fictitious.LedgerAccounts.AnyAsync());
        }
    }

    [Fact]
    public async Task Outside_the_test_scope_the_sixth_city_is_unknown_and_refused()
    {
        Assert.Null(CityRegistry.Current.Find(Id));
        Assert.DoesNotContain(Id, TenantIds.All);
        await using var platform = PlatformAdmin();
        var refused = await platform.Send(new AddTenantCommand("atlantis"));
        Assert.False(refused.Added);
        Assert.Contains("没有代码为「atlantis」的城市模块", refused.Refusal, StringComparison.Ordinal);
        await using var owner = database.Owner();
        Assert.False(await owner.Tenants.AnyAsync(t => t.Id == "atlantis"));
    }

    [Fact]
    public async Task A_shipped_city_already_a_tenant_is_refused()
    {
        await using var platform = PlatformAdmin();
        var refused = await platform.Send(new AddTenantCommand(TenantIds.Jining));
        Assert.False(refused.Added);
        Assert.Equal("济宁市（jining）已经开通，不能重复开通。", refused.Refusal);
    }

    [Fact]
    public async Task A_malformed_id_is_a_validation_error()
    {
        await using var platform = PlatformAdmin();
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => platform.Send(new AddTenantCommand("Robert'); DROP")));
        Assert.Contains("城市代码", invalid.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_admin_cannot_open_a_city()
    {
        await using var cityAdmin = database.Host(TenantIds.Jining, Roles.Admin);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => cityAdmin.Send(new AddTenantCommand("shishi")));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => cityAdmin.Send(new ListCityModulesQuery()));
    }
}
