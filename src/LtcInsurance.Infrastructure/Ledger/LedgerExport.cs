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
