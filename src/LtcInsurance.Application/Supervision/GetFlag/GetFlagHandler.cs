using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision.GetFlag;

internal sealed class GetFlagHandler(ILtcDbContext db) : IRequestHandler<GetFlagQuery, FlagDetail?>
{
    public async Task<FlagDetail?> Handle(GetFlagQuery request, CancellationToken cancellationToken)
    {
        var flags = db.Set<AnomalyFlag>().AsNoTracking().Where(f => f.Id == request.Id);
        var flag = await flags.SingleOrDefaultAsync(cancellationToken);
        if (flag is null)
            return null;
        var row = FlagQueries.Named(await FlagQueries.Rows(db, flags).SingleAsync(cancellationToken));
        var outcomes = await db.Set<FlagOutcome>().AsNoTracking().Where(o => o.FlagId == flag.Id).OrderBy(o => o.RecordedAt).ThenBy(o => o.Id)
            .Select(o => new FlagOutcomeView(o.Outcome, o.Note, o.RecordedBy, o.RecordedAt)).ToListAsync(cancellationToken);
        return new FlagDetail(row, flag.Clause, flag.Evidence, EvidenceLabels.Read(flag.Evidence), outcomes, flag.SanctionId, flag.CreatedBy);
    }
}
