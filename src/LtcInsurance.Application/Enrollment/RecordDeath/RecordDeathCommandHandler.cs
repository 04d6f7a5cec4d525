using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.RecordDeath;

internal sealed class RecordDeathCommandHandler(ILtcDbContext db, TimeProvider clock, ICurrentUser user) : IRequestHandler<RecordDeathCommand, DeathRecorded>
{
    public async Task<DeathRecorded> Handle(RecordDeathCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        var recorded = await db.DeathRecords.AnyAsync(d => d.PersonId == person.Id, cancellationToken);
        if (!recorded)
        {
            db.DeathRecords.Add(person.RecordDeath(request.DateOfDeath, clock.GetUtcNow()));
            log.Add(person, PersonChangeFields.Death, null, PersonChangeLog.Day(request.DateOfDeath));
        }

        // Insurance ends with the day of death.
        var running = await db.EnrollmentPeriods
            .Where(e => e.PersonId == person.Id && (e.EndDate == null || e.EndDate > request.DateOfDeath))
            .ToListAsync(cancellationToken);
        foreach (var period in running)
        {
            var before = PersonChangeLog.Enrollment(period);
            period.EndOnDeath(request.DateOfDeath);
            log.Add(person, PersonChangeFields.Enrollment, before, PersonChangeLog.Enrollment(period), "死亡登记：参保于死亡之日终止");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DeathRecorded(request.PersonId, recorded, running.Count);
    }
}
