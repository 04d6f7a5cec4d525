using System.Globalization;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>The columns of a register file, by their Chinese headers (the first row of the file).</summary>
public static class RegisterColumns
{
    public const string IdNumber = "身份证号码";
    public const string Name = "姓名";
    public const string Sex = "性别";
    public const string BirthDate = "出生日期";
    public const string Phone = "联系电话";
    public const string Region = "所在地区";
    public const string MedicalInsurance = "医保类型";
    public const string Employment = "就业状态";
    public const string Statuses = "人员类别";
    public const string EnrolledFrom = "参保日期";

    public static readonly IReadOnlyList<string> All =
        [IdNumber, Name, Sex, BirthDate, Phone, Region, MedicalInsurance, Employment, Statuses, EnrolledFrom];

    public static readonly IReadOnlyList<string> Required = [IdNumber, Name, Region, MedicalInsurance];
}

/// <summary>One problem of one row: the column header and a Chinese message (what the error report lists).</summary>
public sealed record RowProblem(string Column, string Message);

/// <summary>The values of a row as read (text), keyed by column header.</summary>
public sealed record RegisterRowInput(int RowNumber, IReadOnlyDictionary<string, string?> Values)
{
    public string? this[string column] => Values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Checks one register row: required fields, the ID number's check character and birth date (GB 11643), sex and
/// birth date agreeing with it, the region inside the tenant's area, known codes for insurance type, employment and
/// person categories, and no second row with the same ID number in the file. Pure; the importer stages the result.
/// Insurance type, employment and person categories are read through their vocabulary
/// (<see cref="MedicalInsuranceSchemes"/>, <see cref="EmploymentStatuses"/>, <see cref="PersonStatus"/>): a cell may
/// hold the code, the Chinese name or a usual short form (职工, 低保); anything else is a problem listing the allowed words.
/// With a <see cref="RegisterDateWindow"/> the dates must also be plausible: no birth in the future or before 1900, no
/// enrollment before the scheme started or more than a year ahead.
/// </summary>
public sealed class RegisterRowValidator(IReadOnlyCollection<string> tenantRegionCodes, RegisterDateWindow? dates = null)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public sealed record Checked(
        IdNumber? IdNumber, string? Name, Sex? Sex, DateOnly? BirthDate, string? Phone, string? RegionCode,
        MedicalInsuranceScheme? MedicalInsurance, EmploymentStatus Employment, IReadOnlyList<string> Statuses, DateOnly? EnrolledFrom,
        IReadOnlyList<RowProblem> Problems);

    public Checked Check(RegisterRowInput row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<RowProblem>();
        foreach (var column in RegisterColumns.Required.Where(c => row[c] is null))
            problems.Add(new RowProblem(column, $"{column}为必填项"));

        IdNumber? id = null;
        if (row[RegisterColumns.IdNumber] is { } idText)
        {
            if (!IdNumber.TryParse(idText, out id, out var error))
                problems.Add(new RowProblem(RegisterColumns.IdNumber, error!));
            else if (_seen.TryGetValue(id.Value, out var first))
                problems.Add(new RowProblem(RegisterColumns.IdNumber, $"与第{first}行身份证号码重复"));
            else
                _seen[id.Value] = row.RowNumber;
        }

        var name = row[RegisterColumns.Name];
        if (name is { Length: > 50 })
            problems.Add(new RowProblem(RegisterColumns.Name, "姓名超过50个字符"));

        Sex? sex = id?.Sex;
        if (row[RegisterColumns.Sex] is { } sexText)
        {
            Sex? given = sexText switch { "男" or "male" => Enrollment.Sex.Male, "女" or "female" => Enrollment.Sex.Female, _ => null };
            if (given is null)
                problems.Add(new RowProblem(RegisterColumns.Sex, $"性别「{sexText}」无效，应为男或女"));
            else if (id is not null && given != id.Sex)
                problems.Add(new RowProblem(RegisterColumns.Sex, "性别与身份证号码不一致"));
            else
                sex = given;
        }

        DateOnly? birth = id?.BirthDate;
        if (row[RegisterColumns.BirthDate] is { } birthText)
        {
            if (!TryDate(birthText, out var given))
                problems.Add(new RowProblem(RegisterColumns.BirthDate, $"出生日期「{birthText}」无效，应为YYYY-MM-DD"));
            else if (id is not null && given != id.BirthDate)
                problems.Add(new RowProblem(RegisterColumns.BirthDate, "出生日期与身份证号码不一致"));
            else
                birth = given;
        }

        var phone = row[RegisterColumns.Phone];
        if (phone is { Length: > 20 })
            problems.Add(new RowProblem(RegisterColumns.Phone, "联系电话超过20个字符"));

        var region = row[RegisterColumns.Region];
        if (region is not null && !tenantRegionCodes.Contains(region))
            problems.Add(new RowProblem(RegisterColumns.Region, $"所在地区「{region}」不在本统筹区范围内"));

        MedicalInsuranceScheme? medical = null;
        if (row[RegisterColumns.MedicalInsurance] is { } medicalText)
        {
            if (MedicalInsuranceSchemes.Terms.TryRead(medicalText, out var given))
                medical = given;
            else
                problems.Add(new RowProblem(RegisterColumns.MedicalInsurance, $"医保类型「{medicalText}」无效，应为{MedicalInsuranceSchemes.Terms.ShortNames()}"));
        }

        var employment = EmploymentStatus.NotEmployed;
        if (row[RegisterColumns.Employment] is { } employmentText && !EmploymentStatuses.Terms.TryRead(employmentText, out employment))
            problems.Add(new RowProblem(RegisterColumns.Employment, $"就业状态「{employmentText}」无效，应为{EmploymentStatuses.Terms.ShortNames()}"));

        var statuses = new List<string>();
        if (row[RegisterColumns.Statuses] is { } statusText)
        {
            foreach (var word in statusText.Split([';', '；', '、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (PersonStatus.Terms.TryRead(word, out var code))
                {
                    if (!statuses.Contains(code))
                        statuses.Add(code);
                }
                else
                {
                    problems.Add(new RowProblem(RegisterColumns.Statuses, $"人员类别「{word}」无效，应为{PersonStatus.Terms.ShortNames()}"));
                }
            }
        }

        DateOnly? enrolled = null;
        if (row[RegisterColumns.EnrolledFrom] is { } enrolledText)
        {
            if (TryDate(enrolledText, out var date))
                enrolled = date;
            else
                problems.Add(new RowProblem(RegisterColumns.EnrolledFrom, $"参保日期「{enrolledText}」无效，应为YYYY-MM-DD"));
        }

        if (dates is not null)
        {
            // A birth read from the ID number alone is named by that column; a future one there is a forged or mistyped number.
            var birthColumn = row[RegisterColumns.BirthDate] is null ? RegisterColumns.IdNumber : RegisterColumns.BirthDate;
            if (birth is { } born && born > dates.Today)
            {
                problems.Add(new RowProblem(birthColumn, $"{birthColumn}：出生日期 {born:yyyy-MM-dd} 晚于今天，不可能"));
                birth = null;
            }
            else if (birth is { } old && old < RegisterDateWindow.EarliestBirth)
            {
                problems.Add(new RowProblem(birthColumn, $"{birthColumn}：出生日期 {old:yyyy-MM-dd} 早于1900年，请核对"));
                birth = null;
            }

            if (enrolled is { } from && from < dates.SchemeStart)
                problems.Add(new RowProblem(RegisterColumns.EnrolledFrom,
                    $"参保日期 {from:yyyy-MM-dd} 早于本市长期护理保险制度施行日期 {dates.SchemeStart:yyyy-MM-dd}"));
            else if (enrolled is { } late && late > dates.Today.AddYears(1))
                problems.Add(new RowProblem(RegisterColumns.EnrolledFrom, $"参保日期 {late:yyyy-MM-dd} 晚于一年之后，请核对"));
        }

        return new Checked(id, name, sex, birth, phone, region, medical, employment, statuses, enrolled, problems);
    }

    /// <summary>Dates as text (2027-01-01, 2027/1/1, 20270101) or as a spreadsheet serial number.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }
}

/// <summary>
/// The window a register row's dates must fall in: births from 1900 to <paramref name="Today"/>, enrollments from the
/// city's <paramref name="SchemeStart"/> to a year after <paramref name="Today"/> (the importer passes the clock's date;
/// the domain reads no clock).
/// </summary>
public sealed record RegisterDateWindow(DateOnly Today, DateOnly SchemeStart)
{
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);
}
