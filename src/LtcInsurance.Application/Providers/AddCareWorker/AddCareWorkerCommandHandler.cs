using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.AddCareWorker;

internal sealed class AddCareWorkerCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<AddCareWorkerCommand, Guid>
{
    public async Task<Guid> Handle(AddCareWorkerCommand request, CancellationToken cancellationToken)
    {
        var provider = await ProviderLookup.ProviderAsync(db, request.InstitutionId, cancellationToken);
        ProviderRule.Check(provider.ProviderKind == ProviderKinds.Individual, ProviderCodes.InvalidInput, ProviderClauses.Individual,
            "个体服务人员本人即护理人员，不能另行登记护理人员");
        var idNumber = IdNumber.Parse(request.IdNumber).ToString();
        var duplicate = await db.Set<CareWorker>().AnyAsync(w => w.InstitutionId == provider.Id && w.IdNumber == idNumber, cancellationToken);
        ProviderRule.Check(duplicate, ProviderCodes.DuplicateWorker, ProviderClauses.RealName, $"身份证号码 {ProviderLookup.Mask(idNumber)} 已登记为本机构护理人员");

        var log = ProviderChangeLog.For(db, user, clock);
        var worker = CareWorker.Register(provider.TenantId, provider.Id, request.Name.Trim(), idNumber, request.Qualifications, log.ChangedBy, log.ChangedAt);
        db.Set<CareWorker>().Add(worker);
        log.Add(provider.Id, worker.Id, ProviderFields.WorkerAdded, null,
            $"{worker.Name} {ProviderLookup.Mask(idNumber)} {string.Join("、", worker.Qualifications.Select(CareQualifications.ChineseNameOf))}");
        await db.SaveChangesAsync(cancellationToken);
        return worker.Id;
    }
}
