using LtcInsurance.Application.Common.Export;

namespace LtcInsurance.Application.Reports;

/// <summary>
/// A figure or a statistical report as a table: its title, the column headers and the rows (a <c>decimal</c> cell is an
/// amount in yuan, an <c>int</c> a count, a <c>string</c> text), and notes saying how the figures were counted.
/// <see cref="ChartColumns"/> names the numeric columns a chart draws, against the first column as labels.
/// </summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<object[]> Rows,
    IReadOnlyList<string> Notes, IReadOnlyList<int> ChartColumns)
{
    /// <summary>The table for the CSV/XLSX writer (sheet names are at most 31 characters).</summary>
    public ExportTable ToExport() => new(Title.Length > 31 ? Title[..31] : Title, Columns, Rows);

    /// <summary>A cell as the page and the PDF show it: amounts with two decimals and thousands separators.</summary>
    public static string Text(object? cell) => cell switch
    {
        decimal d => d.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture),
        int i => i.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture),
        null => "",
        _ => cell.ToString() ?? "",
    };

    /// <summary>A numeric cell as a double for a chart (text: 0).</summary>
    public static double Number(object? cell) => cell switch
    {
        decimal d => (double)d,
        int i => i,
        long l => l,
        _ => 0,
    };
}

/// <summary>A rendered report file (xlsx, csv or PDF) ready to download.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content)
{
    public const string Pdf = "application/pdf";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv; charset=utf-8";
}

/// <summary>The formats a report or figure downloads in.</summary>
public enum ReportFormat
{
    Xlsx,
    Csv,
    Pdf,
}

/// <summary>The years a figure, report or projection may be asked for.</summary>
internal static class ReportYears
{
    public const int First = 2000;
    public const int Last = 2100;
    public const string Message = "年度应在 2000 至 2100 之间。";
}
