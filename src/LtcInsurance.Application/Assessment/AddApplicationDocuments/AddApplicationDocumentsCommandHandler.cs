using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Assessment;

namespace LtcInsurance.Application.Assessment.AddApplicationDocuments;

/// <returns>The checklist after the change.</returns>
internal sealed class AddApplicationDocumentsCommandHandler(ILtcDbContext db, ICurrentUser user, IUserBindings bindings) : IRequestHandler<AddApplicationDocumentsCommand, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(AddApplicationDocumentsCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        var scope = await ApplicationScope.OfAsync(db, user, bindings, cancellationToken);
        AssessmentRule.Check(!scope.Covers(application), AssessmentCodes.ApplicationNotFound, AssessmentClauses.Management, "未找到该评估申请");
        application.AddDocuments(request.Documents);
        await db.SaveChangesAsync(cancellationToken);
        return application.ProvidedDocuments;
    }
}
