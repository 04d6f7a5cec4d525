using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Benefits;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Benefits.RecordHospitalAdmission;

internal sealed class RecordHospitalAdmissionCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordHospitalAdmissionCommand, HospitalStayRecorded>
{
    public async Task<HospitalStayRecorded> Handle(RecordHospitalAdmissionCommand request, CancellationToken cancellationToken)
    {
        var tenant = BenefitLookup.Tenant(db);
        var person = await BenefitLookup.PersonAsync(db, request.Person.Value, cancellationToken);
        var stays = await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => s.PersonId == person.Id).ToListAsync(cancellationToken);
        var open = stays.FirstOrDefault(s => s.Discharged is null);
        BenefitRule.Check(open is not null, BenefitCodes.StayOpen, BenefitClauses.Hospital,
            $"{person.Name} 自 {BenefitLookup.Day(open?.Admitted ?? default)} 起在 {open?.Hospital} 住院尚未登记出院，请先登记出院");
        var overlapping = stays.FirstOrDefault(s => s.Covers(request.Admitted) && s.Discharged != request.Admitted);
        BenefitRule.Check(overlapping is not null, BenefitCodes.StayOpen, BenefitClauses.Hospital,
            $"入院日期 {BenefitLookup.Day(request.Admitted)} 落在已登记的住院期间内");
        var stay = HospitalStayRecord.Admit(tenant, person.Id, request.Admitted, request.Hospital, user.Name(), clock.GetUtcNow());
        db.Set<HospitalStayRecord>().Add(stay);
        await db.SaveChangesAsync(cancellationToken);
        return new HospitalStayRecorded(stay.Id, stay.Admitted, null, $"已登记 {person.Name} 于 {BenefitLookup.Day(stay.Admitted)} 入住 {stay.Hospital}");
    }
}
