using System.Security.Claims;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Security;
using LtcInsurance.Web.Tenancy;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecurityClaim = System.Security.Claims.Claim;

namespace LtcInsurance.Web.Tests.Claims;

/// <summary>
/// The application as <see cref="LtcWebHost"/> starts it (static web assets, demo data, own throwaway PostgreSQL) on a clock that runs
/// from 2027-02-05 10:00 in China: inside the window of the January 2027 claims (demo close day: the 10th; Yulin insures
/// from 2027-01-01), whatever day the tests run. Providers with an entitled beneficiary are added per test
/// (<see cref="ProviderAsync"/>); use cases run in the application's own scope as a user of the test's choosing
/// (<see cref="SendAsync{T}"/>), as a circuit sends them.
/// </summary>
public sealed class ClaimsWebHost() : LtcWebHost(new ShiftedClock(Start))
{
    public static readonly DateTimeOffset Start = new(2027, 2, 5, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly MonthStart = new(2027, 1, 1);
    private static int sequence;

    /// <summary>Sends a use case in a scope of the running application as <paramref name="user"/> (as a circuit does).</summary>
    public async Task<T> SendAsync<T>(ClaimsPrincipal user, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    /// <summary>A user of the institution <paramref name="providerCode"/> in Yulin, as the sign-in would make it.</summary>
    public static ClaimsPrincipal Institution(string providerCode) =>
        new(new ClaimsIdentity(
        [
            new SecurityClaim(ClaimTypes.NameIdentifier, $"test-{providerCode}"),
            new SecurityClaim(ClaimTypes.Name, $"institution.test.{providerCode}"),
            new SecurityClaim(ClaimTypes.Role, Roles.Institution),
            new SecurityClaim(LtcClaimTypes.Tenant, TenantIds.Yulin),
            new SecurityClaim(LtcClaimTypes.ProviderCode, providerCode),
        ], "test", ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>
    /// A new Yulin institution (institution and home care) with one enrolled demo beneficiary entitled to institution care
    /// there from January 2027 under a confirmed care plan of two new catalogue items (care 80.00, bed 30.00).
    /// </summary>
    public Task<ClaimsProvider> ProviderAsync() => EntitledProviderAsync(AppConnectionString, "REV", "审核测试", Start);

    /// <summary>
    /// The provider of <see cref="ProviderAsync"/> written through the application role: code <paramref name="codePrefix"/>NNN,
    /// names beginning with <paramref name="namePrefix"/>, records dated <paramref name="now"/>. The claims API host uses it too.
    /// </summary>
    public static async Task<ClaimsProvider> EntitledProviderAsync(string appConnectionString, string codePrefix, string namePrefix, DateTimeOffset now)
    {
        var n = Interlocked.Increment(ref sequence);
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(appConnectionString), new FixedCurrentTenant(TenantIds.Yulin));
        var institution = new Institution
        {
            TenantId = TenantIds.Yulin, Code = $"{codePrefix}{n:D3}", Name = $"{namePrefix}护理院{n}", RegionCode = "450902", ServiceModes = ["institution", "home"],
        };
        db.Institutions.Add(institution);
        var entitled = db.Set<BenefitEntitlement>().Select(b => b.PersonId);
        var person = await db.InsuredPeople
            .Where(p => db.EnrollmentPeriods.Any(e => e.PersonId == p.Id && e.StartDate <= MonthStart && (e.EndDate == null || e.EndDate >= MonthStart.AddMonths(1))))
            .Where(p => !db.DeathRecords.Any(d => d.PersonId == p.Id))
            .Where(p => !entitled.Contains(p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        var care = $"{codePrefix}{n:D3}-C";
        var bed = $"{codePrefix}{n:D3}-B";
        db.Add(ServiceItem.Create(TenantIds.Yulin, care, namePrefix + "护理", "care", "次", 80m, null, null, null, new DateOnly(2020, 1, 1)));
        db.Add(ServiceItem.Create(TenantIds.Yulin, bed, namePrefix + "床位", "bed", "日", 30m, null, null, null, new DateOnly(2020, 1, 1)));
        var application = AssessmentApplication.Register(TenantIds.Yulin, person.Id, ApplicantKinds.Person, person.Name, null, institution.Id,
            MonthStart.AddDays(-40), null, false, [ApplicationDocuments.IdCard], MonthStart.AddDays(-35), MonthStart.AddDays(-10), "test", now);
        db.Add(application);
        var entitlement = BenefitEntitlement.Grant(TenantIds.Yulin, person.Id, application.Id, 5, "等级5", "institution", institution.Id, MonthStart,
            null, null, "[]", "test", now);
        db.Add(entitlement);
        var plan = CarePlan.Draft(TenantIds.Yulin, entitlement.Id, institution.Id, MonthStart, null, "test", now);
        plan.AddItem(care, 7, "week", 60);
        plan.AddItem(bed, 7, "week", null);
        plan.Confirm(MonthStart, "test");
        db.Add(plan);
        await db.SaveChangesAsync();
        return new ClaimsProvider(institution.Code, institution.Name, person.Id, person.Name, person.IdNumber.Value, care, bed);
    }

    /// <summary>The machine's clock moved to <c>start</c>: it keeps running, so timeouts and intervals behave as usual.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan offset = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}

/// <summary>A provider made for a test: its code and name, its entitled beneficiary and its two catalogue items.</summary>
public sealed record ClaimsProvider(string Code, string Name, Guid PersonId, string PersonName, string IdNumber, string CareItem, string BedItem);

[CollectionDefinition(Name)]
public sealed class ClaimsWebCollection : ICollectionFixture<ClaimsWebHost>
{
    public const string Name = "claims-web";
}
