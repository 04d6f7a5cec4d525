using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Providers;

namespace LtcInsurance.Application.Providers.RecordSanction;

internal sealed class RecordSanctionCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordSanctionCommand, Guid>
{
    public async Task<Guid> Handle(RecordSanctionCommand request, CancellationToken cancellationToken)
    {
        var tenant = ProviderLookup.Tenant(db);
        // the subject must exist in this tenant
        if (request.SubjectKind == SanctionSubjects.CareWorker)
            await ProviderLookup.CareWorkerAsync(db, request.SubjectId, cancellationToken);
        else
            await ProviderLookup.ProviderAsync(db, request.SubjectId, cancellationToken);

        var sanction = Sanction.Record(tenant, request.SubjectKind, request.SubjectId, request.From, request.To,
            request.Reason.Trim(), request.Clause.Trim(), user.Name(), clock.GetUtcNow());
        db.Set<Sanction>().Add(sanction);
        await db.SaveChangesAsync(cancellationToken);
        return sanction.Id;
    }
}
