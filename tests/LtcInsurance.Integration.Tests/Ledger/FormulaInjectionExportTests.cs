using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Infrastructure.Ledger;

namespace LtcInsurance.Integration.Tests.Ledger;

/// <summary>
/// Text from the register (a name, a reference) that a spreadsheet would run as a formula is written so that it
/// cannot run: a leading quote in CSV, a quote-prefixed text cell in XLSX. Amounts stay numbers, negative ones too.
/// </summary>
public sealed class FormulaInjectionExportTests
{
    private static readonly string[] Header = ["姓名", "金额", "笔数"];

    private static readonly object[][] Rows =
    [
        ["=HYPERLINK(\"http://evil\",\"点我\")", -12.5m, 3L],
        ["+1+1", 0m, -2L],
        ["-2+3", 1m, 0L],
        ["@SUM(A1)", 2m, 0L],
        ["\t=1", 3m, 0L],
        ["\r=1", 4m, 0L],
        ["孔一", 5m, 0L],
        ["a=1", 6m, 0L],
    ];

    [Fact]
    public async Task Csv_cells_that_start_like_formulas_get_a_leading_quote_and_amounts_stay_numbers()
    {
        using var buffer = new MemoryStream();
        await LedgerExport.WriteCsvAsync(Header, Rows, buffer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",-12.50,3", text, StringComparison.Ordinal);
        Assert.Contains("'+1+1,0.00,-2", text, StringComparison.Ordinal);
        Assert.Contains("'-2+3,1.00,0", text, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1),2.00,0", text, StringComparison.Ordinal);
        Assert.Contains("'\t=1", text, StringComparison.Ordinal);
        Assert.Contains("\"'\r=1\"", text, StringComparison.Ordinal);
        Assert.Contains("孔一,5.00,0", text, StringComparison.Ordinal);
        Assert.Contains("a=1,6.00,0", text, StringComparison.Ordinal);
        foreach (var line in text.Split("\r\n").Skip(1).Where(l => l.Length > 0))
            Assert.False(line[0] is '=' or '+' or '-' or '@', line);
    }

    [Fact]
    public void Xlsx_cells_that_start_like_formulas_are_quote_prefixed_text_and_amounts_stay_numbers()
    {
        using var buffer = new MemoryStream();
        LedgerExport.WriteXlsx("表", Header, Rows, buffer);
        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1).ToList();

        Assert.DoesNotContain(rows.SelectMany(r => r.Elements<Cell>()), c => c.CellFormula is not null);
        for (var i = 0; i < Rows.Length; i++)
        {
            var cells = rows[i].Elements<Cell>().ToList();
            var name = cells[0];
            Assert.Equal(CellValues.InlineString, name.DataType!.Value);
            // XML reads a CR back as LF (end-of-line normalisation); the text is otherwise as written.
            Assert.Equal(((string)Rows[i][0]).Replace('\r', '\n'), name.InlineString!.InnerText);
            var quoted = name.StyleIndex is { } style && formats[(int)style.Value].QuotePrefix?.Value == true;
            Assert.Equal(i < 6, quoted);
            Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
            Assert.Equal(CellValues.Number, cells[2].DataType!.Value);
        }

        Assert.Equal("-12.5", rows[0].Elements<Cell>().ElementAt(1).CellValue!.Text);
    }
}
