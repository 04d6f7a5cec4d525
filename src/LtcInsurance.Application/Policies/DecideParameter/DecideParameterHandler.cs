using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Policies.DecideParameter;

/// <summary>
/// Approves or rejects one proposed version (<see cref="StoredParameterVersion.Decide"/>: once, not by its proposer, a
/// rejection with a note). The database's trigger enforces the same, so a concurrent second decision is refused too.
/// </summary>
internal sealed class DecideParameterHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<DecideParameterCommand, ParameterVersionView>
{
    public async Task<ParameterVersionView> Handle(DecideParameterCommand request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var versions = db.Set<StoredParameterVersion>();
        var row = await versions.SingleOrDefaultAsync(v => v.Name == name && v.Version == request.Version, cancellationToken)
            ?? throw new RequestValidationException([new ValidationProblem(nameof(request.Version),
                $"参数 {name} 没有第 {request.Version} 版")]);
        row.Decide(request.Approve, user.Name(), PolicyMoments.Truncate(clock.GetUtcNow()), request.Note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            versions.Entry(row).State = EntityState.Detached;
            throw new BusinessRuleViolationException($"参数 {name} 第 {request.Version} 版已由他人审批，本次审批未保存；每个版本只能审批一次");
        }

        return ParameterVersionViews.Of(row);
    }
}
