using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision.RecordFlagOutcome;

internal sealed class RecordFlagOutcomeHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordFlagOutcomeCommand, Guid>
{
    public async Task<Guid> Handle(RecordFlagOutcomeCommand request, CancellationToken cancellationToken)
    {
        var flag = await db.Set<AnomalyFlag>().SingleOrDefaultAsync(f => f.Id == request.FlagId, cancellationToken);
        SupervisionRule.Check(flag is null, "flag_not_found", "没有这个疑点");
        var outcome = flag!.Record(request.Outcome, request.Note, user.Name(), clock.GetUtcNow());
        db.Set<FlagOutcome>().Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return outcome.Id;
    }
}
