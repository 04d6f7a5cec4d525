using System.Diagnostics.CodeAnalysis;

namespace LtcInsurance.Domain.Vocabulary;

/// <summary>
/// Who pays a contribution (筹资渠道): the one vocabulary of payers. <see cref="Code"/> is how the engine's JSON, the
/// bill lines and files spell it (unchanged: <c>ltc calc</c> output keeps these codes); <see cref="Name"/> is the
/// Chinese name the chart of accounts and the pages use; <see cref="Clause"/> the documents' clauses that fund
/// through this payer. The ledger accounts of each payer are listed explicitly in <c>StandardChart</c>.
/// </summary>
public sealed class Payer
{
    /// <summary>The codes as constants, for switch arms and the engine's <c>Payers</c>.</summary>
    public static class Codes
    {
        public const string Individual = "individual";
        public const string Employer = "employer";
        public const string MedicalFund = "medical_fund";
        public const string Fiscal = "fiscal";
        public const string FiscalSubsidy = "fiscal_subsidy";
        public const string Donation = "donation";
    }

    /// <summary>The insured person's own part (ZJ 二(三), SS 二(三), YZ 二, YL 二(三)1–4).</summary>
    public static readonly Payer Individual = new(Codes.Individual, "个人缴费", "Individual",
        "ZJ 二(三), SS 二(三), YZ 二, YL 二(三)1–4");

    /// <summary>The employer's part (YL 二(三)1, YZ 二).</summary>
    public static readonly Payer Employer = new(Codes.Employer, "单位缴费", "Employer", "YL 二(三)1, YZ 二");

    /// <summary>Transfer from the basic medical insurance pooled fund (ZJ 二(三), JN 二).</summary>
    public static readonly Payer MedicalFund = new(Codes.MedicalFund, "医保统筹基金划转", "Medical insurance fund transfer",
        "ZJ 二(三), JN 二");

    /// <summary>The government's share (ZJ 二(三), SS 二(三), JN 二, YZ 二, YL 二(三)4).</summary>
    public static readonly Payer Fiscal = new(Codes.Fiscal, "财政补助", "Fiscal share",
        "ZJ 二(三), SS 二(三), JN 二, YZ 二, YL 二(三)4");

    /// <summary>The government paying a person's own part for them by status (SS 二(三), ZJ 二(三), YL 二(三)5).</summary>
    public static readonly Payer FiscalSubsidy = new(Codes.FiscalSubsidy, "财政资助参保补贴", "Fiscal contribution subsidy",
        "SS 二(三), ZJ 二(三), YL 二(三)5");

    /// <summary>Donations: an account of the standard fund chart; no city's document bills them.</summary>
    public static readonly Payer Donation = new(Codes.Donation, "社会捐助", "Donation", "基金账套（各市文件未核定此项）");

    private Payer(string code, string name, string englishName, string clause)
    {
        Code = code;
        Name = name;
        EnglishName = englishName;
        Clause = clause;
    }

    /// <summary>Every payer, in the order of the chart of accounts.</summary>
    public static IReadOnlyList<Payer> All { get; } = [Individual, Employer, MedicalFund, Fiscal, FiscalSubsidy, Donation];

    /// <summary>As the engine's JSON, bill lines and files spell it (e.g. <c>medical_fund</c>).</summary>
    public string Code { get; }

    /// <summary>Chinese name, as the chart of accounts and the pages show it (e.g. 医保统筹基金划转).</summary>
    public string Name { get; }

    /// <summary>Name on the English pages.</summary>
    public string EnglishName { get; }

    /// <summary>The documents' clauses that fund through this payer.</summary>
    public string Clause { get; }

    /// <summary>The payer of <paramref name="code"/>; throws <see cref="ArgumentOutOfRangeException"/> for an unknown code.</summary>
    public static Payer FromCode(string code) =>
        TryFromCode(code, out var payer)
            ? payer
            : throw new ArgumentOutOfRangeException(nameof(code), code, $"未知缴费方 / unknown payer「{code}」");

    public static bool TryFromCode(string? code, [NotNullWhen(true)] out Payer? payer)
    {
        payer = All.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));
        return payer is not null;
    }

    public override string ToString() => Code;
}
