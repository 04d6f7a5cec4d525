using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.DesignateAgency;

internal sealed class DesignateAgencyCommandHandler(ILtcDbContext db) : IRequestHandler<DesignateAgencyCommand, Guid>
{
    public async Task<Guid> Handle(DesignateAgencyCommand request, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim();
        var taken = await db.Set<AssessmentAgency>().AnyAsync(a => a.Code == code, cancellationToken);
        AssessmentRule.Check(taken, AssessmentCodes.DuplicateCode, AssessmentClauses.Management, $"协议编码 {code} 已被其他评估机构使用");
        if (request.CareInstitutionId is { } institution)
        {
            var exists = await db.Institutions.AnyAsync(i => i.Id == institution, cancellationToken);
            AssessmentRule.Check(!exists, AssessmentCodes.InstitutionNotFound, AssessmentClauses.Management, "未找到所指定的护理机构");
        }

        var agency = AssessmentAgency.Designate(AssessmentLookup.Tenant(db), code, request.Name.Trim(), request.AgreementFrom, request.AgreementTo,
            request.CareInstitutionId, request.ActsAsHandlingAgency);
        db.Set<AssessmentAgency>().Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency.Id;
    }
}
