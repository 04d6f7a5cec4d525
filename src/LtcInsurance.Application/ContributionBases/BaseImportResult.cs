using System.Text.Json;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Jobs;

namespace LtcInsurance.Application.ContributionBases;

/// <summary>
/// What a base-file import did, stored as its job's result: rows read, rows with errors, bases added, bases already
/// recorded (unchanged: the same file imported again adds nothing), and the error report row by row (file row, header
/// row = 1; column; Chinese message), at most <see cref="MaxErrorsKept"/> of them (<see cref="ErrorRows"/> counts all).
/// </summary>
public sealed record BaseImportResult(
    string FileName,
    int TotalRows,
    int ErrorRows,
    int Added,
    int Unchanged,
    IReadOnlyList<ImportError> Errors)
{
    public const int MaxErrorsKept = 10_000;

    /// <summary>The result stored with a succeeded base-import job; null for another job or one without a result.</summary>
    public static BaseImportResult? Read(JobView job) =>
        job is { Kind: JobKinds.BaseImport, Status: JobView.Succeeded, Result: { } json }
            ? JsonSerializer.Deserialize<BaseImportResult>(json)
            : null;

    /// <summary>The error report as CSV (UTF-8 with BOM): 行号, 列, 错误.</summary>
    public string ErrorReportCsv()
    {
        var text = new System.Text.StringBuilder("\uFEFF行号,列,错误\r\n");
        foreach (var e in Errors)
            text.Append(e.Row).Append(',').Append(Csv(e.Column)).Append(',').Append(Csv(e.Message)).Append("\r\n");
        return text.ToString();
    }

    private static string Csv(string value)
    {
        // A cell starting with = + - @ would be a formula in a spreadsheet.
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.Contains(',', StringComparison.Ordinal) || safe.Contains('"', StringComparison.Ordinal) || safe.Contains('\n', StringComparison.Ordinal)
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}
