using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LtcInsurance.Application.People.GetPersonDetail;

internal sealed class GetPersonDetailQueryHandler(ILtcDbContext db, ICurrentUser user, IAuditTrail audit,
    ILogger<GetPersonDetailQueryHandler> logger)
    : IRequestHandler<GetPersonDetailQuery, PersonDetail?>
{
    public async Task<PersonDetail?> Handle(GetPersonDetailQuery request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId.Value;
        // The person with their death and guardian (at most one each), in one statement.
        var found = await db.InsuredPeople.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                Person = p,
                DateOfDeath = db.DeathRecords.Where(d => d.PersonId == personId).Select(d => (DateOnly?)d.DateOfDeath).FirstOrDefault(),
                GuardianId = db.GuardianLinks.Where(g => g.MinorId == personId).Select(g => (Guid?)g.GuardianId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        var person = found.Person;
        var statuses = await db.PersonStatuses.AsNoTracking().Where(s => s.PersonId == personId)
            .OrderBy(s => s.FromDate).ToListAsync(cancellationToken);
        var enrollments = await db.EnrollmentPeriods.AsNoTracking().Where(e => e.PersonId == personId)
            .OrderBy(e => e.StartDate).ToListAsync(cancellationToken);
        var bills = await db.ContributionBills.AsNoTracking().Include(b => b.Lines).Where(b => b.PersonId == personId)
            .OrderBy(b => b.Period).ToListAsync(cancellationToken);
        var billIds = bills.Select(b => b.Id).ToList();
        var payments = await db.ContributionPayments.AsNoTracking().Where(p => billIds.Contains(p.BillId))
            .OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToListAsync(cancellationToken);

        // Personal information protection: who saw a full ID number, of which city's person, is on record (the audit trail and the log).
        audit.Viewed("person.detail", "Person", personId.ToString());
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Full ID number of person {PersonId} shown to {UserName} in tenant {TenantId}",
                personId, user.User.UserName, person.TenantId);
        }

        return new PersonDetail(
            new PersonId(person.Id), person.Name, person.IdNumber.Value, person.Sex.ToString(), person.BirthDate, person.RegionCode,
            person.MedicalInsurance.ToString(), person.Employment.ToString(), person.Phone, person.Address,
            found.DateOfDeath, found.GuardianId is { } guardian ? new PersonId(guardian) : null,
            [.. statuses.Select(s => new StatusView(s.Status, PersonStatusCodes.ChineseName(s.Status), s.FromDate, s.ToDate, s.Id))],
            [.. enrollments.Select(e => new EnrollmentView(e.Id, e.Scheme, e.StartDate, e.EndDate, e.MonthlyBase))],
            [.. bills.Select(b => new BillView(new BillId(b.Id), b.Period, b.Scheme, b.Total, b.IndividualDue,
                payments.Where(p => p.BillId == b.Id).Sum(p => p.Amount),
                b.Lines.ToDictionary(l => l.Payer, l => l.Amount), Sequence(b.JournalSequence)))],
            [.. payments.Select(p => new PaymentView(p.Id, new BillId(p.BillId), p.Reference, p.Amount, p.PaidOn, Sequence(p.JournalSequence)))]);
    }

    private static EntrySequence? Sequence(long? sequence) => sequence is { } s ? new EntrySequence(s) : null;
}
