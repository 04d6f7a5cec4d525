using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>Only an open enrollment (no last day yet) can be ended (停保).</summary>
/// <param name="period">The period to end; null when the person has no open one.</param>
public sealed class EnrollmentMustBeOpen(EnrollmentPeriod? period) : IBusinessRule
{
    public string Code => "not_enrolled";

    public string Clause => RegisterClauses.Register;

    public string Message => "该人员没有有效的参保记录";

    public bool IsBroken() => period is not { IsOpen: true };
}
