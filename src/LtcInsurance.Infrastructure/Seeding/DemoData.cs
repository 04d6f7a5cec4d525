using System.Globalization;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// Development and demo data: the five tenants (from their city modules), the roles, one user per role and tenant plus a platform admin,
/// a few designated institutions and about 200 insured people per tenant. Idempotent: adds only what is missing.
/// Runs as the owner role (row-level security does not apply to it).
/// </summary>
public static class DemoData
{
    /// <summary>Development password of every demo user. Never deploy demo data.</summary>
    public const string Password = "Ltc@2026demo";

    public const string PlatformAdminUserName = "admin";

    public const int InsuredPeoplePerTenant = 200;

    /// <summary>The demo tenants: one per built-in city module (<see cref="CityRegistry.BuiltIn"/>), as the module declares it.</summary>
    public static IReadOnlyList<Tenant> Tenants { get; } = [.. CityRegistry.BuiltIn.Modules.Select(m => m.ToTenant())];

    private static readonly Dictionary<string, string> RoleNamesZh = new()
    {
        [Roles.Clerk] = "经办人员",
        [Roles.Institution] = "定点机构",
        [Roles.Assessor] = "评估人员",
        [Roles.Auditor] = "基金监管人员",
        [Roles.Admin] = "管理员",
    };

    private static readonly string InstitutionCare = ServiceMode.Institution.Code();
    private static readonly string HomeCare = ServiceMode.Home.Code();
    private static readonly string MedicalSpecialCare = ServiceMode.MedicalSpecial.Code();

    /// <summary>Fictitious designated institutions: (tenant, code, name, service modes, medical level, region).</summary>
    private static readonly (string Tenant, string Code, string Name, string[] Modes, int? Level, string Region)[] InstitutionRows =
    [
        (TenantIds.Zhenjiang, "ZJ0001", "镇江康宁护理院", [InstitutionCare, HomeCare], null, "321102"),
        (TenantIds.Zhenjiang, "ZJ0002", "润州颐养护理中心", [InstitutionCare], null, "321111"),
        (TenantIds.Zhenjiang, "ZJ0003", "扬中仁和医院", [MedicalSpecialCare, HomeCare], 2, "321182"),
        (TenantIds.Shishi, "SS0001", "石狮福寿护理院", [InstitutionCare, HomeCare], null, "350581"),
        (TenantIds.Shishi, "SS0002", "石狮安康医院", [MedicalSpecialCare, HomeCare], 1, "350581"),
        (TenantIds.Jining, "JN0001", "任城康乐护理中心", [InstitutionCare, HomeCare], null, "370811"),
        (TenantIds.Jining, "JN0002", "曲阜仁爱医院", [MedicalSpecialCare, HomeCare], 2, "370881"),
        (TenantIds.Jining, "JN0003", "邹城颐年居家护理服务站", [HomeCare], null, "370883"),
        (TenantIds.Yuzhong, "YZ0001", "渝中安宁护理院", [InstitutionCare, HomeCare], null, "500103"),
        (TenantIds.Yuzhong, "YZ0002", "渝中康复医院", [MedicalSpecialCare], 2, "500103"),
        (TenantIds.Yulin, "YL0001", "玉林颐康护理院", [InstitutionCare, HomeCare], null, "450902"),
        (TenantIds.Yulin, "YL0002", "北流民康医院", [MedicalSpecialCare, InstitutionCare], 2, "450981"),
        (TenantIds.Yulin, "YL0003", "容县居家养护服务中心", [HomeCare], null, "450921"),
    ];

    public static string UserName(string role, string tenantId) => $"{role}.{tenantId}";

    public static async Task SeedAsync(LtcDbContext db, CancellationToken ct = default)
    {
        await SeedTenantsAsync(db, ct);
        await SeedRolesAsync(db, ct);
        await SeedInstitutionsAsync(db, ct);
        await DemoProviders.SeedAsync(db, ct);
        await SeedUsersAsync(db, ct);
        await SeedInsuredPeopleAsync(db, ct);
    }

    private static async Task SeedTenantsAsync(LtcDbContext db, CancellationToken ct)
    {
        var existing = await db.Tenants.Select(t => t.Id).ToListAsync(ct);
        foreach (var tenant in Tenants.Where(t => !existing.Contains(t.Id)))
        {
            db.Tenants.Add(new Tenant
            {
                Id = tenant.Id, NameZh = tenant.NameZh, NameEn = tenant.NameEn,
                RegionCodes = [.. tenant.RegionCodes], SchemeStart = tenant.SchemeStart,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedRolesAsync(LtcDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.NormalizedName).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !existing.Contains(Normalize(r))))
        {
            db.Roles.Add(new AppRole(role)
            {
                Id = Guid.CreateVersion7(), NormalizedName = Normalize(role), ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedInstitutionsAsync(LtcDbContext db, CancellationToken ct)
    {
        var existing = await db.Institutions.IgnoreQueryFilters().Select(i => i.TenantId + "/" + i.Code).ToListAsync(ct);
        foreach (var row in InstitutionRows.Where(r => !existing.Contains(r.Tenant + "/" + r.Code)))
        {
            db.Institutions.Add(new Institution
            {
                TenantId = row.Tenant, Code = row.Code, Name = row.Name, ServiceModes = row.Modes,
                MedicalInstitutionLevel = row.Level, RegionCode = row.Region, Status = InstitutionStatus.Active,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedUsersAsync(LtcDbContext db, CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var existing = (await db.Users.Select(u => u.NormalizedUserName).ToListAsync(ct)).ToHashSet();
        var hasher = new PasswordHasher<AppUser>();

        void Add(string userName, string? tenantId, string role, string displayName, string? providerCode, string? agencyCode = null)
        {
            if (existing.Contains(Normalize(userName)))
                return;
            var email = $"{userName}@demo.ltc.invalid";
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                NormalizedUserName = Normalize(userName),
                Email = email,
                NormalizedEmail = Normalize(email),
                EmailConfirmed = true,
                TenantId = tenantId,
                DisplayName = displayName,
                ProviderCode = providerCode,
                AgencyCode = agencyCode,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
        }

        Add(PlatformAdminUserName, null, Roles.Admin, "平台管理员", null);
        foreach (var tenant in Tenants)
        {
            var provider = InstitutionRows.First(r => r.Tenant == tenant.Id).Code;
            foreach (var role in Roles.All)
            {
                Add(UserName(role, tenant.Id), tenant.Id, role, tenant.NameZh + RoleNamesZh[role],
                    role == Roles.Institution ? provider : null, role == Roles.Assessor ? DemoAssessment.AgencyCode(tenant.Id) : null);
            }
        }

        // demo assessor users seeded before the demo agencies existed are bound to them now (their worklists: DemoAssessment)
        var assessors = Tenants.ToDictionary(t => Normalize(UserName(Roles.Assessor, t.Id)), t => DemoAssessment.AgencyCode(t.Id));
        var unbound = await db.Users.Where(u => u.AgencyCode == null && assessors.Keys.Contains(u.NormalizedUserName!)).ToListAsync(ct);
        foreach (var user in unbound)
            user.AgencyCode = assessors[user.NormalizedUserName!];

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedInsuredPeopleAsync(LtcDbContext db, CancellationToken ct)
    {
        var populated = await db.InsuredPeople.IgnoreQueryFilters().Select(p => p.TenantId).Distinct().ToListAsync(ct);
        for (var index = 0; index < Tenants.Count; index++)
        {
            var tenant = Tenants[index];
            if (populated.Contains(tenant.Id))
                continue;
            db.InsuredPeople.AddRange(DemoRegister.Generate(tenant, seed: 20261123 + index, InsuredPeoplePerTenant));
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Normalize(string value) => value.ToUpperInvariant();

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
