using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// Demo values (演示值) for the provider register: agreement dates, an obviously fake bank account and liability policy for
/// each demo institution that has none, a few care workers, and a tiny catalogue per city whose item names say 演示值 (we
/// ship no real catalogue; an admin imports the city's own, which closes the demo items). Written as the owner, once.
/// </summary>
internal static class DemoProviders
{
    public const string DemoMark = "演示值";

    private static readonly DateOnly CatalogueFrom = new(2026, 1, 1);

    private static readonly (string Code, string Name, string Category, string Unit, decimal? Price, string? Qualification)[] DemoItems =
    [
        ("DEMO-C01", $"助浴（{DemoMark}）", LineCategories.Care, "次", null, CareQualifications.Code(CareQualification.Caregiver)),
        ("DEMO-C02", $"生活照料（{DemoMark}）", LineCategories.Care, "日", null, CareQualifications.Code(CareQualification.Caregiver)),
        ("DEMO-M01", $"基础护理（{DemoMark}）", LineCategories.MedicalCare, "日", null, CareQualifications.Code(CareQualification.Nurse)),
        ("DEMO-B01", $"床位（{DemoMark}）", LineCategories.Bed, "日", null, null),
        ("DEMO-F01", $"膳食（{DemoMark}）", LineCategories.Meal, "日", null, null),
    ];

    public static async Task SeedAsync(LtcDbContext db, CancellationToken ct)
    {
        var institutions = await db.Institutions.IgnoreQueryFilters().Where(i => i.AgreementFrom == null).ToListAsync(ct);
        var staffed = (await db.Set<CareWorker>().IgnoreQueryFilters().Select(w => w.InstitutionId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = DateTimeOffset.UtcNow;
        var n = 0;
        foreach (var institution in institutions.OrderBy(i => i.TenantId).ThenBy(i => i.Code))
        {
            n++;
            institution.AgreementFrom = new DateOnly(2024, 1, 1);
            institution.AgreementTo = new DateOnly(2028, 12, 31);
            institution.BankName = $"演示银行（{DemoMark}）";
            institution.BankAccountName = institution.Name;
            institution.BankAccountNumber = $"6200000000000{n:D4}";
            institution.LiabilityInsurancePolicy = $"DEMO-LIAB-{institution.Code}";
            institution.LiabilityInsuranceTo = new DateOnly(2027, 12, 31);
            if (staffed.Contains(institution.Id))
                continue;
            var workers = new (string Name, CareQualification[] Qualifications)[]
            {
                ("演示护士甲", [CareQualification.Nurse]),
                ("演示护理员乙", [CareQualification.Caregiver]),
                ("演示护理员丙", [CareQualification.Caregiver, CareQualification.Rehab]),
            };
            for (var w = 0; w < workers.Length; w++)
            {
                var idNumber = IdNumber.Create(institution.RegionCode, new DateOnly(1975 + w, 3, 1 + n % 27), 700 + (n * 3) + w).ToString();
                db.Set<CareWorker>().Add(CareWorker.Register(institution.TenantId, institution.Id, workers[w].Name, idNumber,
                    workers[w].Qualifications.Select(q => q.Code()), "system", now));
            }
        }

        var catalogued = (await db.Set<ServiceItem>().IgnoreQueryFilters().Select(i => i.TenantId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var tenant in DemoData.Tenants.Select(t => t.Id).Where(t => !catalogued.Contains(t)))
        {
            foreach (var item in DemoItems)
            {
                db.Set<ServiceItem>().Add(ServiceItem.Create(tenant, item.Code, item.Name, item.Category, item.Unit, item.Price,
                    item.Qualification, null, null, CatalogueFrom));
            }

            db.Set<ServiceCatalogueVersion>().Add(ServiceCatalogueVersion.Record(tenant, CatalogueFrom, $"演示目录（{DemoMark}）", new string('0', 64),
                DemoItems.Length, "system", now));
        }

        await db.SaveChangesAsync(ct);
    }
}
