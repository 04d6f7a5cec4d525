namespace LtcInsurance.Domain.Ledger;

/// <summary>Who pays a contribution (筹资渠道). ZJ 二(三), SS 二(三), JN 二 and 四, YL 二(三).</summary>
public enum ContributionPayer
{
    Individual,
    Employer,
    MedicalFundTransfer,
    FiscalShare,
    FiscalSubsidy,
    Donation,
}

/// <summary>
/// The standard chart of accounts every tenant starts with. The documents require the fund to be kept in
/// separate books (ZJ 三(一), SS 二(八), JN 四, YL 三(四)) inside the fiscal special account (YL 三(四));
/// the codes follow the usual social-insurance fund layout: 1 assets, 2 liabilities, 3 fund balance,
/// 4 income, 5 expense.
/// </summary>
public static class StandardChart
{
    public const string FundSpecialAccount = "1001";
    public const string PayableToInstitutions = "2101";
    public const string PayableToAssessors = "2102";
    public const string PayableToAgency = "2103";
    public const string AccumulatedSurplus = "3101";
    public const string AssessmentFees = "5201";
    public const string AgencyFees = "5301";

    public static string ContributionReceivable(ContributionPayer payer) => $"1101.{(int)payer + 1:D2}";
    public static string ContributionIncome(ContributionPayer payer) => $"4101.{(int)payer + 1:D2}";
    /// <summary>Benefit expense is booked by service mode (ZJ 二(五)3, JN 三(二), YZ 四(四), YL 二(四)2); accounts follow the enum's order.</summary>
    public static string BenefitExpense(ServiceMode mode) => $"5101.{(int)mode + 1:D2}";

    private static readonly (ContributionPayer Payer, string Name)[] Payers =
    [
        (ContributionPayer.Individual, "个人缴费"),
        (ContributionPayer.Employer, "单位缴费"),
        (ContributionPayer.MedicalFundTransfer, "医保统筹基金划转"),
        (ContributionPayer.FiscalShare, "财政补助"),
        (ContributionPayer.FiscalSubsidy, "财政资助参保补贴"),
        (ContributionPayer.Donation, "社会捐助"),
    ];

    private static readonly ServiceMode[] Modes =
    [
        ServiceMode.Home,
        ServiceMode.Community,
        ServiceMode.Institution,
        ServiceMode.MedicalSpecial,
        ServiceMode.InstitutionMedical,
        ServiceMode.HomeMedical,
        ServiceMode.IndividualCareWorker,
    ];

    /// <summary>The city-level accounts of a tenant.</summary>
    public static IReadOnlyList<Account> For(string tenantId)
    {
        var accounts = new List<Account>
        {
            new(tenantId, FundSpecialAccount, "基金专户存款", AccountType.Asset),
        };
        accounts.AddRange(Payers.Select(p =>
            new Account(tenantId, ContributionReceivable(p.Payer), $"应收保险费—{p.Name}", AccountType.Asset)));
        accounts.Add(new(tenantId, PayableToInstitutions, "应付护理服务机构款", AccountType.Liability));
        accounts.Add(new(tenantId, PayableToAssessors, "应付评估机构款", AccountType.Liability));
        accounts.Add(new(tenantId, PayableToAgency, "应付经办机构款", AccountType.Liability));
        accounts.Add(new(tenantId, AccumulatedSurplus, "累计结余", AccountType.Equity));
        accounts.AddRange(Payers.Select(p =>
            new Account(tenantId, ContributionIncome(p.Payer), $"保险费收入—{p.Name}收入", AccountType.Income)));
        accounts.AddRange(Modes.Select(m =>
            new Account(tenantId, BenefitExpense(m), $"待遇支出—{m.ChineseName()}", AccountType.Expense)));
        accounts.Add(new(tenantId, AssessmentFees, "失能评估费支出", AccountType.Expense));
        accounts.Add(new(tenantId, AgencyFees, "经办服务费支出", AccountType.Expense));
        return accounts;
    }

    /// <summary>
    /// Regions a tenant's books are split by unless it says otherwise: Jining's six pilot counties, because
    /// each county's fiscal share is its own (JN 一 pilot areas, JN 二 "试点县（市、区）财政 … 5元"). The other
    /// schemes pool city-wide (ZJ 二(一), YL 三(四)) or are one district (Yuzhong): none. Codes are the
    /// administrative division codes the tenants table uses.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? DefaultRegions(string tenantId) =>
        tenantId == Tenants.TenantIds.Jining
            ? new Dictionary<string, string>
            {
                ["370811"] = "任城区",
                ["370812"] = "兖州区",
                ["370881"] = "曲阜市",
                ["370883"] = "邹城市",
                ["370828"] = "金乡县",
                ["370830"] = "汶上县",
            }
            : null;

    /// <summary>
    /// City accounts plus one sub-account of each per region, for a tenant that accounts per district
    /// (YZ 四(五): the municipal fund is accounted per district, which bears its own deficit).
    /// </summary>
    public static IReadOnlyList<Account> For(string tenantId, IReadOnlyDictionary<string, string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var city = For(tenantId);
        return [.. city, .. regions.OrderBy(r => r.Key, StringComparer.Ordinal)
            .SelectMany(r => city.Select(a => a.ForRegion(r.Key, r.Value)))];
    }
}
