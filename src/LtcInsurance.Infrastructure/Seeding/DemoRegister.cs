using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Tenancy;

namespace LtcInsurance.Infrastructure.Seeding;

/// <summary>
/// A deterministic, fictitious insured register for a tenant: Chinese names, valid ID numbers of the tenant's
/// districts, an older population (long-term care is mostly for the elderly) and the medical insurance the
/// city's scheme covers.
/// </summary>
internal static class DemoRegister
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余",
    ];

    private static readonly string[] MaleGiven =
        ["伟", "强", "军", "国", "建", "明", "华", "志", "平", "海", "德", "福", "荣", "文", "斌", "刚", "勇", "庆", "忠", "林"];

    private static readonly string[] FemaleGiven =
        ["芳", "秀", "英", "兰", "珍", "梅", "玉", "桂", "凤", "霞", "丽", "娟", "萍", "红", "琴", "云", "华", "敏", "静", "淑"];

    private static readonly DateTimeOffset RegisteredFrom = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    public static IEnumerable<InsuredPerson> Generate(Tenant tenant, int seed, int count)
    {
        var random = new Random(seed);
        // Districts where the city has them; the city code itself only for a single-area scheme.
        var regions = tenant.RegionCodes.Length > 1 ? tenant.RegionCodes[1..] : tenant.RegionCodes;
        var used = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var region = regions[random.Next(regions.Length)];
            // About 70% aged 60 or more on the reference date 2026-01-01.
            var birthYear = random.NextDouble() < 0.7 ? random.Next(1930, 1966) : random.Next(1966, 2006);
            var birthDate = new DateOnly(birthYear, 1, 1).AddDays(random.Next(365));
            IdNumber id;
            do
            {
                id = IdNumber.Create(region, birthDate, random.Next(1, 1000));
            }
            while (!used.Add(id.Value));

            var sex = id.Sex;
            var given = sex == Sex.Male ? MaleGiven : FemaleGiven;
            var name = Surnames[random.Next(Surnames.Length)] + given[random.Next(given.Length)]
                       + (random.Next(3) == 0 ? "" : given[random.Next(given.Length)]);
            var scheme = SchemeFor(tenant.Id, region, random);
            var age = 2026 - birthYear;
            // The draws in the order they always had (phone before employment), so the demo register stays as it was.
            var phone = DemoData.Invariant($"1{"3589"[random.Next(4)]}{random.Next(100_000_000, 1_000_000_000)}");
            // Deterministic (no draw from the random sequence, so the rest of the demo register stays as it was).
            var address = DemoData.Invariant($"{tenant.NameZh}康宁路{i % 300 + 1}号");
            var employment = scheme == MedicalInsuranceScheme.Resident ? EmploymentStatus.NotEmployed
                : age >= 60 ? EmploymentStatus.Retired
                : random.Next(5) == 0 ? EmploymentStatus.FlexiblyEmployed
                : EmploymentStatus.Employed;
            yield return InsuredPerson.Register(
                tenant.Id, id, name, sex, birthDate, region, scheme, employment, RegisteredFrom.AddMinutes(i * 7), phone, address);
        }
    }

    /// <summary>Which medical insurance the demo population holds, following who each city's scheme covers.</summary>
    private static MedicalInsuranceScheme SchemeFor(string tenantId, string region, Random random) => tenantId switch
    {
        // Jining covers resident enrollees; Shishi's target groups are mostly resident enrollees.
        TenantIds.Jining => MedicalInsuranceScheme.Resident,
        TenantIds.Shishi => random.Next(5) == 0 ? MedicalInsuranceScheme.Employee : MedicalInsuranceScheme.Resident,
        // Zhenjiang covers residents only in 扬中市 (321182).
        TenantIds.Zhenjiang when region == "321182" => random.Next(2) == 0 ? MedicalInsuranceScheme.Employee : MedicalInsuranceScheme.Resident,
        _ => MedicalInsuranceScheme.Employee,
    };
}
