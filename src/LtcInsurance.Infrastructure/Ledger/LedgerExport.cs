using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Ledger reports as files for auditors: CSV (UTF-8 with BOM, so Excel shows the Chinese names) and XLSX.
/// Amounts are written as numbers with two decimals; headers are Chinese with the English word after a slash.
/// </summary>
public static class LedgerExport
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

    /// <summary>
    /// The journal (序时账) one posting a row, so that the debit and credit columns add up like the books; the last row
    /// totals them. Entries come in the order given (the journal page lists newest first; exports go oldest first).
    /// </summary>
    public static IEnumerable<object[]> JournalRows(IEnumerable<JournalEntry> entries, IReadOnlyDictionary<string, string> accountNames)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(accountNames);
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

    /// <summary>The months of a year and the year's total (收支情况表).</summary>
    public static IEnumerable<object[]> IncomeAndExpenditureRows(IReadOnlyList<IncomeAndExpenditureRow> months,
        IncomeAndExpenditureRow year)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(year);
        foreach (var m in months)
            yield return [m.Label, m.Income, m.Expense, m.Surplus];
        yield return ["合计/total " + year.Label, year.Income, year.Expense, year.Surplus];
    }

    /// <summary>Each region's position (city level first, without a code) and the city's total.</summary>
    public static IEnumerable<object[]> RegionBalanceRows(IReadOnlyList<RegionBalance> regions,
        IReadOnlyDictionary<string, string> regionNames)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(regionNames);
        foreach (var r in regions)
            yield return [r.RegionCode ?? "", r.RegionCode is null ? "市本级/city level" : regionNames.GetValueOrDefault(r.RegionCode) ?? "",
                r.Assets, r.Liabilities, r.AccumulatedSurplus, r.Income, r.Expense, r.FundBalance];
        yield return ["合计/total", "", regions.Sum(r => r.Assets), regions.Sum(r => r.Liabilities), regions.Sum(r => r.AccumulatedSurplus),
            regions.Sum(r => r.Income), regions.Sum(r => r.Expense), regions.Sum(r => r.FundBalance)];
    }

    public static Task WriteJournalCsvAsync(IEnumerable<JournalEntry> entries, IReadOnlyDictionary<string, string> accountNames, Stream output) =>
        WriteCsvAsync(JournalHeader, JournalRows(entries, accountNames), output);

    public static void WriteJournalXlsx(IEnumerable<JournalEntry> entries, IReadOnlyDictionary<string, string> accountNames, Stream output) =>
        WriteXlsx("序时账", JournalHeader, JournalRows(entries, accountNames), output);

    public static Task WriteIncomeAndExpenditureCsvAsync(IReadOnlyList<IncomeAndExpenditureRow> months, IncomeAndExpenditureRow year, Stream output) =>
        WriteCsvAsync(IncomeHeader, IncomeAndExpenditureRows(months, year), output);

    public static void WriteIncomeAndExpenditureXlsx(IReadOnlyList<IncomeAndExpenditureRow> months, IncomeAndExpenditureRow year, Stream output) =>
        WriteXlsx("收支情况表", IncomeHeader, IncomeAndExpenditureRows(months, year), output);

    public static Task WriteRegionBalancesCsvAsync(IReadOnlyList<RegionBalance> regions, IReadOnlyDictionary<string, string> regionNames, Stream output) =>
        WriteCsvAsync(RegionHeader, RegionBalanceRows(regions, regionNames), output);

    public static void WriteRegionBalancesXlsx(IReadOnlyList<RegionBalance> regions, IReadOnlyDictionary<string, string> regionNames, Stream output) =>
        WriteXlsx("分地区基金结余", RegionHeader, RegionBalanceRows(regions, regionNames), output);

    private static string SourceTypeName(SourceDocumentType type) => type switch
    {
        SourceDocumentType.Bill => "筹资单/bill",
        SourceDocumentType.Claim => "结算申请/claim",
        SourceDocumentType.Settlement => "结算拨付/settlement",
        SourceDocumentType.Fee => "费用/fee",
        SourceDocumentType.Closing => "结账/closing",
        _ => type.ToString(),
    };

    public static IEnumerable<object[]> TrialBalanceRows(TrialBalance tb)
    {
        ArgumentNullException.ThrowIfNull(tb);
        foreach (var r in tb.Rows)
            yield return [r.Code, r.Name, r.Type.ToString().ToLowerInvariant(), r.RegionCode ?? "", r.Debits, r.Credits, r.Balance];
        yield return ["合计/total", "", "", "", tb.TotalDebits, tb.TotalCredits, tb.TotalDebits - tb.TotalCredits];
    }

    public static IEnumerable<object[]> StatementRows(AccountStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        yield return ["", "", statement.From?.ToString() ?? "", "期初余额/opening balance", "", "", statement.OpeningBalance];
        foreach (var l in statement.Lines)
            yield return [l.Sequence, l.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Period.ToString(),
                l.Description, l.Debit, l.Credit, l.RunningBalance];
        yield return ["", "", statement.To?.ToString() ?? "", "期末余额/closing balance", "", "", statement.ClosingBalance];
    }

    public static Task WriteTrialBalanceCsvAsync(TrialBalance tb, Stream output) =>
        WriteCsvAsync(TrialBalanceHeader, TrialBalanceRows(tb), output);

    public static Task WriteStatementCsvAsync(AccountStatement statement, Stream output) =>
        WriteCsvAsync(StatementHeader, StatementRows(statement), output);

    public static void WriteTrialBalanceXlsx(TrialBalance tb, Stream output) =>
        WriteXlsx("试算平衡表", TrialBalanceHeader, TrialBalanceRows(tb), output);

    public static void WriteStatementXlsx(AccountStatement statement, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        WriteXlsx(statement.Account.Code, StatementHeader, StatementRows(statement), output);
    }

    /// <summary>Any table as CSV the way the ledger writes it (BOM, amounts with two decimals); the register's exports reuse it.</summary>
    public static async Task WriteCsvAsync(string[] header, IEnumerable<object[]> rows, Stream output)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true);
        foreach (var h in header)
            csv.WriteField(h);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
                csv.WriteField(cell is decimal d
                    ? d.ToString("0.00", CultureInfo.InvariantCulture)
                    : Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
            csv.EndRecord();
        }
        csv.Flush();
        await writer.FlushAsync();
    }

    /// <summary>Any table as a one-sheet workbook (amounts as numbers, #,##0.00); the register's exports reuse it.</summary>
    public static void WriteXlsx(string sheetName, string[] header, IEnumerable<object[]> rows, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        // Style 1: number format 4 (#,##0.00) so amounts read as money and stay numbers for formulas.
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }));
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(new Row(header.Select(h => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) })));
        foreach (var row in rows)
            data.Append(new Row(row.Select(ToCell)));
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet
        {
            Id = workbook.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
        }));
        workbook.Workbook.Save();
    }

    private static Cell ToCell(object value) => value switch
    {
        decimal d => new Cell { CellValue = new CellValue(d), DataType = CellValues.Number, StyleIndex = 1 },
        long n => new Cell { CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
        },
    };
}
