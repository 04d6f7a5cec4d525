namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// How care is delivered (护理服务方式): the engine pays each mode by its own rule, institutions are admitted for the
/// modes they offer, and benefit expense is booked by mode. The order is the ledger's: the benefit expense accounts
/// 5101.01–5101.07 are numbered by it, so new modes go at the end.
/// </summary>
public enum ServiceMode
{
    /// <summary>居家护理 (staff of a designated institution visit the home).</summary>
    Home,

    /// <summary>社区护理.</summary>
    Community,

    /// <summary>机构护理 (the insured lives in the institution).</summary>
    Institution,

    /// <summary>医疗专护 (care in a hospital ward).</summary>
    MedicalSpecial,

    /// <summary>机构医疗护理.</summary>
    InstitutionMedical,

    /// <summary>居家医疗护理.</summary>
    HomeMedical,

    /// <summary>个人护理服务 (an individual care worker under agreement).</summary>
    IndividualCareWorker,

    /// <summary>居家亲情护理 (a family member cares, as a supplement).</summary>
    HomeFamily,
}

/// <summary>Codes, Chinese names and clauses of <see cref="ServiceMode"/>.</summary>
public static class ServiceModes
{
    public static CodeList<ServiceMode> Terms { get; } = new("服务方式",
    [
        new(ServiceMode.Home, "home", "居家护理", "ZJ 二(五)3、SS 二(五)1-2、YZ 四(四)、YL 二(四)2") { Aliases = ["居家", "居家上门护理"] },
        new(ServiceMode.Community, "community", "社区护理", "ZJ 二(五)3、YL 二(四)2") { Aliases = ["社区"] },
        new(ServiceMode.Institution, "institution", "机构护理", "ZJ 二(五)3、SS 二(五)1-2、YZ 四(四)、YL 二(四)2") { Aliases = ["机构"] },
        new(ServiceMode.MedicalSpecial, "medical_special", "医疗专护", "JN 三(二)"),
        new(ServiceMode.InstitutionMedical, "institution_medical", "机构医疗护理", "JN 三(二)"),
        new(ServiceMode.HomeMedical, "home_medical", "居家医疗护理", "JN 三(二)"),
        new(ServiceMode.IndividualCareWorker, "individual_care_worker", "个人护理服务", "SS 二(五)1-2、YZ 四(一)1"),
        new(ServiceMode.HomeFamily, "home_family", "居家亲情护理", "ZJ 二(五)3"),
    ]);

    public static string Code(this ServiceMode mode) => Terms[mode].Code;

    public static string ChineseName(this ServiceMode mode) => Terms[mode].ChineseName;

    public static string Clause(this ServiceMode mode) => Terms[mode].Clause;
}
