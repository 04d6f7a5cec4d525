using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// The application as <see cref="LtcWebHost"/> starts it (own throwaway PostgreSQL, demo data), but on a clock
/// standing at 2027-02-05 10:00 in China (Yulin insures from 2027-01-01), inside the window of the January 2027 claims (demo close day: the 10th), so
/// the claims API tests do not depend on the day they run. Providers, beneficiaries with entitlements and care plans, and
/// catalogue items are added per test (<see cref="ProviderAsync"/>).
/// </summary>
public sealed class ClaimsApiHost() : LtcWebHost(new StandingClock(Now))
{
    public static readonly DateTimeOffset Now = new(2027, 2, 5, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly MonthStart = new(2027, 1, 1);
    private static int sequence;

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
