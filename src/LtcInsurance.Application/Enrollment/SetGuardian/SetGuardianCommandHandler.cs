using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.SetGuardian;

internal sealed class SetGuardianCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetGuardianCommand, GuardianSet>
{
    public async Task<GuardianSet> Handle(SetGuardianCommand request, CancellationToken cancellationToken)
    {
        var replaced = await GuardianAsync(db, request, new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new GuardianSet(request.MinorId, request.GuardianId, replaced);
    }

    /// <summary>Links the minor to the guardian (tracked, not saved) and keeps the change; true when a guardian was replaced.</summary>
    internal static async Task<bool> GuardianAsync(ILtcDbContext db, SetGuardianCommand request, PersonChangeLog log, CancellationToken cancellationToken)
    {
        // Checked first, as before: the same id twice is a mistake whoever it names.
        BusinessRule.Check(new GuardianMustNotBeSelf(request.MinorId.Value, request.GuardianId.Value));
        var minor = await RegisterLookup.PersonAsync(db, request.MinorId, cancellationToken);
        var guardian = await RegisterLookup.PersonAsync(db, request.GuardianId, cancellationToken);
        var current = await db.GuardianLinks.SingleOrDefaultAsync(g => g.MinorId == minor.Id, cancellationToken);
        string? before = null;
        if (current is not null)
        {
            var previous = await db.InsuredPeople.AsNoTracking().Where(p => p.Id == current.GuardianId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
            before = $"{previous}（{current.Relationship}，{PersonChangeLog.Day(current.Since)} 起）";
        }

        var link = minor.AssignGuardian(guardian, request.Relationship, request.Since, current);
        if (current is null)
            db.GuardianLinks.Add(link);
        log.Add(minor, PersonChangeFields.Guardian, before, $"{guardian.Name}（{link.Relationship}，{PersonChangeLog.Day(link.Since)} 起）");
        return current is not null;
    }
}
