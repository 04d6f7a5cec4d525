using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A person category is one the register knows (<see cref="PersonStatusCodes"/>), the policy engine's vocabulary.</summary>
public sealed class PersonStatusMustBeKnown(string status) : IBusinessRule
{
    public string Code => "unknown_status";

    public string Clause => RegisterClauses.Register;

    public string Message => $"未知的人员类别 {status}";

    public bool IsBroken() => status is null || !PersonStatusCodes.IsKnown(status);
}
