using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Ledger;

[Collection(LedgerDatabaseCollection.Name)]
public class LedgerExportTests(LedgerDatabase database)
{
    [Fact]
    public async Task Trial_balance_exports_to_csv_and_xlsx_with_chinese_names_and_numeric_amounts()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        await Poster(db).PostAsync(Contribution("c1", 1234.5m, new DateOnly(2027, 1, 5)));
        var tb = await new LedgerReports(db).TrialBalanceAsync();

        using var csv = new MemoryStream();
        await LedgerExport.WriteTrialBalanceCsvAsync(tb, csv);
        var text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.StartsWith("\uFEFF科目代码/code", text, StringComparison.Ordinal);
        Assert.Contains("1001,基金专户存款,asset,,1234.50,0.00,1234.50", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        LedgerExport.WriteTrialBalanceXlsx(tb, xlsx);
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(tb.Rows.Count + 2, rows.Count);
        var bank = rows.Single(r => r.Elements<Cell>().First().InnerText == StandardChart.FundSpecialAccount);
        Assert.Equal(1234.5m, decimal.Parse(bank.Elements<Cell>().ElementAt(4).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }
}
