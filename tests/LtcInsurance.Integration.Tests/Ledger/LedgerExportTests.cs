using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Application.Ledger.ExportTrialBalance;
using LtcInsurance.Application.Ledger.GetTrialBalance;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;
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
        await using var auditor = database.UseCases(tenant, Roles.Auditor);
        var tb = await auditor.Send(new GetTrialBalanceQuery());

        var csv = await auditor.Send(new ExportTrialBalanceQuery(ExportFormat.Csv));
        Assert.Equal("试算平衡表.csv", csv.FileName);
        var text = Encoding.UTF8.GetString(csv.Content.Span);
        Assert.StartsWith("\uFEFF科目代码/code", text, StringComparison.Ordinal);
        Assert.Contains("1001,基金专户存款,asset,,1234.50,0.00,1234.50", text, StringComparison.Ordinal);

        var file = await auditor.Send(new ExportTrialBalanceQuery(ExportFormat.Xlsx, new LedgerPeriod(2027, 1)));
        Assert.Equal("试算平衡表_2027-01.xlsx", file.FileName);
        using var xlsx = new MemoryStream(file.Content.ToArray());
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(tb.Rows.Count + 2, rows.Count);
        var bank = rows.Single(r => r.Elements<Cell>().First().InnerText == StandardChart.FundSpecialAccount);
        Assert.Equal(1234.5m, decimal.Parse(bank.Elements<Cell>().ElementAt(4).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Only_auditors_and_admins_may_export_the_books()
    {
        var tenant = await database.NewTenantAsync();
        await using var clerk = database.UseCases(tenant, Roles.Clerk);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => clerk.Send(new ExportTrialBalanceQuery(ExportFormat.Csv)));
    }
}
