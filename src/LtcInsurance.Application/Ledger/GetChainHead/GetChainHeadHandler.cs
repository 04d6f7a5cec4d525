using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.GetChainHead;

internal sealed class GetChainHeadHandler(ILtcDbContext db) : IRequestHandler<GetChainHeadQuery, ChainHead>
{
    public async Task<ChainHead> Handle(GetChainHeadQuery request, CancellationToken cancellationToken)
    {
        var head = await db.LedgerChainHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return head is null ? ChainHead.Empty : new ChainHead(head.LastSequence, head.LastHash);
    }
}
