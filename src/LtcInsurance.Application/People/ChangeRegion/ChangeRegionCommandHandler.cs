using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.People.Changes;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Enrollment.Rules;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.ChangeRegion;

internal sealed class ChangeRegionCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ChangeRegionCommand, RegisterChangeResult>
{
    public async Task<RegisterChangeResult> Handle(ChangeRegionCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var area = await db.Tenants.AsNoTracking().Where(t => t.Id == person.TenantId).Select(t => t.RegionCodes).SingleAsync(cancellationToken);
        BusinessRule.Check(new RegionMustBeInArea(request.RegionCode, area));
        if (person.RegionCode == request.RegionCode)
            return new RegisterChangeResult(0, "所在地区没有变化");
        var calculator = await engine.ForTenantAsync(person.TenantId, null, cancellationToken);
        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        return await db.InTransactionAsync(async ct =>
        {
            var before = person.RegionCode;
            person.ChangeRegion(request.RegionCode);
            log.Add(person, PersonChangeFields.Region, PersonChangeLog.Region(before), PersonChangeLog.Region(person.RegionCode),
                $"自 {PersonChangeLog.Day(request.EffectiveDate)} 起");
            var review = await EnrolmentReview.ReviewAsync(db, calculator, person, request.EffectiveDate, log, ct);
            ChangeOutcome.RefuseWhenBlocked(review);
            await db.SaveChangesAsync(ct);
            return new RegisterChangeResult(1, $"所在地区已变更。{review.Message}", review);
        }, cancellationToken);
    }
}
