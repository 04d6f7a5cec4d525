using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.RegisterAssessor;

/// <summary>
/// A linked user name must be an active assessor-role user of the same city bound to this agency (<c>users.agency_code</c> =
/// the agency's code): confirmations are taken from the signed-in user, so anyone else would sign for the agency.
/// </summary>
internal sealed class RegisterAssessorCommandHandler(ILtcDbContext db, IUserBindings bindings) : IRequestHandler<RegisterAssessorCommand, Guid>
{
    public async Task<Guid> Handle(RegisterAssessorCommand request, CancellationToken cancellationToken)
    {
        var agency = await AssessmentLookup.AgencyAsync(db, request.AgencyId, cancellationToken);
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? null : request.UserName.Trim();
        if (userName is not null)
        {
            var user = await bindings.FindByUserNameAsync(userName, cancellationToken);
            var reason = user is null || user.TenantId != agency.TenantId ? $"本市没有用户 {userName}"
                : user.Deactivated ? $"用户 {userName} 已停用"
                : !user.Roles.Contains(Roles.Assessor) ? $"用户 {userName} 不是评估人员角色"
                : user.AgencyCode != agency.Code ? $"用户 {userName} 绑定的评估机构代码为「{user.AgencyCode ?? "无"}」，不是 {agency.Code}"
                : null;
            AssessmentRule.Check(reason is not null, AssessmentCodes.AssessorUserMismatch, AssessmentClauses.Management,
                $"{reason}：评估人员的登录用户须为本评估机构（{agency.Name}，代码 {agency.Code}）的评估人员角色用户，请先在用户管理中创建或绑定");
            userName = user!.UserName;
            var taken = await db.Set<Assessor>().AnyAsync(a => a.UserName == userName, cancellationToken);
            AssessmentRule.Check(taken, AssessmentCodes.DuplicateCode, AssessmentClauses.Management, $"用户 {userName} 已登记为另一名评估人员");
        }

        var assessor = Assessor.Register(agency.TenantId, agency.Id, request.Name.Trim(), request.Qualification, request.CertificateNumber.Trim(), userName);
        db.Set<Assessor>().Add(assessor);
        await db.SaveChangesAsync(cancellationToken);
        return assessor.Id;
    }
}
