using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Providers;

/// <summary>
/// Qualifications of care staff registered by real name (实名制管理): what a service item may require of the worker who
/// delivers it. The cities name the kinds of staff (SS 二(五)1: 医生、护理人员…; YZ 四(一)1: 实名制管理); which item needs
/// which qualification is the tenant's catalogue (<see cref="ServiceItem.RequiredQualification"/>).
/// </summary>
public enum CareQualification
{
    /// <summary>护士 (registered nurse).</summary>
    Nurse,

    /// <summary>护理员 (care worker, 养老护理员/医疗护理员).</summary>
    Caregiver,

    /// <summary>医师.</summary>
    Doctor,

    /// <summary>康复治疗师.</summary>
    Rehab,
}

/// <summary>Codes, Chinese names and clauses of <see cref="CareQualification"/>.</summary>
public static class CareQualifications
{
    public static CodeList<CareQualification> Terms { get; } = new("护理人员资格",
    [
        new(CareQualification.Nurse, "nurse", "护士", "SS 二(五)1、YZ 四(一)1") { Aliases = ["护理人员"] },
        new(CareQualification.Caregiver, "caregiver", "护理员", "SS 二(五)1、YZ 四(一)1") { Aliases = ["养老护理员", "医疗护理员"] },
        new(CareQualification.Doctor, "doctor", "医师", "SS 二(五)1") { Aliases = ["医生"] },
        new(CareQualification.Rehab, "rehab", "康复治疗师", "SS 二(五)1") { Aliases = ["康复"] },
    ]);

    /// <summary>Every code, in documented order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Terms.Codes];

    public static string Code(this CareQualification qualification) => Terms[qualification].Code;

    public static string ChineseName(this CareQualification qualification) => Terms[qualification].ChineseName;

    /// <summary>The Chinese name of a stored code (the code itself when unknown).</summary>
    public static string ChineseNameOf(string code) => Terms.TryParse(code, out var value) ? value.ChineseName() : code;
}
