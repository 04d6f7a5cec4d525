using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Policies.ListPolicyParameters;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Policies.GetParameterHistory;

/// <summary>Null when the user acts for no tenant or the name is not one of the tenant's parameters.</summary>
internal sealed class GetParameterHistoryHandler(ILtcDbContext db, IPolicyEngine engine)
    : IRequestHandler<GetParameterHistoryQuery, ParameterHistory?>
{
    public async Task<ParameterHistory?> Handle(GetParameterHistoryQuery request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (db.CurrentTenantId is not { } tenant || engine.Shipped(tenant)?.FirstOrDefault(d => d.Name == name) is not { } definition)
            return null;
        var versions = await db.Set<StoredParameterVersion>().AsNoTracking().Where(v => v.Name == name)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return new ParameterHistory(definition.Name, definition.Label, ParameterTopics.Of(definition.Name),
            ParameterVersionViews.KindName(definition.Kind), definition.Unit, definition.Clause,
            [.. definition.Values.Select(v => new ShippedValue(v.From, ParameterVersionViews.Text(definition.Kind, v.Value), v.Note))],
            [.. versions.Select(ParameterVersionViews.Of)]);
    }
}
