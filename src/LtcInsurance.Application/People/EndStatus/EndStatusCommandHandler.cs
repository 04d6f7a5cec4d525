using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.EndStatus;

internal sealed class EndStatusCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EndStatusCommand, RegisterChangeResult>
{
    public async Task<RegisterChangeResult> Handle(EndStatusCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var status = await db.PersonStatuses.SingleOrDefaultAsync(s => s.Id == request.StatusId && s.PersonId == person.Id, cancellationToken)
            ?? throw new BusinessRuleViolationException("该人员没有这一人员类别");
        if (status.ToDate is { } to && to <= request.LastDay)
            return new RegisterChangeResult(0, $"该人员类别已于 {PersonChangeLog.Day(to)} 结束");
        var calculator = await engine.ForTenantAsync(person.TenantId, null, cancellationToken);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        return await db.InTransactionAsync(async ct =>
        {
            var before = PersonChangeLog.Status(status);
            status.End(request.LastDay);
            log.Add(person, PersonChangeFields.Status, before, PersonChangeLog.Status(status));
            await db.SaveChangesAsync(ct);
            var review = await EnrolmentReview.ReviewAsync(db, calculator, person, request.LastDay.AddDays(1), log, ct);
            ChangeOutcome.RefuseWhenBlocked(review);
            await db.SaveChangesAsync(ct);
            return new RegisterChangeResult(1, $"人员类别已结束。{review.Message}", review);
        }, cancellationToken);
    }
}
