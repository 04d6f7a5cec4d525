using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers.UpdateInstitution;

/// <summary>Answers how many fields changed (0: nothing to do).</summary>
internal sealed class UpdateInstitutionCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UpdateInstitutionCommand, int>
{
    public async Task<int> Handle(UpdateInstitutionCommand request, CancellationToken cancellationToken)
    {
        var provider = await ProviderLookup.ProviderAsync(db, request.Id, cancellationToken);
        if (provider.ProviderKind == ProviderKinds.Individual)
        {
            var individual = ServiceMode.IndividualCareWorker.Code();
            ProviderRule.Check(request.Terms.ServiceModes.Any(m => m != individual), ProviderCodes.ModeNotAdmitted, ProviderClauses.Individual,
                "个体服务人员只能提供个人护理服务");
        }
        else
        {
            ProviderRule.Check(request.Terms.ServiceModes.Contains(ServiceMode.IndividualCareWorker.Code()), ProviderCodes.ModeNotAdmitted,
                ProviderClauses.Individual, "个人护理服务由个体服务人员提供，请按个体服务人员登记");
        }

        var reason = string.IsNullOrWhiteSpace(request.StatusReason) ? null : request.StatusReason.Trim();
        ProviderRule.Check(request.Status != provider.Status && reason is null, ProviderCodes.InvalidInput, ProviderClauses.Agreement,
            "变更状态（暂停、退出或恢复）须填写原因");
        var log = ProviderChangeLog.For(db, user, clock);
        ProviderTermsApplier.Apply(provider, request.Terms, log);
        if (request.Status != provider.Status)
        {
            log.Add(provider.Id, null, ProviderFields.Status, provider.Status.ToString(), request.Status.ToString(), reason);
            provider.Status = request.Status;
            provider.StatusReason = reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        return log.Count;
    }
}
