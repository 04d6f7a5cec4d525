using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A death is registered on or after the person's birth date.</summary>
public sealed class DeathNotBeforeBirth(DateOnly birthDate, DateOnly dateOfDeath) : IBusinessRule
{
    public string Code => "death_before_birth";

    public string Clause => RegisterClauses.Register;

    public string Message => $"死亡日期 {dateOfDeath:yyyy-MM-dd} 早于出生日期 {birthDate:yyyy-MM-dd}";

    public bool IsBroken() => dateOfDeath < birthDate;
}
