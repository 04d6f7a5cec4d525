namespace LtcInsurance.Domain.Providers;

/// <summary>
/// Who holds a provider agreement: a designated institution (定点护理服务机构), or an individual care worker
/// (个体服务人员, SS 二(五)1 and YZ 四(一)1), who claims and is paid as a provider too (SS 二(五)3, YZ 四(四)).
/// </summary>
public static class ProviderKinds
{
    public const string Institution = "institution";
    public const string Individual = "individual";

    public static IReadOnlyList<string> All { get; } = [Institution, Individual];

    public static string ChineseName(string kind) => kind switch
    {
        Institution => "定点护理服务机构",
        Individual => "个体服务人员",
        _ => kind,
    };
}
