namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// Person categories (人员类别) that change coverage or subsidies, as certified by civil affairs and others. They are
/// codes rather than an enum because a person holds several at once (dated, in the register) and tenant parameters
/// list them (<c>coveredGroups</c>, <c>subsidyRatio.&lt;status&gt;</c>).
/// </summary>
public static class PersonStatus
{
    public const string Dibao = "dibao";
    public const string Bianyuan = "bianyuan";
    public const string Tekun = "tekun";
    public const string Orphan = "orphan";
    public const string Fangfan = "fangfan";
    public const string MedicalAssistance = "medical_assistance";
    public const string WorkInjuryCareAllowance = "work_injury_care_allowance";

    public static CodeList<string> Terms { get; } = new("人员类别",
    [
        new(Dibao, Dibao, "低保对象", "SS 二(一)、YL 二(三)5") { Aliases = ["低保"] },
        new(Bianyuan, Bianyuan, "低保边缘困难户", "SS 二(一)") { Aliases = ["边缘困难户"] },
        new(Tekun, Tekun, "特困人员", "SS 二(一)、YL 二(三)5") { Aliases = ["特困"] },
        new(Orphan, Orphan, "孤儿", "SS 二(一)、YL 二(三)6"),
        new(Fangfan, Fangfan, "防止返贫致贫监测对象", "YL 二(三)5") { Aliases = ["防返贫"] },
        new(MedicalAssistance, MedicalAssistance, "医疗救助对象", "ZJ 二(三)"),
        new(WorkInjuryCareAllowance, WorkInjuryCareAllowance, "享受工伤生活护理费人员", "YL 二(一)"),
    ]);

    public static bool IsKnown(string code) => Terms.IsKnown(code);

    public static string ChineseName(string code) => Terms.IsKnown(code) ? Terms[code].ChineseName : code;
}
