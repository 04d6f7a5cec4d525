using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.EndEnrollment;

internal sealed class EndEnrollmentCommandHandler(ILtcDbContext db) : IRequestHandler<EndEnrollmentCommand, EnrollmentEnded>
{
    public async Task<EnrollmentEnded> Handle(EndEnrollmentCommand request, CancellationToken cancellationToken)
    {
        var open = await db.EnrollmentPeriods
            .SingleOrDefaultAsync(e => e.PersonId == request.PersonId.Value && e.EndDate == null, cancellationToken);
        BusinessRule.Check(new EnrollmentMustBeOpen(open));
        open!.End(request.LastDay);
        await db.SaveChangesAsync(cancellationToken);
        return new EnrollmentEnded(open.Id, open.StartDate, request.LastDay);
    }
}
