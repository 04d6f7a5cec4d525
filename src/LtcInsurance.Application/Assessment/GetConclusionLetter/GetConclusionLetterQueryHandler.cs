using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Documents.RenderConclusionLetter;

namespace LtcInsurance.Application.Assessment.GetConclusionLetter;

internal sealed class GetConclusionLetterQueryHandler(ILtcDbContext db, IPolicyEngine engine) : IRequestHandler<GetConclusionLetterQuery, ConclusionLetter>
{
    public Task<ConclusionLetter> Handle(GetConclusionLetterQuery request, CancellationToken cancellationToken) =>
        ConclusionLetters.ComposeAsync(db, engine, request.ApplicationId, request.Date, cancellationToken);
}
