using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// Working status as recorded by the medical insurance register (就业状态); contribution rules depend on it. One type
/// for the register, the policy engine and register files. The database stores the member name in snake_case
/// (<c>flexibly_employed</c>); files and the calculator's JSON use <see cref="EmploymentStatuses.Code"/> (<c>flexible</c>).
/// </summary>
public enum EmploymentStatus
{
    /// <summary>在职.</summary>
    Employed,

    /// <summary>退休.</summary>
    Retired,

    /// <summary>灵活就业.</summary>
    FlexiblyEmployed,

    /// <summary>无工作单位 (residents, children, students).</summary>
    NotEmployed,

    /// <summary>领取失业保险金 (insured under the employee scheme like flexible workers, YL 二(三)3).</summary>
    UnemployedBenefit,
}

/// <summary>Codes, Chinese names and clauses of <see cref="EmploymentStatus"/>.</summary>
public static class EmploymentStatuses
{
    public static CodeList<EmploymentStatus> Terms { get; } = new("就业状态",
    [
        new(EmploymentStatus.Employed, "employed", "在职", "YL 二(三)1"),
        new(EmploymentStatus.Retired, "retired", "退休", "YL 二(三)2"),
        new(EmploymentStatus.FlexiblyEmployed, "flexible", "灵活就业", "YL 二(三)3"),
        new(EmploymentStatus.UnemployedBenefit, "unemployed_benefit", "领取失业保险金", "YL 二(三)3") { Aliases = ["领取失业金", "失业"] },
        new(EmploymentStatus.NotEmployed, "none", "无工作单位", "YL 二(三)4、二(三)6") { Aliases = ["无"] },
    ]);

    public static string Code(this EmploymentStatus status) => Terms[status].Code;

    public static string ChineseName(this EmploymentStatus status) => Terms[status].ChineseName;

    public static string Clause(this EmploymentStatus status) => Terms[status].Clause;
}
