using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment;

/// <summary>Loads the register's rows the enrollment commands change (tracked, current tenant only).</summary>
internal static class RegisterLookup
{
    /// <exception cref="BusinessRuleViolationException"><see cref="PersonMustBeOnRegister"/>.</exception>
    public static async Task<InsuredPerson> PersonAsync(ILtcDbContext db, PersonId id, CancellationToken cancellationToken)
    {
        var person = await db.InsuredPeople.SingleOrDefaultAsync(p => p.Id == id.Value, cancellationToken);
        BusinessRule.Check(new PersonMustBeOnRegister(id.Value, person));
        return person!;
    }
}
