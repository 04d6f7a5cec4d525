using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People;

internal static class PeopleProjection
{
    /// <summary>Reads <paramref name="people"/> (already filtered, ordered and paged) as list rows.</summary>
    public static async Task<List<PersonSummary>> SummariesAsync(ILtcDbContext db, IQueryable<InsuredPerson> people,
        CancellationToken cancellationToken)
    {
        var rows = await people
            .Select(p => new
            {
                p.Id, p.Name, p.IdNumber, p.Sex, p.BirthDate, p.RegionCode, p.MedicalInsurance,
                Scheme = db.EnrollmentPeriods.Where(e => e.PersonId == p.Id && e.EndDate == null).Select(e => e.Scheme).FirstOrDefault(),
                Deceased = db.DeathRecords.Any(d => d.PersonId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new PersonSummary(new PersonId(p.Id), p.Name, p.IdNumber.Masked, p.Sex, p.BirthDate,
            p.RegionCode, p.MedicalInsurance, p.Scheme, p.Deceased))];
    }
}
