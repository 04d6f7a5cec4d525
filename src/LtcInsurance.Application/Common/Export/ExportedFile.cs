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

/// <summary>
/// Where a streamed export goes (the web's response body): <see cref="Begin"/> is called once, right before the first byte,
/// with the file's name and format (so the caller can still answer with an error when the request is refused before).
/// </summary>
public interface IExportTarget
{
    Stream Begin(string fileName, ExportFormat format);
}

/// <summary>A table whose rows are read as they are written (a million-row export: memory stays flat).</summary>
public sealed record StreamedTable(string SheetName, IReadOnlyList<string> Header, IAsyncEnumerable<object[]> Rows);

/// <summary>Writes a <see cref="StreamedTable"/> row by row (CSV as it goes; XLSX with a SAX writer), never the whole file in memory.</summary>
public interface IStreamingTableWriter
{
    /// <summary>Writes the table to <paramref name="output"/>; the number of rows written.</summary>
    Task<long> WriteAsync(StreamedTable table, ExportFormat format, Stream output, CancellationToken cancellationToken = default);
}

public static class StreamedExports
{
    /// <summary>
    /// Streams the table to <paramref name="target"/> when there is one (the file's content is then empty: it went there),
    /// else writes it to memory (callers inside the application and the tests).
    /// </summary>
    public static async Task<(ExportedFile File, long Rows)> WriteAsync(this IStreamingTableWriter writer, string baseName,
        StreamedTable table, ExportFormat format, IExportTarget? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var fileName = $"{baseName}.{ExportFiles.Extension(format)}";
        if (target is not null)
        {
            var rows = await writer.WriteAsync(table, format, target.Begin(fileName, format), cancellationToken);
            return (new ExportedFile(fileName, format, ReadOnlyMemory<byte>.Empty), rows);
        }
        using var buffer = new MemoryStream();
        var count = await writer.WriteAsync(table, format, buffer, cancellationToken);
        return (new ExportedFile(fileName, format, buffer.ToArray()), count);
    }
}
