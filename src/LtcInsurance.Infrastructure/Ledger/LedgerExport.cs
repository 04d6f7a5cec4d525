using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Infrastructure.Ledger;

/// <summary>
/// Tables as files for auditors: CSV (UTF-8 with BOM, so Excel shows the Chinese names) and XLSX. Amounts are written
/// as numbers with two decimals. The ledger's reports reach it through <see cref="ITableFileWriter"/> (the rows are
/// built by the ledger's use cases); the register's exports call the two writers directly.
/// Text that a spreadsheet would take for a formula (starting with = + - @, tab or CR: "formula injection", e.g. a
/// person's name typed as <c>=HYPERLINK(...)</c> in an imported file) is neutralised: in CSV it gets a leading
/// single quote, in XLSX it stays a string cell with the quote-prefix style (shown as typed, never evaluated, even
/// after editing). Amounts (decimal) and counts (long, int) are numbers, also when negative.
/// </summary>
public static class LedgerExport
{
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
                csv.WriteField(CsvText(cell));
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
        styles.Stylesheet = Styles();
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

    /// <summary>Style 1: number format 4 (#,##0.00) for amounts; style 2: quote prefix, for text that starts like a formula.</summary>
    internal static Stylesheet Styles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true }));

    /// <summary>True for text a spreadsheet would read as a formula (or a DDE command): = + - @, tab, CR first.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A cell as CSV text: amounts with two decimals, numbers as they are, formula-like text behind a quote.</summary>
    public static string CsvText(object? cell) => cell switch
    {
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(cell, CultureInfo.InvariantCulture)!,
        _ => Neutralised(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Neutralised(string text) => LooksLikeFormula(text) ? "'" + text : text;

    internal static Cell ToCell(object value) => value switch
    {
        decimal d => new Cell { CellValue = new CellValue(d), DataType = CellValues.Number, StyleIndex = 1 },
        long or int => new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!), DataType = CellValues.Number },
        _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell TextCell(string text)
    {
        var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
        if (LooksLikeFormula(text))
            cell.StyleIndex = 2;
        return cell;
    }
}

/// <summary>The ledger's report files (<see cref="ITableFileWriter"/>) written by <see cref="LedgerExport"/>.</summary>
internal sealed class TableFileWriter : ITableFileWriter
{
    public async Task<byte[]> WriteAsync(ExportTable table, ExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        string[] header = [.. table.Header];
        if (format == ExportFormat.Csv)
            await LedgerExport.WriteCsvAsync(header, table.Rows, buffer);
        else
            LedgerExport.WriteXlsx(table.SheetName, header, table.Rows, buffer);
        return buffer.ToArray();
    }
}
