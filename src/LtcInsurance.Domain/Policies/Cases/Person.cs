namespace LtcInsurance.Domain.Policies.Cases;

/// <summary>Medical insurance types (医保类型).</summary>
public static class MedicalInsurance
{
    public const string Employee = "employee";
    public const string Resident = "resident";
    public const string None = "none";
}

/// <summary>Employment situations.</summary>
public static class Employment
{
    public const string Employed = "employed";
    public const string Retired = "retired";
    public const string Flexible = "flexible";
    public const string UnemployedBenefit = "unemployed_benefit";
    public const string None = "none";
}

/// <summary>Person categories that change coverage or subsidies.</summary>
public static class PersonStatus
{
    public const string Dibao = "dibao";
    public const string Bianyuan = "bianyuan";
    public const string Tekun = "tekun";
    public const string Orphan = "orphan";
    public const string Fangfan = "fangfan";
    public const string MedicalAssistance = "medical_assistance";
    public const string WorkInjuryCareAllowance = "work_injury_care_allowance";
}

/// <summary>The schemes a person can be insured under.</summary>
public static class SchemeKinds
{
    public const string Employee = "employee";
    public const string Resident = "resident";
    public const string SpecialGroups = "special_groups";
}

/// <summary>A person as the enrolment rules see them.</summary>
public sealed record Person(
    DateOnly BirthDate,
    string RegionCode,
    string MedicalInsurance,
    string Employment,
    IReadOnlyList<string> Statuses)
{
    public bool Has(string status) => Statuses.Contains(status);

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}
