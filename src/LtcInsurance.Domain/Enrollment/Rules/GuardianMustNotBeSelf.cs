using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A minor's guardian is another person.</summary>
public sealed class GuardianMustNotBeSelf(Guid minorId, Guid guardianId) : IBusinessRule
{
    public string Code => "invalid_guardian";

    public string Clause => RegisterClauses.MinorWithGuardian;

    public string Message => "监护人不能是本人";

    public bool IsBroken() => minorId == guardianId;
}
