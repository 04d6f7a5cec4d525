using System.Globalization;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// One monthly contribution base (缴费基数) of a person for a stretch of months, as a city that charges a rate on it needs
/// it (YL 二(三)1-3): the wage base of employees and of flexible workers on the employee policy, the pension of retirees.
/// Bases come each year from the medical insurance system (a base file, or optional columns of the register file) or a
/// clerk's form. Rows are never changed: a new base for months already covered supersedes the older one for those months
/// (the latest recorded row covering a month is in force, <see cref="InForce"/>), and the older one stays as history.
/// </summary>
public sealed class ContributionBase : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private ContributionBase()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    /// <summary><see cref="ContributionBaseKinds.Wage"/> or <see cref="ContributionBaseKinds.Pension"/>.</summary>
    public string Kind { get; private init; } = "";

    /// <summary>First day of the first month the base applies to.</summary>
    public DateOnly FromMonth { get; private init; }

    /// <summary>First day of the last month the base applies to (a year: its December).</summary>
    public DateOnly ToMonth { get; private init; }

    /// <summary>Monthly amount in yuan, rounded to the cent once.</summary>
    public decimal Amount { get; private init; }

    /// <summary>One of <see cref="ContributionBaseSources"/>.</summary>
    public string Source { get; private init; } = "";

    /// <summary>The import (register import or base-file job) the base came from; null for the form.</summary>
    public Guid? SourceJobId { get; private init; }

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    public Month From => Month.Of(FromMonth);

    public Month To => Month.Of(ToMonth);

    /// <summary>"2027" for a calendar year, else "2027-01 至 2027-06" (or one month).</summary>
    public string PeriodText => PeriodLabel(From, To);

    public bool Covers(Month month) => month >= From && month <= To;

    /// <summary>A new base row. Throws <see cref="ArgumentException"/> for an unknown kind or source, a negative amount, or months out of order.</summary>
    public static ContributionBase Record(string tenantId, Guid personId, string kind, Month from, Month to, decimal amount,
        string source, Guid? sourceJobId, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (!ContributionBaseKinds.IsKnown(kind))
            throw new ArgumentException($"未知的缴费基数类别「{kind}」", nameof(kind));
        if (!ContributionBaseSources.All.Contains(source))
            throw new ArgumentException($"未知的缴费基数来源「{source}」", nameof(source));
        if (to < from)
            throw new ArgumentException("缴费基数的截止月份不能早于起始月份", nameof(to));
        if (amount < 0)
            throw new ArgumentException("缴费基数不能为负数", nameof(amount));
        return new ContributionBase
        {
            TenantId = tenantId, PersonId = personId, Kind = kind, FromMonth = from.FirstDay, ToMonth = to.FirstDay,
            Amount = Money.Round(amount), Source = source, SourceJobId = sourceJobId,
            RecordedBy = recordedBy.Length > 256 ? recordedBy[..256] : recordedBy, RecordedAt = recordedAt,
        };
    }

    /// <summary>
    /// The base of <paramref name="kind"/> in force for <paramref name="month"/>: of the rows covering it, the one recorded
    /// last (at or before <paramref name="knownAt"/> when given, so a bill can be recomputed with what was known then).
    /// </summary>
    public static ContributionBase? InForce(IEnumerable<ContributionBase> bases, string kind, Month month, DateTimeOffset? knownAt = null) =>
        bases.Where(b => b.Kind == kind && b.Covers(month) && (knownAt is null || b.RecordedAt <= knownAt))
            .OrderBy(b => b.RecordedAt).ThenBy(b => b.Id).LastOrDefault();

    /// <summary>
    /// True when recording (<paramref name="kind"/>, <paramref name="from"/>–<paramref name="to"/>, <paramref name="amount"/>)
    /// would change nothing: the latest row of the same kind and months already says that amount. Importing the same file
    /// again therefore adds no row.
    /// </summary>
    public static bool AlreadyRecorded(IEnumerable<ContributionBase> personBases, string kind, Month from, Month to, decimal amount) =>
        personBases.Where(b => b.Kind == kind && b.From == from && b.To == to)
            .OrderBy(b => b.RecordedAt).ThenBy(b => b.Id).LastOrDefault() is { } last && last.Amount == Money.Round(amount);

    public static string PeriodLabel(Month from, Month to) =>
        from.Number == 1 && to.Number == 12 && from.Year == to.Year
            ? from.Year.ToString("D4", CultureInfo.InvariantCulture)
            : from == to ? from.ToString() : $"{from} 至 {to}";
}

/// <summary>The kinds of base: the wage (employees, flexible workers on the employee policy) and the pension (retirees).</summary>
public static class ContributionBaseKinds
{
    public const string Wage = "wage";
    public const string Pension = "pension";

    public static readonly IReadOnlyList<string> All = [Wage, Pension];

    public static bool IsKnown(string? kind) => kind is Wage or Pension;

    public static string ChineseName(string kind) => kind switch
    {
        Wage => "缴费工资基数",
        Pension => "养老金基数",
        _ => kind,
    };

    /// <summary>A kind as a file or a form writes it: the code, its Chinese name or a short form (工资, 养老金); null otherwise.</summary>
    public static string? Parse(string? text) => text?.Trim() switch
    {
        "wage" or "工资" or "缴费工资" or "工资基数" or "缴费工资基数" or "月缴费工资" => Wage,
        "pension" or "养老金" or "养老金基数" or "基本养老金" or "退休金" => Pension,
        _ => null,
    };
}

/// <summary>Where a base came from.</summary>
public static class ContributionBaseSources
{
    public const string RegisterImport = "register_import";
    public const string BaseFile = "base_file";
    public const string Form = "form";

    public static readonly IReadOnlyList<string> All = [RegisterImport, BaseFile, Form];

    public static string ChineseName(string source) => source switch
    {
        RegisterImport => "参保登记导入",
        BaseFile => "缴费基数文件",
        Form => "手工录入",
        _ => source,
    };
}
