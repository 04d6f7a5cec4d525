using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>Insurance ends with the day of death: nobody is enrolled from a later day.</summary>
public sealed class NoEnrollmentAfterDeath(string personName, DeathRecord? death, DateOnly start) : IBusinessRule
{
    public string Code => "deceased";

    public string Clause => RegisterClauses.Register;

    public string Message => $"{personName} 已登记死亡，不能在死亡日期之后参保";

    public bool IsBroken() => death is not null && death.DateOfDeath < start;
}
