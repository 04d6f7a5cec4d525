using System.Globalization;
using System.Text.RegularExpressions;
using LtcInsurance.Application.Import;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Providers;

namespace LtcInsurance.Application.Providers;

/// <summary>One problem of a catalogue file: the row (1 = the header) and column, in Chinese.</summary>
public sealed record CatalogueRowError(int Row, string Column, string Message);

/// <summary>One valid row of a catalogue file.</summary>
internal sealed record CatalogueRow(int Row, string Code, string Name, string Category, string Unit, decimal? Price,
    string? RequiredQualification, string? NationalCode, string? NationalMapping);

/// <summary>
/// The columns of a service-catalogue file (the template's header: Chinese with the English word after a slash; either
/// part names the column) and the row checks: every row is checked and every problem reported, row by row.
/// </summary>
public static partial class ServiceCatalogueFile
{
    public const int MaxItems = 20_000;

    /// <summary>A catalogue is a few hundred rows; a bigger upload is refused before it is read.</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("code", "项目编码", true),
        new("name", "项目名称", true),
        new("category", "类别", true),
        new("unit", "计价单位", true),
        new("price", "价格", false),
        new("qualification", "所需资格", false),
        new("national_code", "国家项目编码", false),
        new("national_mapping", "国家目录对应", false),
    ];

    /// <summary>The template's header row.</summary>
    public static IReadOnlyList<string> Header { get; } = [.. Columns.Select(c => c.Template)];

    /// <summary>Chinese names of the <c>LineCategories</c> a file may also use.</summary>
    public static readonly IReadOnlyDictionary<string, string> CategoryNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LineCategories.Care] = "生活照料",
        [LineCategories.MedicalCare] = "医疗护理",
        [LineCategories.Bed] = "床位",
        [LineCategories.Meal] = "膳食",
        [LineCategories.Drug] = "药品",
        [LineCategories.Other] = "其他",
    };

    public static string CategoryName(string code) => CategoryNames.GetValueOrDefault(code, code);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,17}$")]
    private static partial Regex NationalCodePattern();

    /// <summary>Reads every row; answers the valid rows and every problem found (nothing is applied here).</summary>
    internal static (List<CatalogueRow> Rows, List<CatalogueRowError> Errors) Read(IEnumerable<string?[]> rows)
    {
        var errors = new List<CatalogueRowError>();
        var items = new List<CatalogueRow>();
        using var table = new TableFile(rows, Columns);
        if (table.IsEmpty)
        {
            errors.Add(new(1, "", "文件是空的：第一行应为表头（可下载模板）"));
            return (items, errors);
        }

        errors.AddRange(table.HeaderProblems.Select(p => new CatalogueRowError(1, p.Column.Chinese, p.Message)));
        if (errors.Count > 0)
            return (items, errors);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in table.Rows())
        {
            var number = line.Number;
            if (items.Count + errors.Select(e => e.Row).Distinct().Count() >= MaxItems)
            {
                errors.Add(new(number, "", $"目录超过 {MaxItems:N0} 项，请检查文件"));
                break;
            }

            var row = ReadRow(line, errors);
            if (row is null)
                continue;
            if (seen.TryGetValue(row.Code, out var first))
            {
                errors.Add(new(number, "项目编码", $"项目编码 {row.Code} 与第 {first} 行重复"));
                continue;
            }

            seen[row.Code] = number;
            items.Add(row);
        }

        if (items.Count == 0 && errors.Count == 0)
            errors.Add(new(2, "", "文件没有服务项目"));
        return (items, errors);
    }

    private static CatalogueRow? ReadRow(TableRow row, List<CatalogueRowError> errors)
    {
        var before = errors.Count;
        var number = row.Number;
        void Error(string column, string message) => errors.Add(new(number, column, message));

        if (row.IsUnreadable)
        {
            Error("", TableFile.UnreadableRow);
            return null;
        }

        var code = row["code"];
        if (code is null)
            Error("项目编码", "项目编码不能为空");
        else if (!CodePattern().IsMatch(code))
            Error("项目编码", $"项目编码「{code}」只能包含字母、数字、. - _，不超过 32 个字符");

        var name = row["name"];
        if (name is null)
            Error("项目名称", "项目名称不能为空");
        else if (name.Length > 200)
            Error("项目名称", "项目名称不能超过 200 个字");

        var categoryText = row["category"];
        var category = categoryText is null ? null
            : LineCategories.All.FirstOrDefault(c => c == categoryText || CategoryNames[c] == categoryText);
        if (categoryText is null)
            Error("类别", "类别不能为空");
        else if (category is null)
            Error("类别", $"类别「{categoryText}」未知（可用：{string.Join("、", LineCategories.All.Select(c => $"{CategoryNames[c]}/{c}"))}）");

        var unit = row["unit"];
        if (unit is null)
            Error("计价单位", "计价单位不能为空");
        else if (unit.Length > 16)
            Error("计价单位", "计价单位不能超过 16 个字");

        decimal? price = null;
        if (row["price"] is { } priceText)
        {
            if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                Error("价格", $"价格「{priceText}」不是金额（元，如 35.50）");
            else if (value.Scale > 2 && decimal.Round(value, 2) != value)
                Error("价格", $"价格「{priceText}」最多两位小数");
            else if (value > 1_000_000m)
                Error("价格", $"价格「{priceText}」超过 1,000,000 元");
            else
                price = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        }

        string? qualification = null;
        if (row["qualification"] is { } qualificationText)
        {
            if (CareQualifications.Terms.TryRead(qualificationText, out var q))
                qualification = q.Code();
            else
                Error("所需资格", $"资格「{qualificationText}」未知（可用：{string.Join("、", CareQualifications.Terms.Terms.Select(t => $"{t.ChineseName}/{t.Code}"))}）");
        }

        var nationalCode = row["national_code"];
        if (nationalCode is not null && !NationalCodePattern().IsMatch(nationalCode))
            Error("国家项目编码", $"国家项目编码「{nationalCode}」应为不超过 {ServiceItem.NationalCodeLength} 位的字母或数字（依据 {ProviderClauses.NationalCode}）");

        var mapping = row["national_mapping"];
        if (mapping is { Length: > 200 })
            Error("国家目录对应", "国家目录对应不能超过 200 个字");

        return errors.Count > before
            ? null
            : new CatalogueRow(number, code!, name!, category!, unit!, price, qualification, nationalCode, mapping);
    }
}
