using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.DeclareRelation;

internal sealed class DeclareRelationCommandHandler(ILtcDbContext db) : IRequestHandler<DeclareRelationCommand, Guid>
{
    public async Task<Guid> Handle(DeclareRelationCommand request, CancellationToken cancellationToken)
    {
        var assessor = await db.Set<Assessor>().SingleOrDefaultAsync(a => a.Id == request.AssessorId, cancellationToken);
        AssessmentRule.Check(assessor is null, AssessmentCodes.AssessorNotFound, AssessmentClauses.Recusal, "未找到该评估人员");
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var relation = AssessorRelation.Declare(person.TenantId, assessor!.Id, person.Id, request.Relation.Trim(), request.DeclaredOn);
        db.Set<AssessorRelation>().Add(relation);
        await db.SaveChangesAsync(cancellationToken);
        return relation.Id;
    }
}
