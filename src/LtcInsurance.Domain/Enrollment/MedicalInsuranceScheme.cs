using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// The basic medical insurance a person is enrolled in (医保类型); long-term care insurance follows it (each city
/// decides which of the two it covers). One type for the register, the policy engine and register files; the
/// database stores the member name in snake_case, which is also its <see cref="MedicalInsuranceSchemes.Code"/>.
/// </summary>
public enum MedicalInsuranceScheme
{
    /// <summary>职工基本医疗保险.</summary>
    Employee,

    /// <summary>城乡居民基本医疗保险.</summary>
    Resident,

    /// <summary>未参加基本医疗保险 (e.g. a Yulin orphan deemed insured, YL 二(三)6).</summary>
    None,
}

/// <summary>Codes, Chinese names and clauses of <see cref="MedicalInsuranceScheme"/>.</summary>
public static class MedicalInsuranceSchemes
{
    public static CodeList<MedicalInsuranceScheme> Terms { get; } = new("医保类型",
    [
        new(MedicalInsuranceScheme.Employee, "employee", "职工基本医疗保险", "ZJ 二(一)、YZ 三、YL 二(一)") { Aliases = ["职工", "职工医保"] },
        new(MedicalInsuranceScheme.Resident, "resident", "城乡居民基本医疗保险", "ZJ 二(一)、JN 一、YL 二(一)") { Aliases = ["居民", "居民医保"] },
        new(MedicalInsuranceScheme.None, "none", "未参加基本医疗保险", "ZJ 二(一)、JN 一、YL 二(一)") { Aliases = ["无"] },
    ]);

    public static string Code(this MedicalInsuranceScheme scheme) => Terms[scheme].Code;

    public static string ChineseName(this MedicalInsuranceScheme scheme) => Terms[scheme].ChineseName;

    public static string Clause(this MedicalInsuranceScheme scheme) => Terms[scheme].Clause;
}
