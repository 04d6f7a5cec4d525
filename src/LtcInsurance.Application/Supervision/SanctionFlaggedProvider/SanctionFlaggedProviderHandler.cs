using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Providers.RecordSanction;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Supervision.SanctionFlaggedProvider;

internal sealed class SanctionFlaggedProviderHandler(ILtcDbContext db, ISender sender) : IRequestHandler<SanctionFlaggedProviderCommand, Guid>
{
    public async Task<Guid> Handle(SanctionFlaggedProviderCommand request, CancellationToken cancellationToken)
    {
        var flag = await db.Set<AnomalyFlag>().SingleOrDefaultAsync(f => f.Id == request.FlagId, cancellationToken);
        SupervisionRule.Check(flag is null, "flag_not_found", "没有这个疑点");
        SupervisionRule.Check(flag!.Status != FlagOutcomes.Confirmed, "flag_not_confirmed", "只有已确认的疑点可以转入处理登记");
        SupervisionRule.Check(flag.InstitutionId is null, "flag_without_provider", "该疑点不涉及服务机构，不能转入机构处理登记");
        SupervisionRule.Check(flag.SanctionId is not null, "flag_already_sanctioned", "该疑点已转入处理登记");

        var rule = AnomalyRules.Find(flag.RuleCode);
        var clause = flag.Clause.Length > 300 ? flag.Clause[..300] : flag.Clause;
        var reason = $"监管疑点（{rule?.ChineseName ?? flag.RuleCode}）：{request.Reason.Trim()}";
        var sanctionId = await sender.Send(new RecordSanctionCommand(SanctionSubjects.Institution, flag.InstitutionId!.Value, request.From, request.To,
            reason.Length > 500 ? reason[..500] : reason, clause), cancellationToken);
        flag.LinkSanction(sanctionId);
        await db.SaveChangesAsync(cancellationToken);
        return sanctionId;
    }
}
