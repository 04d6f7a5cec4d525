using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Ledger;

namespace LtcInsurance.Application.Benefits.PostAssessmentFee;

internal sealed class PostAssessmentFeeCommandHandler(ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger)
    : IRequestHandler<PostAssessmentFeeCommand, AssessmentFeePosted>
{
    public Task<AssessmentFeePosted> Handle(PostAssessmentFeeCommand request, CancellationToken cancellationToken) =>
        AssessmentFees.PostAsync(db, engine, ledger, request.ApplicationId, request.On, cancellationToken);
}
