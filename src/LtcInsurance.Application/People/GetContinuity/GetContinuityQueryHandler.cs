using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.GetContinuity;

internal sealed class GetContinuityQueryHandler(ILtcDbContext db) : IRequestHandler<GetContinuityQuery, Enrolment?>
{
    public async Task<Enrolment?> Handle(GetContinuityQuery request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId.Value;
        var birthDate = await db.InsuredPeople.AsNoTracking().Where(p => p.Id == personId).Select(p => (DateOnly?)p.BirthDate)
            .SingleOrDefaultAsync(cancellationToken);
        if (birthDate is not { } born)
            return null;
        var periods = await db.EnrollmentPeriods.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken);
        // A period whose own contribution is still unpaid does not count as insured (YL 二(四)5 激励约束: 断保).
        var unpaid = await (
                from b in db.ContributionBills
                where b.PersonId == personId
                let paid = db.ContributionPayments.Where(x => x.BillId == b.Id).Sum(x => (decimal?)x.Amount) ?? 0m
                where b.IndividualDue > paid
                select b.Period)
            .ToListAsync(cancellationToken);
        var holes = unpaid.Select(p => ContributionPeriod.TryParse(p, out var parsed) ? new DateRange(parsed.Start, parsed.End) : null)
            .OfType<DateRange>();
        return new EnrollmentHistory(born, periods, holes).AsOf(request.AsOf);
    }
}
