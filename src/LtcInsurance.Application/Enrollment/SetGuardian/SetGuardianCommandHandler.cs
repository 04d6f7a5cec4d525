using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.SetGuardian;

internal sealed class SetGuardianCommandHandler(ILtcDbContext db) : IRequestHandler<SetGuardianCommand, GuardianSet>
{
    public async Task<GuardianSet> Handle(SetGuardianCommand request, CancellationToken cancellationToken)
    {
        // Checked first, as before: the same id twice is a mistake whoever it names.
        BusinessRule.Check(new GuardianMustNotBeSelf(request.MinorId.Value, request.GuardianId.Value));
        var minor = await RegisterLookup.PersonAsync(db, request.MinorId, cancellationToken);
        var guardian = await RegisterLookup.PersonAsync(db, request.GuardianId, cancellationToken);
        var current = await db.GuardianLinks.SingleOrDefaultAsync(g => g.MinorId == minor.Id, cancellationToken);
        var link = minor.AssignGuardian(guardian, request.Relationship, request.Since, current);
        if (current is null)
            db.GuardianLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new GuardianSet(request.MinorId, request.GuardianId, current is not null);
    }
}
