using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Enrollment.AddStatus;

/// <returns>The id of the new status period.</returns>
/// <remarks>
/// The category is kept in the person's history; the city's eligibility rule then decides the open enrolment again from
/// the category's first day (what that did is in the history too).
/// </remarks>
internal sealed class AddStatusCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddStatusCommand, Guid>
{
    public async Task<Guid> Handle(AddStatusCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var status = person.AddStatus(request.Status, request.From, request.To);
        var calculator = await engine.ForTenantAsync(person.TenantId, null, cancellationToken);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        return await db.InTransactionAsync(async ct =>
        {
            db.PersonStatuses.Add(status);
            log.Add(person, PersonChangeFields.Status, null, PersonChangeLog.Status(status));
            await db.SaveChangesAsync(ct);
            var review = await EnrolmentReview.ReviewAsync(db, calculator, person, request.From, log, ct);
            ChangeOutcome.RefuseWhenBlocked(review);
            await db.SaveChangesAsync(ct);
            return status.Id;
        }, cancellationToken);
    }
}
