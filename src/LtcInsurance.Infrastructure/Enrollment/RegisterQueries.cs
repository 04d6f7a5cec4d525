using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Enrollment;

public sealed class RegisterQueries(LtcDbContext db) : IRegisterQueries
{
    public async Task<Page<PersonSummary>> SearchPeopleAsync(string? text, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.InsuredPeople.AsNoTracking();
        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            // An ID number is matched whole (the column holds the converted value; partial numbers are not searchable).
            query = IdNumber.TryParse(term, out var id, out _)
                ? query.Where(p => p.IdNumber == id)
                : query.Where(p => p.Name.StartsWith(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var people = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new
            {
                p.Id, p.Name, p.IdNumber, p.RegionCode,
                Scheme = db.Set<EnrollmentPeriod>().Where(e => e.PersonId == p.Id && e.EndDate == null).Select(e => e.Scheme).FirstOrDefault(),
                Deceased = db.Set<DeathRecord>().Any(d => d.PersonId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return new Page<PersonSummary>(
            [.. people.Select(p => new PersonSummary(p.Id, p.Name, p.IdNumber.Masked, p.RegionCode, p.Scheme, p.Deceased))],
            total, skip, take);
    }

    public async Task<PersonDetail?> PersonDetailAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.InsuredPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return null;
        var statuses = await db.Set<PersonStatusPeriod>().AsNoTracking().Where(s => s.PersonId == personId)
            .OrderBy(s => s.FromDate).ToListAsync(cancellationToken);
        var enrollments = await db.Set<EnrollmentPeriod>().AsNoTracking().Where(e => e.PersonId == personId)
            .OrderBy(e => e.StartDate).ToListAsync(cancellationToken);
        var bills = await db.Set<ContributionBill>().AsNoTracking().Include(b => b.Lines).Where(b => b.PersonId == personId)
            .OrderBy(b => b.Period).ToListAsync(cancellationToken);
        var billIds = bills.Select(b => b.Id).ToList();
        var payments = await db.Set<ContributionPayment>().AsNoTracking().Where(p => billIds.Contains(p.BillId))
            .OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var death = await db.Set<DeathRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.PersonId == personId, cancellationToken);
        var guardian = await db.Set<GuardianLink>().AsNoTracking().SingleOrDefaultAsync(g => g.MinorId == personId, cancellationToken);
        return new PersonDetail(
            person.Id, person.Name, person.IdNumber.Value, person.Sex.ToString(), person.BirthDate, person.RegionCode,
            person.MedicalInsurance.ToString(), person.Employment.ToString(), death?.DateOfDeath, guardian?.GuardianId,
            [.. statuses.Select(s => new StatusView(s.Status, PersonStatusCodes.ChineseName(s.Status), s.FromDate, s.ToDate))],
            [.. enrollments.Select(e => new EnrollmentView(e.Id, e.Scheme, e.StartDate, e.EndDate, e.MonthlyBase))],
            [.. bills.Select(b => new BillView(b.Id, b.Period, b.Scheme, b.Total, b.IndividualDue,
                payments.Where(p => p.BillId == b.Id).Sum(p => p.Amount),
                b.Lines.ToDictionary(l => l.Payer, l => l.Amount), b.JournalSequence))],
            [.. payments.Select(p => new PaymentView(p.Id, p.BillId, p.Reference, p.Amount, p.PaidOn, p.JournalSequence))]);
    }

    public async Task<Enrolment?> ContinuityAsync(Guid personId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var person = await db.InsuredPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return null;
        var periods = await db.Set<EnrollmentPeriod>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        // A period whose own contribution is still unpaid does not count as insured (YL 二(四)5 激励约束: 断保).
        var unpaid = await (
                from b in db.Set<ContributionBill>()
                where b.PersonId == personId
                let paid = db.Set<ContributionPayment>().Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
                where b.IndividualDue > paid
                select b.Period)
            .ToListAsync(cancellationToken);
        var holes = unpaid.Select(p => ContributionPeriod.TryParse(p, out var parsed) ? new DateRange(parsed.Start, parsed.End) : null)
            .OfType<DateRange>();
        return new EnrollmentHistory(person.BirthDate, periods, holes).AsOf(asOf);
    }
}
