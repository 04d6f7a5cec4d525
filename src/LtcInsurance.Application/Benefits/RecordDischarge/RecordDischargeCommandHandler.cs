using LtcInsurance.Application.Benefits.RecordHospitalAdmission;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Benefits;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.RecordDischarge;

internal sealed class RecordDischargeCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordDischargeCommand, HospitalStayRecorded>
{
    public async Task<HospitalStayRecorded> Handle(RecordDischargeCommand request, CancellationToken cancellationToken)
    {
        var stay = await db.Set<HospitalStayRecord>().SingleOrDefaultAsync(s => s.Id == request.StayId, cancellationToken);
        BenefitRule.Check(stay is null, BenefitCodes.StayNotFound, BenefitClauses.Hospital, "未找到该住院记录");
        BenefitRule.Check(stay!.Discharged is not null, BenefitCodes.StayDischarged, BenefitClauses.Hospital,
            $"该住院记录已登记于 {BenefitLookup.Day(stay.Discharged ?? default)} 出院");
        BenefitRule.Check(request.Discharged < stay.Admitted, BenefitCodes.DischargeBeforeAdmission, BenefitClauses.Hospital,
            $"出院日期不能早于入院日期 {BenefitLookup.Day(stay.Admitted)}");
        stay.Discharge(request.Discharged, user.Name(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new HospitalStayRecorded(stay.Id, stay.Admitted, stay.Discharged,
            $"已登记于 {BenefitLookup.Day(request.Discharged)} 从 {stay.Hospital} 出院");
    }
}
