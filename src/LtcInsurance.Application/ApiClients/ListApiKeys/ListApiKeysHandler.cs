using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.ApiClients;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients.ListApiKeys;

internal sealed class ListApiKeysHandler(ILtcDbContext db, ICurrentUser current) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyView>>
{
    public async Task<IReadOnlyList<ApiKeyView>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var institutions = db.Institutions.AsNoTracking();
        if (ApiClientAccess.IsProviderOnly(current.User))
        {
            var own = ApiClientAccess.OwnProviderCode(current.User);
            institutions = institutions.Where(i => i.Code == own);
        }

        var rows = await (
                from key in db.Set<ApiKey>().AsNoTracking()
                join institution in institutions on key.InstitutionId equals institution.Id
                orderby key.CreatedAt descending, key.Id
                select new { key, institution.Code, institution.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ApiKeyView(r.key.Id, r.key.Name, r.Code, r.Name, r.key.Prefix, r.key.CreatedBy, r.key.CreatedAt,
            r.key.RevokedBy, r.key.RevokedAt, r.key.LastUsedAt))];
    }
}
