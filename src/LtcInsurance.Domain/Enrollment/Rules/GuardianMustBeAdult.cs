using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>The guardian a minor follows is 18 or older on the day the link starts.</summary>
public sealed class GuardianMustBeAdult(InsuredPerson guardian, DateOnly since) : IBusinessRule
{
    public string Code => "guardian_not_adult";

    public string Clause => RegisterClauses.Register;

    public string Message => $"{guardian.Name} 在 {since:yyyy-MM-dd} 未成年，不能登记为监护人";

    public bool IsBroken() => !guardian.IsAdultOn(since);
}
