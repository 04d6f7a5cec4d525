using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.RecordDeath;

internal sealed class RecordDeathCommandHandler(ILtcDbContext db, TimeProvider clock) : IRequestHandler<RecordDeathCommand, DeathRecorded>
{
    public async Task<DeathRecorded> Handle(RecordDeathCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var recorded = await db.DeathRecords.AnyAsync(d => d.PersonId == person.Id, cancellationToken);
        if (!recorded)
            db.DeathRecords.Add(person.RecordDeath(request.DateOfDeath, clock.GetUtcNow()));
        // Insurance ends with the day of death.
        var running = await db.EnrollmentPeriods
            .Where(e => e.PersonId == person.Id && (e.EndDate == null || e.EndDate > request.DateOfDeath))
            .ToListAsync(cancellationToken);
        foreach (var period in running)
            period.EndOnDeath(request.DateOfDeath);

        await db.SaveChangesAsync(cancellationToken);
        return new DeathRecorded(request.PersonId, recorded, running.Count);
    }
}
