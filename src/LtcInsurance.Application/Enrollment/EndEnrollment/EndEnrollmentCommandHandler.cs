using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.EndEnrollment;

internal sealed class EndEnrollmentCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EndEnrollmentCommand, EnrollmentEnded>
{
    public async Task<EnrollmentEnded> Handle(EndEnrollmentCommand request, CancellationToken cancellationToken)
    {
        var open = await db.EnrollmentPeriods
            .SingleOrDefaultAsync(e => e.PersonId == request.PersonId.Value && e.EndDate == null, cancellationToken);
        BusinessRule.Check(new EnrollmentMustBeOpen(open));
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var before = PersonChangeLog.Enrollment(open!);
        open!.End(request.LastDay);
        new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow())
            .Add(person, PersonChangeFields.Enrollment, before, PersonChangeLog.Enrollment(open), "停保");
        await db.SaveChangesAsync(cancellationToken);
        return new EnrollmentEnded(open.Id, open.StartDate, request.LastDay);
    }
}
