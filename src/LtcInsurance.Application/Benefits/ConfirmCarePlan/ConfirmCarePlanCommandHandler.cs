using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Benefits;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.ConfirmCarePlan;

internal sealed class ConfirmCarePlanCommandHandler(ILtcDbContext db, ICurrentUser user, IUserAdministration users)
    : IRequestHandler<ConfirmCarePlanCommand, CarePlanConfirmed>
{
    public async Task<CarePlanConfirmed> Handle(ConfirmCarePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await db.Set<CarePlan>().SingleOrDefaultAsync(p => p.Id == request.CarePlanId, cancellationToken);
        BenefitRule.Check(plan is null, BenefitCodes.CarePlanNotFound, BenefitClauses.CarePlan, "未找到该护理服务计划");
        BenefitRule.Check(plan!.IsConfirmed, BenefitCodes.CarePlanConfirmed, BenefitClauses.CarePlan,
            $"该护理服务计划已于 {BenefitLookup.Day(plan.ConfirmedByInsuredOn ?? default)} 经参保人确认");
        if (!user.User.IsInRole(Roles.Clerk))
        {
            var code = await db.Institutions.AsNoTracking().Where(i => i.Id == plan.InstitutionId).Select(i => i.Code).SingleAsync(cancellationToken);
            var account = user.User.UserId is { } id ? await users.GetAsync(id, cancellationToken) : null;
            BenefitRule.Check(account?.InstitutionCode != code, BenefitCodes.NotYourInstitution, BenefitClauses.CarePlan,
                "只有制定该计划的机构的用户或经办人员可以登记参保人确认");
        }

        var entitlement = await BenefitLookup.EntitlementAsync(db, plan.EntitlementId, cancellationToken);
        BenefitRule.Check(entitlement.To is { } to && request.ConfirmedOn > to, BenefitCodes.EntitlementEnded, BenefitClauses.CarePlan,
            $"待遇资格已于 {BenefitLookup.Day(entitlement.To ?? default)} 终止，不能再确认护理服务计划");
        plan.Confirm(request.ConfirmedOn, user.Name());
        await db.SaveChangesAsync(cancellationToken);
        return new CarePlanConfirmed(plan.Id, request.ConfirmedOn,
            $"参保人已于 {BenefitLookup.Day(request.ConfirmedOn)} 确认护理服务计划，自该日起提供的服务计入待遇");
    }
}
