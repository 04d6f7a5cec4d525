namespace LtcInsurance.Application.ContributionBases;

/// <summary>
/// The columns of a base file (缴费基数导入), one base a row: ID number, the year or the months, the kind, the monthly
/// amount; the name is optional and, when given, must be the register's. The header row names the columns (any order).
/// </summary>
public static class BaseFileColumns
{
    public const string IdNumber = "身份证号码";
    public const string Name = "姓名";
    public const string Year = "年度";
    public const string FromMonth = "起始月份";
    public const string ToMonth = "截止月份";
    public const string Kind = "基数类别";
    public const string Amount = "月缴费基数";

    public static readonly IReadOnlyList<string> All = [IdNumber, Name, Year, FromMonth, ToMonth, Kind, Amount];

    public static readonly IReadOnlyList<string> Required = [IdNumber, Kind, Amount];

    /// <summary>The template's header and one example row per kind (CSV, UTF-8 with BOM for spreadsheets).</summary>
    public static string TemplateCsv() =>
        "\uFEFF" + string.Join(',', All) + "\r\n"
        + "450902198001010011,韦某,2027,,,工资,5000.00\r\n"
        + "450902195001010012,李某,,2027-01,2027-12,养老金,3200.00\r\n";
}

/// <summary>
/// The optional base columns of the register file (参保登记导入): a monthly wage base, a monthly pension base, and the
/// year they apply to (default: the year of 参保日期, else the import's year). Written to the bases as source
/// register_import; a row with a bad base cell is refused whole, with the column named.
/// </summary>
public static class RegisterBaseColumns
{
    public const string Wage = "月缴费工资基数";
    public const string Pension = "月养老金基数";
    public const string Year = "基数年度";

    public static readonly IReadOnlyList<string> All = [Wage, Pension, Year];
}
