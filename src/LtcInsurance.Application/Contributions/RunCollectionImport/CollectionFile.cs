using System.Globalization;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Contributions.RunCollectionImport;

/// <summary>The tax bureau's collection file: its columns (by header, Chinese or English) and the check of one row's shape.</summary>
internal static class CollectionFile
{
    private static readonly string[][] Columns =
    [
        ["收款凭证号", "凭证号", "缴费凭证号", "receipt reference", "reference"],
        ["身份证号码", "身份证号", "证件号码", "id number"],
        ["期间", "缴费期间", "所属期", "period"],
        ["金额", "缴费金额", "实缴金额", "amount"],
        ["缴费日期", "入库日期", "paid on"],
    ];

    public const string HeaderMessage = "文件表头应包含：收款凭证号、身份证号码、期间、金额（可选：缴费日期）";

    /// <summary>Column index of reference, ID number, period, amount and (optional, -1) date; null when a required one is missing.</summary>
    public static int[]? Map(string?[] header)
    {
        var names = header.Select(h => (h ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var map = Columns.Select(aliases => names.FindIndex(n => aliases.Contains(n))).ToArray();
        return map.Take(4).Any(i => i < 0) ? null : map;
    }

    public sealed record Row(int Number, string? Reference, string? IdText, string? PeriodText, string? AmountText, string? DateText)
    {
        public IdNumber? Id { get; init; }

        public string? Period { get; init; }

        public decimal Amount { get; init; }

        public DateOnly? PaidOn { get; init; }

        public string? Problem { get; init; }
    }

    public static Row Check(int number, string?[] cells, int[] map)
    {
        string? Cell(int index) => index >= 0 && index < cells.Length ? cells[index]?.Trim() : null;
        var row = new Row(number, Cell(map[0]), Cell(map[1]), Cell(map[2]), Cell(map[3]), Cell(map[4]));
        var problems = new List<string>();
        if (string.IsNullOrEmpty(row.Reference) || row.Reference.Length > Domain.Contributions.PaymentMustCarryAReference.MaxLength)
            problems.Add("收款凭证号为空或超过64个字符");
        IdNumber? id = null;
        if (!IdNumber.TryParse(row.IdText?.ToUpperInvariant(), out id, out _))
            problems.Add("身份证号码格式不正确");
        string? period = null;
        if (ContributionPeriod.TryParse(row.PeriodText ?? "", out _))
            period = row.PeriodText!;
        else
            problems.Add("期间格式应为 YYYY 或 YYYY-MM");
        var amount = 0m;
        if (!AmountText.TryParse(row.AmountText, out amount, allowThousandsSeparators: true) || amount <= 0
            || decimal.Round(amount, 2) != amount)
            problems.Add("金额须为大于零、最多两位小数的数字");
        DateOnly? paidOn = null;
        if (!string.IsNullOrEmpty(row.DateText))
        {
            if (DateOnly.TryParseExact(row.DateText, ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
                paidOn = date;
            else
                problems.Add("缴费日期格式应为 YYYY-MM-DD");
        }

        return row with
        {
            Id = id, Period = period, Amount = amount, PaidOn = paidOn,
            Problem = problems.Count == 0 ? null : string.Join("；", problems),
        };
    }
}
