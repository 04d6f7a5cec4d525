using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Assessment.AddApplicationDocuments;

/// <returns>The checklist after the change.</returns>
internal sealed class AddApplicationDocumentsCommandHandler(ILtcDbContext db) : IRequestHandler<AddApplicationDocumentsCommand, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(AddApplicationDocumentsCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        application.AddDocuments(request.Documents);
        await db.SaveChangesAsync(cancellationToken);
        return application.ProvidedDocuments;
    }
}
