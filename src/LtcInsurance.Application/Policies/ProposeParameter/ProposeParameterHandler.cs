using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Policies.ProposeParameter;

/// <summary>
/// Checks the name against the tenant's city module and reads the value strictly in the parameter's kind
/// (<see cref="ParameterValueText"/>), then writes the next version as proposed. A refusal writes nothing.
/// </summary>
internal sealed class ProposeParameterHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ProposeParameterCommand, ParameterVersionView>
{
    public async Task<ParameterVersionView> Handle(ProposeParameterCommand request, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId ?? throw new ForbiddenAccessException("没有当前城市，无法设置政策参数");
        var name = request.Name!.Trim();
        var definition = engine.Shipped(tenant)?.FirstOrDefault(d => d.Name == name)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.Name),
                $"参数名（name）「{name}」不是本市政策参数，请从政策参数列表中选择")]);
        var value = ParameterValueText.TryParse(definition, request.Value, out var error)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.Value), $"参数 {name}：{error}")]);

        var versions = db.Set<StoredParameterVersion>();
        var last = await versions.Where(v => v.Name == name).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var row = StoredParameterVersion.Propose(tenant, name, last + 1, ParameterValueText.Format(definition.Kind, value),
            request.EffectiveFrom!.Value, request.EffectiveTo, definition.Unit, request.SourceDocument!.Trim(), request.Reason!.Trim(),
            user.Name(), PolicyMoments.Truncate(clock.GetUtcNow()));
        versions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            versions.Entry(row).State = EntityState.Detached;
            throw new RequestValidationException([new ValidationProblem(nameof(request.Name),
                $"参数 {name} 刚由他人提出了第 {last + 1} 版，本次未保存，请刷新后重试")]);
        }

        return ParameterVersionViews.Of(row);
    }
}
