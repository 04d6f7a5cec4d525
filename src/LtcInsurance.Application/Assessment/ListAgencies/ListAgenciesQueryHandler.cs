using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.ListAgencies;

internal sealed class ListAgenciesQueryHandler(ILtcDbContext db) : IRequestHandler<ListAgenciesQuery, IReadOnlyList<AgencyRow>>
{
    public async Task<IReadOnlyList<AgencyRow>> Handle(ListAgenciesQuery request, CancellationToken cancellationToken)
    {
        var agencies = await db.Set<AssessmentAgency>().AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var staff = await db.Set<Assessor>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var relations = (await (
                    from r in db.Set<AssessorRelation>().AsNoTracking()
                    join p in db.InsuredPeople on r.PersonId equals p.Id
                    orderby r.DeclaredOn
                    select new { r, p.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.r.AssessorId, x => new StaffRelation(x.r.Id, x.r.PersonId, x.Name, x.r.Relation, x.r.DeclaredOn));
        var byAgency = staff.ToLookup(s => s.AgencyId, s => new AgencyStaff(s.Id, s.Name, s.Qualification,
            AssessorQualifications.ChineseName(s.Qualification), s.CertificateNumber, s.UserName, [.. relations[s.Id]]));
        return
        [
            .. agencies.Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.AgreementFrom, a.AgreementTo, a.InAgreementOn(request.Today),
                a.ActsAsHandlingAgency, a.CareInstitutionId, a.CareInstitutionId is { } c ? institutions.GetValueOrDefault(c) : null, [.. byAgency[a.Id]])),
        ];
    }
}
