using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Ledger;

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

    /// <summary>Receivable account of <paramref name="payer"/> (1101.xx 应收保险费—…).</summary>
    public static string ContributionReceivable(Payer payer) => ContributionAccounts(payer).Receivable;

    /// <summary>Income account of <paramref name="payer"/> (4101.xx 保险费收入—…收入).</summary>
    public static string ContributionIncome(Payer payer) => ContributionAccounts(payer).Income;

    /// <summary>
    /// The benefit expense account of a service mode. The detail code is written out per mode (<see cref="Modes"/>),
    /// never taken from the enum's order: reordering or inserting a mode must not move postings to another account.
    /// </summary>
    public static string BenefitExpense(ServiceMode mode) =>
        "5101." + (Modes.FirstOrDefault(m => m.Mode == mode) is { Detail: not null } found
            ? found.Detail
            : throw new ArgumentOutOfRangeException(nameof(mode), mode, "未知的服务方式 / unknown service mode"));

    // Each payer's accounts, written out: the codes are in every tenant's books and journal, so they never follow
    // the order of a list or an enum.
    private static readonly Dictionary<Payer, (string Receivable, string Income)> PayerAccounts = new()
    {
        [Payer.Individual] = ("1101.01", "4101.01"),
        [Payer.Employer] = ("1101.02", "4101.02"),
        [Payer.MedicalFund] = ("1101.03", "4101.03"),
        [Payer.Fiscal] = ("1101.04", "4101.04"),
        [Payer.FiscalSubsidy] = ("1101.05", "4101.05"),
        [Payer.Donation] = ("1101.06", "4101.06"),
    };

    // Detail codes under 5101 are stored in every tenant's chart and in every benefit posting: fixed here, one per mode.
    private static readonly (ServiceMode Mode, string Detail, string Name)[] Modes =
    [
        (ServiceMode.Home, "01", "居家护理"),
        (ServiceMode.Community, "02", "社区护理"),
        (ServiceMode.Institution, "03", "机构护理"),
        (ServiceMode.MedicalSpecial, "04", "医疗专护"),
        (ServiceMode.InstitutionMedical, "05", "机构医疗护理"),
        (ServiceMode.HomeMedical, "06", "居家医疗护理"),
        (ServiceMode.IndividualCareWorker, "07", "个人护理服务"),
    ];

    private static (string Receivable, string Income) ContributionAccounts(Payer payer)
    {
        ArgumentNullException.ThrowIfNull(payer);
        return PayerAccounts[payer];
    }

    /// <summary>The city-level accounts of a tenant.</summary>
    public static IReadOnlyList<Account> For(string tenantId)
    {
        var accounts = new List<Account>
        {
            new(tenantId, FundSpecialAccount, "基金专户存款", AccountType.Asset),
        };
        accounts.AddRange(Payer.All.Select(p =>
            new Account(tenantId, ContributionReceivable(p), $"应收保险费—{p.Name}", AccountType.Asset)));
        accounts.Add(new(tenantId, PayableToInstitutions, "应付护理服务机构款", AccountType.Liability));
        accounts.Add(new(tenantId, PayableToAssessors, "应付评估机构款", AccountType.Liability));
        accounts.Add(new(tenantId, PayableToAgency, "应付经办机构款", AccountType.Liability));
        accounts.Add(new(tenantId, AccumulatedSurplus, "累计结余", AccountType.Equity));
        accounts.AddRange(Payer.All.Select(p =>
            new Account(tenantId, ContributionIncome(p), $"保险费收入—{p.Name}收入", AccountType.Income)));
        accounts.AddRange(Modes.Select(m =>
            new Account(tenantId, BenefitExpense(m.Mode), $"待遇支出—{m.Name}", AccountType.Expense)));
        accounts.Add(new(tenantId, AssessmentFees, "失能评估费支出", AccountType.Expense));
        accounts.Add(new(tenantId, AgencyFees, "经办服务费支出", AccountType.Expense));
        return accounts;
    }

    /// <summary>
    /// Regions (code → name) a tenant's books are split by, as its city module declares them
    /// (<see cref="Policies.ICityModule.LedgerRegions"/>, e.g. Jining's six pilot counties); null for a city pooled
    /// city-wide or a tenant no module declares.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? DefaultRegions(string tenantId) =>
        Policies.CityRegistry.Current.Find(tenantId) is { } module ? Policies.CityModuleExtensions.LedgerRegionNames(module) : null;

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
