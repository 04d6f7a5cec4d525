using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.EndSanction;

/// <summary>Answers the sanction's last day now.</summary>
internal sealed class EndSanctionCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EndSanctionCommand, DateOnly?>
{
    public async Task<DateOnly?> Handle(EndSanctionCommand request, CancellationToken cancellationToken)
    {
        var sanction = await db.Set<Sanction>().FirstOrDefaultAsync(s => s.Id == request.SanctionId, cancellationToken);
        ProviderRule.Check(sanction is null, ProviderCodes.SanctionNotFound, ProviderClauses.Sanctions, "找不到该处理记录");
        sanction!.End(request.LastDay, request.Reason.Trim(), user.Name(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return sanction.To;
    }
}
