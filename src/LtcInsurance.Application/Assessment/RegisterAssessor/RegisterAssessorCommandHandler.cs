using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.RegisterAssessor;

internal sealed class RegisterAssessorCommandHandler(ILtcDbContext db) : IRequestHandler<RegisterAssessorCommand, Guid>
{
    public async Task<Guid> Handle(RegisterAssessorCommand request, CancellationToken cancellationToken)
    {
        var agency = await AssessmentLookup.AgencyAsync(db, request.AgencyId, cancellationToken);
        var userName = string.IsNullOrWhiteSpace(request.UserName) ? null : request.UserName.Trim();
        if (userName is not null)
        {
            var taken = await db.Set<Assessor>().AnyAsync(a => a.UserName == userName, cancellationToken);
            AssessmentRule.Check(taken, AssessmentCodes.DuplicateCode, AssessmentClauses.Management, $"用户 {userName} 已登记为另一名评估人员");
        }

        var assessor = Assessor.Register(agency.TenantId, agency.Id, request.Name.Trim(), request.Qualification, request.CertificateNumber.Trim(), userName);
        db.Set<Assessor>().Add(assessor);
        await db.SaveChangesAsync(cancellationToken);
        return assessor.Id;
    }
}
