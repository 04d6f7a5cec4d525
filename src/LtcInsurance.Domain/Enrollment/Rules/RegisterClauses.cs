namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>Where the register's rules come from (<see cref="Common.IBusinessRule.Clause"/>).</summary>
public static class RegisterClauses
{
    /// <summary>
    /// The register's own consistency (one insured period at a time, dates in order, a death after the birth): no city
    /// document states these; every scheme's register keeps them.
    /// </summary>
    public const string Register = "参保登记规则";

    /// <summary>Minors not in work are insured with their guardian (YL 二(三)6).</summary>
    public const string MinorWithGuardian = "YL 二(三)6";
}
