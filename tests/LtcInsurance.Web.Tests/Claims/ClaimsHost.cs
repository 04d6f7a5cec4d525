using System.Security.Claims;
using LtcInsurance.Application.Claims.SubmitClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users.CreateUser;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Web.Security;
using LtcInsurance.Web.Tenancy;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecurityClaim = System.Security.Claims.Claim;

namespace LtcInsurance.Web.Tests.Claims;

/// <summary>
/// The application as <see cref="LtcWebHost"/> starts it (static web assets, demo data, own throwaway PostgreSQL) on a clock that runs
/// from 2027-02-05 10:00 in China: inside the window of the January 2027 claims (demo close day: the 10th; Yulin insures
/// from 2027-01-01), whatever day the tests run. One host for the claims pages, the claims REST API and the monthly
/// claim pages: each collection (<see cref="ClaimsWebCollection"/>, <see cref="Api.ClaimsApiCollection"/>) starts its own.
/// Providers with an entitled beneficiary are added per test (<see cref="ProviderAsync"/>); use cases run in the
/// application's own scope as a user of the test's choosing (<see cref="SendAsync{T}"/>), as a circuit sends them; browser
/// tests sign in as users made per test (<see cref="SignInAsync"/>, <see cref="SignedInClientAsync"/>).
/// </summary>
/// <remarks>
/// The API tests once ran on a clock standing at that instant; nothing in them needs it to stand (they compare with what
/// they submitted, not with the instant), and a running clock keeps timeouts, intervals and the order of events as usual.
/// </remarks>
public sealed class ClaimsHost() : LtcWebHost(new ShiftedClock(Start))
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
    /// A new Yulin institution (institution and home care; code <paramref name="codePrefix"/>NNN, names beginning with
    /// <paramref name="namePrefix"/>) with one enrolled demo beneficiary entitled to institution care there from January 2027
    /// under a confirmed care plan of two new catalogue items (care 80.00, bed 30.00), written through the application role.
    /// </summary>
    public async Task<ClaimsProvider> ProviderAsync(string codePrefix = "REV", string namePrefix = "审核测试")
    {
        var now = Start;
        var n = Interlocked.Increment(ref sequence);
        await using var db = new LtcDbContext(LtcDbContextOptions.ForApplication(AppConnectionString), new FixedCurrentTenant(TenantIds.Yulin));
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

    /// <summary>
    /// Submits the provider's January 2027 claim through the use case, as its institution user would (in a scope of the
    /// running application, on its clock): care (80.00) and bed (30.00) on each of the first <paramref name="days"/> days.
    /// </summary>
    public async Task<ClaimSubmission> SubmitClaimAsync(ClaimsProvider provider, int days = 2)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new SecurityClaim(ClaimTypes.NameIdentifier, $"test-{provider.Code}"),
            new SecurityClaim(ClaimTypes.Name, $"institution.test.{provider.Code}"),
            new SecurityClaim(ClaimTypes.Role, Roles.Institution),
            new SecurityClaim(LtcClaimTypes.Tenant, TenantIds.Yulin),
            new SecurityClaim(LtcClaimTypes.ProviderCode, provider.Code),
        ], "test", ClaimTypes.Name, ClaimTypes.Role));
        var lines = Enumerable.Range(1, days).SelectMany(d => new[]
        {
            new LtcInsurance.Domain.Claims.ClaimLineInput((2 * d) - 1, provider.IdNumber, MonthStart.AddDays(d - 1), provider.CareItem, 1, 80m),
            new LtcInsurance.Domain.Claims.ClaimLineInput(2 * d, provider.IdNumber, MonthStart.AddDays(d - 1), provider.BedItem, 1, 30m),
        }).ToList();
        var submitted = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new SubmitClaimCommand(provider.Code, "2027-01", lines, "test-" + Guid.NewGuid().ToString("N")));
        return submitted.Accepted ? submitted : throw new InvalidOperationException(string.Join("; ", submitted.Problems.Select(p => $"{p.LineNo} {p.Code}")));
    }

    /// <summary>
    /// A claim file (csv, the template's header) of the provider's January 2027: care and bed on each of the first
    /// <paramref name="days"/> days, then any <paramref name="extraRows"/> (cells after the line number, comma-separated).
    /// </summary>
    public static byte[] ClaimCsv(ClaimsProvider provider, int days, params string[] extraRows)
    {
        var rows = new List<string> { "行号/line_no,服务对象身份证号/id_number,服务日期/day,项目编码/item_code,类别/category,数量/quantity,金额/amount,护理人员身份证号/care_worker_id_number" };
        for (var d = 1; d <= days; d++)
        {
            rows.Add($"{(2 * d) - 1},{provider.IdNumber},2027-01-{d:D2},{provider.CareItem},生活照料,1,80.00,");
            rows.Add($"{2 * d},{provider.IdNumber},2027-01-{d:D2},{provider.BedItem},床位,1,30.00,");
        }

        rows.AddRange(extraRows.Select((r, i) => $"{(2 * days) + i + 1},{r}"));
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n");
    }

    /// <summary>The password the users made by <see cref="UserAsync"/> set at their first sign-in.</summary>
    public const string UserPassword = "Claims-Passw0rd-2027";

    /// <summary>
    /// A new Yulin user with <paramref name="role"/> (an institution user bound to <paramref name="institutionCode"/>), made by
    /// Yulin's admin through the use case in a scope of the running application (on its clock): the user name and the
    /// one-time password, which must be changed at the first sign-in.
    /// </summary>
    public async Task<(string UserName, string OneTimePassword)> UserAsync(string role, string? institutionCode = null)
    {
        var userName = $"{role}.claims{Interlocked.Increment(ref sequence)}.{Guid.NewGuid():N}"[..40];
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CircuitUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new SecurityClaim(ClaimTypes.NameIdentifier, "test-admin-yulin"),
            new SecurityClaim(ClaimTypes.Name, "admin.claims-tests"),
            new SecurityClaim(ClaimTypes.Role, Roles.Admin),
            new SecurityClaim(LtcClaimTypes.Tenant, TenantIds.Yulin),
        ], "test", ClaimTypes.Name, ClaimTypes.Role));
        var created = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new CreateUserCommand(TenantIds.Yulin, userName, "申报测试" + role, role, institutionCode));
        return created.Done ? (userName, created.OneTimePassword!) : throw new InvalidOperationException(created.Refusal);
    }

    /// <summary>A browser signed in as a new user (<see cref="UserAsync"/>), its password changed, on the home page.</summary>
    public async Task<UiSession> SignInAsync(string role, string? institutionCode = null)
    {
        var (userName, oneTime) = await UserAsync(role, institutionCode);
        return await UiSession.SignInWithOneTimePasswordAsync(ServerAddress, userName, oneTime, UserPassword);
    }

    /// <summary>An HTTP client (cookies kept, redirects not followed) signed in as a new user (<see cref="UserAsync"/>).</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? institutionCode = null)
    {
        var (userName, oneTime) = await UserAsync(role, institutionCode);
        var client = CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, userName, oneTime);
        await SignIn.ChangePasswordAsync(client, oneTime, UserPassword);
        return client;
    }

    /// <summary>The machine's clock moved to <c>start</c>: it keeps running, so timeouts and intervals behave as usual.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan offset = start - DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}

/// <summary>A provider made for a test: its code and name, its entitled beneficiary (ID number) and its two catalogue items.</summary>
public sealed record ClaimsProvider(string Code, string Name, Guid PersonId, string PersonName, string IdNumber, string CareItem, string BedItem);

[CollectionDefinition(Name)]
public sealed class ClaimsWebCollection : ICollectionFixture<ClaimsHost>
{
    public const string Name = "claims-web";
}
