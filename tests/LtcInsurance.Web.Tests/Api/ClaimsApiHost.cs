using System.Net;
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

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// The application as <see cref="LtcWebHost"/> starts it (own throwaway PostgreSQL, demo data), but on a clock
/// standing at 2027-02-05 10:00 in China (Yulin insures from 2027-01-01), inside the window of the January 2027 claims (demo close day: the 10th), so
/// the claims API tests do not depend on the day they run. Providers, beneficiaries with entitlements and care plans, and
/// catalogue items are added per test (<see cref="ProviderAsync"/>). The pages run here too (static web assets served):
/// browser tests sign in as users made per test (<see cref="SignInAsync"/>, <see cref="SignedInClientAsync"/>).
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
        var made = await LtcInsurance.Web.Tests.Claims.ClaimsWebHost.EntitledProviderAsync(AppConnectionString, "API", "接口测试", Now);
        return new ClaimsProvider(made.Code, made.IdNumber, made.CareItem, made.BedItem);
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
            new Claim(ClaimTypes.NameIdentifier, $"test-{provider.Code}"),
            new Claim(ClaimTypes.Name, $"institution.test.{provider.Code}"),
            new Claim(ClaimTypes.Role, Roles.Institution),
            new Claim(LtcClaimTypes.Tenant, TenantIds.Yulin),
            new Claim(LtcClaimTypes.ProviderCode, provider.Code),
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
            new Claim(ClaimTypes.NameIdentifier, "test-admin-yulin"),
            new Claim(ClaimTypes.Name, "admin.claims-tests"),
            new Claim(ClaimTypes.Role, Roles.Admin),
            new Claim(LtcClaimTypes.Tenant, TenantIds.Yulin),
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
