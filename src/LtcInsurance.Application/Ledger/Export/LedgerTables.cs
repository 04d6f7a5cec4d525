using System.Globalization;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

using LtcInsurance.Application.Common.Export;

namespace LtcInsurance.Application.Ledger.Export;

/// <summary>
/// The ledger's reports as tables for auditors' files. Amounts are decimals (the writer formats them with two decimals);
/// headers are Chinese with the English word after a slash; the last row totals the amounts.
/// </summary>
internal static class LedgerTables
{
    private static readonly string[] TrialBalanceHeader =
        ["科目代码/code", "科目名称/name", "类别/type", "地区/region", "借方发生额/debits", "贷方发生额/credits", "余额(借正)/balance"];

    private static readonly string[] StatementHeader =
        ["凭证号/entry", "业务日期/date", "期间/period", "摘要/description", "借方/debit", "贷方/credit", "余额/balance"];

    private static readonly string[] JournalHeader =
        ["凭证号/entry", "业务日期/date", "期间/period", "原期间/original period", "摘要/description", "原始凭证类型/source type",
            "原始凭证编号/source reference", "冲销凭证号/reverses", "行号/line", "科目代码/code", "科目名称/name", "借方/debit", "贷方/credit"];

    private static readonly string[] IncomeHeader =
        ["期间/period", "收入/income", "支出/expense", "结余/surplus"];

    private static readonly string[] RegionHeader =
        ["地区代码/region", "地区名称/region name", "资产/assets", "负债/liabilities", "累计结余/accumulated surplus",
            "本期收入/income", "本期支出/expense", "基金结余/fund balance"];

    public static ExportTable TrialBalance(TrialBalance tb) => new("试算平衡表", TrialBalanceHeader, TrialBalanceRows(tb));

    public static ExportTable Statement(AccountStatement statement) =>
        new(statement.Account.Code, StatementHeader, StatementRows(statement));

    public static ExportTable Journal(IEnumerable<JournalEntry> entries, IReadOnlyDictionary<string, string> accountNames) =>
        new("序时账", JournalHeader, JournalRows(entries, accountNames));

    public static ExportTable IncomeAndExpenditure(IReadOnlyList<IncomeAndExpenditureRow> months, IncomeAndExpenditureRow year) =>
        new("收支情况表", IncomeHeader, IncomeAndExpenditureRows(months, year));

    public static ExportTable RegionBalances(IReadOnlyList<RegionBalance> regions, IReadOnlyDictionary<string, string> regionNames) =>
        new("分地区基金结余", RegionHeader, RegionBalanceRows(regions, regionNames));

    public static IEnumerable<object[]> TrialBalanceRows(TrialBalance tb)
    {
        foreach (var r in tb.Rows)
            yield return [r.Code, r.Name, r.Type.ToString().ToLowerInvariant(), r.RegionCode ?? "", r.Debits, r.Credits, r.Balance];
        yield return ["合计/total", "", "", "", tb.TotalDebits, tb.TotalCredits, tb.TotalDebits - tb.TotalCredits];
    }

    public static IEnumerable<object[]> StatementRows(AccountStatement statement)
    {
        yield return ["", "", statement.From?.ToString() ?? "", "期初余额/opening balance", "", "", statement.OpeningBalance];
        foreach (var l in statement.Lines)
            yield return [l.Sequence, l.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Period.ToString(),
                l.Description, l.Debit, l.Credit, l.RunningBalance];
        yield return ["", "", statement.To?.ToString() ?? "", "期末余额/closing balance", "", "", statement.ClosingBalance];
    }

    /// <summary>
    /// The journal (序时账) one posting a row, so that the debit and credit columns add up like the books; the last row
    /// totals them. Entries come in the order given (the journal page lists newest first; exports go oldest first).
    /// </summary>
    public static IEnumerable<object[]> JournalRows(IEnumerable<JournalEntry> entries, IReadOnlyDictionary<string, string> accountNames)
    {
        decimal debits = 0m, credits = 0m;
        foreach (var e in entries)
        {
            var line = 0L;
            foreach (var p in e.Postings)
            {
                line++;
                var debit = p.Side == Side.Debit ? p.Amount : 0m;
                var credit = p.Side == Side.Credit ? p.Amount : 0m;
                debits += debit;
                credits += credit;
                yield return [e.Sequence, e.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Period.ToString(),
                    e.OriginalPeriod?.ToString() ?? "", e.Description, SourceTypeName(e.SourceType), e.SourceReference,
                    e.Reverses?.ToString(CultureInfo.InvariantCulture) ?? "", line, p.AccountCode,
                    accountNames.GetValueOrDefault(p.AccountCode) ?? "", debit, credit];
            }
        }
        yield return ["合计/total", "", "", "", "", "", "", "", "", "", "", debits, credits];
    }

    /// <summary>The journal's header (序时账), for the streamed export.</summary>
    public static IReadOnlyList<string> JournalColumns => JournalHeader;

    /// <summary>One posting of the journal as the streamed export reads it (entry columns repeated on each of its lines).</summary>
    public sealed record JournalLine(long Sequence, DateOnly BusinessDate, string Period, string? OriginalPeriod, string Description,
        SourceDocumentType SourceType, string SourceReference, long? Reverses, string AccountCode, Side Side, decimal Amount);

    /// <summary>As <see cref="JournalRows"/>, from posting lines in chain order as the database sends them.</summary>
    public static async IAsyncEnumerable<object[]> JournalRowsAsync(IAsyncEnumerable<JournalLine> lines,
        IReadOnlyDictionary<string, string> accountNames)
    {
        decimal debits = 0m, credits = 0m;
        long sequence = -1, line = 0;
        await foreach (var p in lines)
        {
            line = p.Sequence == sequence ? line + 1 : 1;
            sequence = p.Sequence;
            var debit = p.Side == Side.Debit ? p.Amount : 0m;
            var credit = p.Side == Side.Credit ? p.Amount : 0m;
            debits += debit;
            credits += credit;
            yield return [p.Sequence, p.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Period,
                p.OriginalPeriod ?? "", p.Description, SourceTypeName(p.SourceType), p.SourceReference,
                p.Reverses?.ToString(CultureInfo.InvariantCulture) ?? "", line, p.AccountCode,
                accountNames.GetValueOrDefault(p.AccountCode) ?? "", debit, credit];
        }
        yield return ["合计/total", "", "", "", "", "", "", "", "", "", "", debits, credits];
    }

    /// <summary>The months of a year and the year's total (收支情况表).</summary>
    public static IEnumerable<object[]> IncomeAndExpenditureRows(IReadOnlyList<IncomeAndExpenditureRow> months,
        IncomeAndExpenditureRow year)
    {
        foreach (var m in months)
            yield return [m.Label, m.Income, m.Expense, m.Surplus];
        yield return ["合计/total " + year.Label, year.Income, year.Expense, year.Surplus];
    }

    /// <summary>Each region's position (city level first, without a code) and the city's total.</summary>
    public static IEnumerable<object[]> RegionBalanceRows(IReadOnlyList<RegionBalance> regions,
        IReadOnlyDictionary<string, string> regionNames)
    {
        foreach (var r in regions)
            yield return [r.RegionCode ?? "", r.RegionCode is null ? "市本级/city level" : regionNames.GetValueOrDefault(r.RegionCode) ?? "",
                r.Assets, r.Liabilities, r.AccumulatedSurplus, r.Income, r.Expense, r.FundBalance];
        yield return ["合计/total", "", regions.Sum(r => r.Assets), regions.Sum(r => r.Liabilities), regions.Sum(r => r.AccumulatedSurplus),
            regions.Sum(r => r.Income), regions.Sum(r => r.Expense), regions.Sum(r => r.FundBalance)];
    }

    private static string SourceTypeName(SourceDocumentType type) => type switch
    {
        SourceDocumentType.Bill => "筹资单/bill",
        SourceDocumentType.Claim => "结算申请/claim",
        SourceDocumentType.Settlement => "结算拨付/settlement",
        SourceDocumentType.Fee => "费用/fee",
        SourceDocumentType.Closing => "结账/closing",
        _ => type.ToString(),
    };
}
