using System.Globalization;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Providers;
using LtcInsurance.Domain.Claims;

namespace LtcInsurance.Application.Claims;

/// <summary>
/// One problem of a claim file or of a submitted claim as the portal shows it: the provider's line number (0: the file
/// or the claim as a whole), the return code (<c>ClaimReturnCodes</c>; <see cref="ClaimFile.FileFormatCode"/> for a
/// cell the file reader could not read) and the Chinese text.
/// </summary>
public sealed record ClaimFileProblem(int LineNo, string Code, string Message)
{
    public static ClaimFileProblem Of(ClaimProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.LineNo, problem.Code, problem.Message);
    }
}

/// <summary>
/// The columns of a claim file (the template's header: Chinese with the English word after a slash; either part names
/// the column) and the reading of its rows into claim lines. Only the form of each cell is checked here; whether a line
/// may be claimed is for <see cref="ClaimValidation"/> when the claim is submitted. Every problem is reported at once.
/// </summary>
public static class ClaimFile
{
    /// <summary>The code of a problem with the file's form (a missing column, a cell that is not a date or a number).</summary>
    public const string FileFormatCode = "file_format";

    /// <summary>A month's claim of a large institution is tens of thousands of lines; a bigger upload is refused before it is read.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("line_no", "行号", false),
        new("id_number", "服务对象身份证号", true),
        new("day", "服务日期", true),
        new("item_code", "项目编码", true),
        new("category", "类别", false),
        new("quantity", "数量", true),
        new("amount", "金额", true),
        new("care_worker_id_number", "护理人员身份证号", false),
    ];

    /// <summary>The template's header row.</summary>
    public static IReadOnlyList<string> Header { get; } = [.. Columns.Select(c => c.Template)];

    /// <summary>Reads every row into claim lines; answers the lines and every problem of form found.</summary>
    internal static (List<ClaimLineInput> Lines, List<ClaimFileProblem> Problems) Read(IEnumerable<string?[]> rows)
    {
        var problems = new List<ClaimFileProblem>();
        var lines = new List<ClaimLineInput>();
        using var table = new TableFile(rows, Columns);
        if (table.IsEmpty)
        {
            problems.Add(new(0, FileFormatCode, "文件是空的：第一行应为表头（可下载模板）"));
            return (lines, problems);
        }

        problems.AddRange(table.HeaderProblems.Select(p => new ClaimFileProblem(0, FileFormatCode, p.Message)));
        if (problems.Count > 0)
            return (lines, problems);
        foreach (var row in table.Rows())
        {
            if (lines.Count >= SubmitClaim.SubmitClaimValidator.MaxLines)
            {
                problems.Add(new(0, FileFormatCode, $"申报明细超过 {SubmitClaim.SubmitClaimValidator.MaxLines:N0} 条，请分月或分批申报"));
                break;
            }

            if (ReadRow(row, problems) is { } line)
                lines.Add(line);
        }

        if (lines.Count == 0 && problems.Count == 0)
            problems.Add(new(0, FileFormatCode, "文件没有申报明细"));
        var duplicates = lines.GroupBy(l => l.LineNo).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        problems.AddRange(duplicates.Select(n => new ClaimFileProblem(n, FileFormatCode, $"行号 {n} 出现了不止一次")));
        return (lines, problems);
    }

    private static ClaimLineInput? ReadRow(TableRow row, List<ClaimFileProblem> problems)
    {
        var lineNo = row.Number - 1;
        if (row["line_no"] is { } lineText)
        {
            if (int.TryParse(lineText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                lineNo = n;
            else
            {
                problems.Add(new(row.Number - 1, FileFormatCode, $"第 {row.Number} 行：行号「{lineText}」应为正整数"));
                return null;
            }
        }

        var before = problems.Count;
        void Problem(string message) => problems.Add(new(lineNo, FileFormatCode, message));

        if (row.IsUnreadable)
        {
            Problem(TableFile.UnreadableRow);
            return null;
        }

        var person = row["id_number"];
        if (person is null)
            Problem("服务对象身份证号不能为空");
        else if (person.Length > 18)
            Problem($"服务对象身份证号「{person}」超过 18 位");

        DateOnly day = default;
        var dayText = row["day"];
        if (dayText is null)
            Problem("服务日期不能为空");
        else if (!TryDay(dayText, out day))
            Problem($"服务日期「{dayText}」应写作 yyyy-MM-dd");

        var item = row["item_code"];
        if (item is null)
            Problem("项目编码不能为空");
        else if (item.Length > 32)
            Problem($"项目编码「{item}」超过 32 个字符");

        if (row["category"] is { } category && !ServiceCatalogueFile.CategoryNames.Any(c => c.Key == category || c.Value == category))
            Problem($"类别「{category}」未知（可用：{string.Join("、", ServiceCatalogueFile.CategoryNames.Values)}）");

        var quantity = Number(row["quantity"], "数量", Problem);
        var amount = Number(row["amount"], "金额", Problem);

        var worker = row["care_worker_id_number"];
        if (worker is { Length: > 18 })
            Problem($"护理人员身份证号「{worker}」超过 18 位");

        return problems.Count > before ? null : new ClaimLineInput(lineNo, person!, day, item!, quantity, amount, worker);
    }

    private static decimal Number(string? text, string column, Action<string> problem)
    {
        if (text is null)
        {
            problem($"{column}不能为空");
            return 0;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            problem($"{column}「{text}」不是数字");
            return 0;
        }

        if (Math.Abs(value) > 10_000_000m)
        {
            problem($"{column}「{text}」过大");
            return 0;
        }

        return value;
    }

    /// <summary>yyyy-MM-dd, yyyy/M/d, or an Excel serial day number (a date cell whose format the reader does not apply).</summary>
    private static bool TryDay(string text, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return true;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
        {
            day = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial));
            return true;
        }

        return false;
    }
}
