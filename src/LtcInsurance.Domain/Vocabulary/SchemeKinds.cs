namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// The long-term care insurance schemes a person can be insured under (参保险种), as the tenant's eligibility rule
/// decides them: stored on each enrollment period and contribution bill. Codes, because the engine's results and
/// those rows carry them as text.
/// </summary>
public static class SchemeKinds
{
    public const string Employee = "employee";
    public const string Resident = "resident";
    public const string SpecialGroups = "special_groups";

    public static CodeList<string> Terms { get; } = new("参保险种",
    [
        new(Employee, Employee, "职工长期护理保险", "ZJ 二(一)、YZ 三、YL 二(一)") { Aliases = ["职工"] },
        new(Resident, Resident, "城乡居民长期护理保险", "ZJ 二(一)、JN 一、YL 二(一)、二(三)4") { Aliases = ["居民"] },
        new(SpecialGroups, SpecialGroups, "特殊群体长期护理保险", "SS 二(一)") { Aliases = ["特殊群体"] },
    ]);

    public static string ChineseName(string code) => Terms.IsKnown(code) ? Terms[code].ChineseName : code;
}
