using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Enrollment.Rules;

/// <summary>A change to the register names a person of the tenant's register.</summary>
/// <param name="found">The person looked up by <paramref name="personId"/> in the current tenant; null when not there.</param>
public sealed class PersonMustBeOnRegister(Guid personId, InsuredPerson? found) : IBusinessRule
{
    public string Code => "unknown_person";

    public string Clause => RegisterClauses.Register;

    public string Message => $"参保登记中没有该人员（{personId}）";

    public bool IsBroken() => found is null;
}
