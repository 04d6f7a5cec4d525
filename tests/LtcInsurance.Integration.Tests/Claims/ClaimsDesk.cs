using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Infrastructure;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Claims;

/// <summary>A clock standing at one moment (the claims window depends on the business day).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>The use cases wired as the web app wires them, acting as one user, on a given clock.</summary>
internal sealed class ClockedHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public ClockedHost(string appConnectionString, CurrentUser user, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddLtcApplication();
        services.AddLtcInfrastructure(appConnectionString);
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _services.CreateAsyncScope();
        Sender = _scope.ServiceProvider.GetRequiredService<ISender>();
    }

    public ISender Sender { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public Task<T> Send<T>(IRequest<T> request) => Sender.Send(request);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>
/// One tenant's claims desk on a test cluster: the provider's user, clerks by name, and the records a claim needs
/// (people, an entitlement with its concluding application, a confirmed care plan, hospital stays, catalogue items).
/// </summary>
internal sealed class ClaimsDesk(string appConnectionString, string tenant, FixedClock clock)
{
    private static int _sequence;

    public string Tenant => tenant;

    public FixedClock Clock => clock;

    public string AppConnectionString => appConnectionString;

    public ClockedHost Provider(string providerCode) =>
        new(appConnectionString, new CurrentUser("inst-" + providerCode, "institution." + providerCode, tenant, [Roles.Institution]) { ProviderCode = providerCode }, clock);

    public ClockedHost Clerk(string name) => new(appConnectionString, new CurrentUser("id-" + name, name, tenant, [Roles.Clerk]), clock);

    public ClockedHost Auditor() => new(appConnectionString, new CurrentUser("id-auditor-" + tenant, "auditor.test." + tenant, tenant, [Roles.Auditor]), clock);

    public LtcDbContext App() => new(LtcDbContextOptions.ForApplication(appConnectionString), new FixedCurrentTenant(tenant));

    /// <summary>Sets the claims figures (window close day 10; second approver above <paramref name="secondApprovalAbove"/>).</summary>
    public async Task SetClaimParametersAsync(decimal secondApprovalAbove)
    {
        var admins = new ParameterAdmins(appConnectionString, tenant);
        await admins.SetAsync(CommonParameters.ClaimWindowCloseDay, "10", new DateOnly(2020, 1, 1));
        await admins.SetAsync(CommonParameters.ClaimSecondApprovalAbove, secondApprovalAbove.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2020, 1, 1));
    }

    public async Task<Institution> InstitutionAsync(string name, string region, string[] modes, int? level)
    {
        await using var db = App();
        var institution = new Institution
        {
            TenantId = tenant, Code = $"CLM{Interlocked.Increment(ref _sequence):D4}", Name = name, RegionCode = region, ServiceModes = modes,
            MedicalInstitutionLevel = level,
        };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        return institution;
    }

    public async Task<InsuredPerson> PersonAsync(string name, string region)
    {
        await using var db = App();
        return await RegisterDatabase.AddPersonAsync(db, name, region, new DateOnly(1940, 3, 3), MedicalInsuranceScheme.Employee, EmploymentStatus.Retired);
    }

    /// <summary>An entitlement (with the concluding application it rests on) and a confirmed care plan of the provider.</summary>
    public async Task<BenefitEntitlement> EntitleAsync(InsuredPerson person, Institution provider, int level, string mode, DateOnly from, params string[] planItems)
    {
        await using var db = App();
        var application = AssessmentApplication.Register(tenant, person.Id, ApplicantKinds.Person, person.Name, null, provider.Id,
            from.AddDays(-40), null, false, [ApplicationDocuments.IdCard], from.AddDays(-35), from.AddDays(-10), "test", DateTimeOffset.UtcNow);
        db.Add(application);
        var entitlement = BenefitEntitlement.Grant(tenant, person.Id, application.Id, level, $"等级{level}", mode, provider.Id, from, null, null, "[]",
            "test", DateTimeOffset.UtcNow);
        db.Add(entitlement);
        var plan = CarePlan.Draft(tenant, entitlement.Id, provider.Id, from, null, "test", DateTimeOffset.UtcNow);
        foreach (var item in planItems)
            plan.AddItem(item, 7, "week", 60);
        plan.Confirm(from, "test");
        db.Add(plan);
        await db.SaveChangesAsync();
        return entitlement;
    }

    public async Task HospitalStayAsync(InsuredPerson person, DateOnly admitted, DateOnly discharged)
    {
        await using var db = App();
        var stay = HospitalStayRecord.Admit(tenant, person.Id, admitted, "市人民医院", "test", DateTimeOffset.UtcNow);
        stay.Discharge(discharged, "test", DateTimeOffset.UtcNow);
        db.Add(stay);
        await db.SaveChangesAsync();
    }

    /// <summary>Catalogue items valid from 2020 (code, category, price, required qualification).</summary>
    public async Task CatalogueAsync(params (string Code, string Category, decimal? Price, string? Qualification)[] items)
    {
        await using var db = App();
        foreach (var (code, category, price, qualification) in items)
        {
            db.Add(Domain.Providers.ServiceItem.Create(tenant, code, "测试项目" + code, category, "次", price, qualification, null, null,
                new DateOnly(2020, 1, 1)));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Debit-positive balance of the accounts whose code starts with <paramref name="prefix"/>.</summary>
    public async Task<decimal> BalanceAsync(string prefix)
    {
        await using var db = App();
        return await db.Set<JournalPostingRecord>().Where(p => p.AccountCode.StartsWith(prefix))
            .SumAsync(p => p.Side == "D" ? p.Amount : -p.Amount);
    }
}
