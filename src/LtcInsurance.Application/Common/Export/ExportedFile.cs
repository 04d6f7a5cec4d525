namespace LtcInsurance.Application.Common.Export;

/// <summary>The file formats reports are exported in: CSV (UTF-8 with BOM, so Excel shows the Chinese names) and XLSX.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A report as a file: its name (Chinese, with the extension), format and bytes, ready to be streamed.</summary>
public sealed record ExportedFile(string FileName, ExportFormat Format, ReadOnlyMemory<byte> Content);

/// <summary>A table to write as a file: the sheet's name (XLSX), the header, and the rows (decimals are amounts).</summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Header, IEnumerable<object[]> Rows);

/// <summary>
/// Writes a table as CSV or XLSX (Infrastructure: CsvHelper, OpenXML). Amounts are written as numbers with two decimals;
/// headers are Chinese with the English word after a slash.
/// </summary>
public interface ITableFileWriter
{
    Task<byte[]> WriteAsync(ExportTable table, ExportFormat format, CancellationToken cancellationToken = default);
}

public static class ExportFiles
{
    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static async Task<ExportedFile> WriteAsync(this ITableFileWriter writer, string baseName, ExportTable table,
        ExportFormat format, CancellationToken cancellationToken) =>
        new($"{baseName}.{Extension(format)}", format, await writer.WriteAsync(table, format, cancellationToken));
}
