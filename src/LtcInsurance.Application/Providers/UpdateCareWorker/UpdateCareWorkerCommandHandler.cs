using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.UpdateCareWorker;

/// <summary>Answers how many fields changed.</summary>
internal sealed class UpdateCareWorkerCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<UpdateCareWorkerCommand, int>
{
    public async Task<int> Handle(UpdateCareWorkerCommand request, CancellationToken cancellationToken)
    {
        var worker = await ProviderLookup.CareWorkerAsync(db, request.CareWorkerId, cancellationToken);
        var idNumber = string.IsNullOrWhiteSpace(request.IdNumber) ? worker.IdNumber : IdNumber.Parse(request.IdNumber).ToString();
        if (idNumber != worker.IdNumber)
        {
            var duplicate = await db.Set<CareWorker>().AnyAsync(
                w => w.InstitutionId == worker.InstitutionId && w.IdNumber == idNumber && w.Id != worker.Id, cancellationToken);
            ProviderRule.Check(duplicate, ProviderCodes.DuplicateWorker, ProviderClauses.RealName,
                $"身份证号码 {ProviderLookup.Mask(idNumber)} 已登记为本机构另一名护理人员");
        }

        var log = ProviderChangeLog.For(db, user, clock);
        var before = (worker.Name, worker.IdNumber, Qualifications: string.Join(",", worker.Qualifications), worker.Active);
        worker.Update(request.Name.Trim(), idNumber, request.Qualifications, request.Active, log.ChangedBy, log.ChangedAt);
        log.Add(worker.InstitutionId, worker.Id, ProviderFields.WorkerName, before.Name, worker.Name);
        log.Add(worker.InstitutionId, worker.Id, ProviderFields.WorkerIdNumber,
            before.IdNumber == worker.IdNumber ? null : ProviderLookup.Mask(before.IdNumber),
            before.IdNumber == worker.IdNumber ? null : ProviderLookup.Mask(worker.IdNumber));
        log.Add(worker.InstitutionId, worker.Id, ProviderFields.WorkerQualifications, before.Qualifications, string.Join(",", worker.Qualifications));
        log.Add(worker.InstitutionId, worker.Id, ProviderFields.WorkerActive, before.Active ? "true" : "false", worker.Active ? "true" : "false");
        if (log.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        return log.Count;
    }
}
