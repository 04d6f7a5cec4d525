using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>Only a person under 18 on the day the link starts follows a guardian (YL 二(三)6).</summary>
public sealed class GuardianOnlyForMinors(InsuredPerson minor, DateOnly since) : IBusinessRule
{
    public string Code => "not_minor";

    public string Clause => RegisterClauses.MinorWithGuardian;

    public string Message => $"{minor.Name} 在 {since:yyyy-MM-dd} 已成年，无须登记监护人";

    public bool IsBroken() => minor.IsAdultOn(since);
}
