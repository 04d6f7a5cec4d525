using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Benefits;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.DraftCarePlan;

internal sealed class DraftCarePlanCommandHandler(ILtcDbContext db, ICurrentUser user, IUserAdministration users, TimeProvider clock)
    : IRequestHandler<DraftCarePlanCommand, CarePlanDrafted>
{
    public async Task<CarePlanDrafted> Handle(DraftCarePlanCommand request, CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var entitlement = await BenefitLookup.EntitlementAsync(db, request.EntitlementId, cancellationToken);
        BenefitRule.Check(entitlement.InstitutionId is null, BenefitCodes.InstitutionNotFound, BenefitClauses.CarePlan, "该待遇资格尚未派单，不能制定护理服务计划");
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == entitlement.InstitutionId, cancellationToken);
        if (!user.User.IsInRole(Roles.Clerk))
        {
            // an institution user drafts only for the cases dispatched to their own institution
            var account = user.User.UserId is { } id ? await users.GetAsync(id, cancellationToken) : null;
            BenefitRule.Check(account?.InstitutionCode != institution.Code, BenefitCodes.NotYourInstitution, BenefitClauses.CarePlan,
                $"该待遇资格派单至 {institution.Name}，只有该机构的用户或经办人员可以制定护理服务计划");
        }

        BenefitRule.Check(!entitlement.Covers(request.From) || (request.To is { } to && !entitlement.Covers(to)),
            BenefitCodes.CarePlanOutside, BenefitClauses.CarePlan,
            $"护理服务计划的期间须在待遇资格期间（{BenefitLookup.Day(entitlement.From)} 至 {(entitlement.To is { } end ? BenefitLookup.Day(end) : "长期")}）之内");
        var plan = CarePlan.Draft(tenant, entitlement.Id, institution.Id, request.From, request.To, user.Name(), clock.GetUtcNow());
        foreach (var item in request.Items)
            plan.AddItem(item.ItemCode.Trim(), item.Frequency, item.FrequencyUnit, item.DurationMinutes);
        db.Set<CarePlan>().Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new CarePlanDrafted(plan.Id, $"护理服务计划已制定（{plan.Items.Count} 个服务项目），须经参保人确认后方可提供计入待遇的服务");
    }
}
