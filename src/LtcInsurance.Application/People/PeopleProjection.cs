using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People;

internal static class PeopleProjection
{
    /// <summary>Reads <paramref name="people"/> (already filtered, ordered and paged) as list rows, in one query.</summary>
    public static async Task<List<PersonSummary>> SummariesAsync(ILtcDbContext db, IQueryable<InsuredPerson> people,
        CancellationToken cancellationToken) =>
        [.. (await SummariesWithKeysAsync(db, people, cancellationToken)).Select(r => r.Summary)];

    /// <summary>As <see cref="SummariesAsync"/>, with each row's full ID number (for a keyset; never shown).</summary>
    public static async Task<List<(PersonSummary Summary, string IdNumber)>> SummariesWithKeysAsync(ILtcDbContext db,
        IQueryable<InsuredPerson> people, CancellationToken cancellationToken)
    {
        var rows = await Rows(db, people).ToListAsync(cancellationToken);
        return [.. rows.Select(p => (Summary(p), p.IdNumber.Value))];
    }

    /// <summary>
    /// The rows one at a time as the database sends them (exports of the whole register: memory stays flat).
    /// </summary>
    public static async IAsyncEnumerable<PersonSummary> StreamAsync(ILtcDbContext db, IQueryable<InsuredPerson> people,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Rows(db, people).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Summary(row);
    }

    private static IQueryable<Row> Rows(ILtcDbContext db, IQueryable<InsuredPerson> people) =>
        people.Select(p => new Row
        {
            Id = p.Id, Name = p.Name, IdNumber = p.IdNumber, Sex = p.Sex, BirthDate = p.BirthDate, RegionCode = p.RegionCode,
            MedicalInsurance = p.MedicalInsurance,
            Scheme = db.EnrollmentPeriods.Where(e => e.PersonId == p.Id && e.EndDate == null).Select(e => e.Scheme).FirstOrDefault(),
            Deceased = db.DeathRecords.Any(d => d.PersonId == p.Id),
        });

    private static PersonSummary Summary(Row p) =>
        new(new PersonId(p.Id), p.Name, p.IdNumber.Masked, p.Sex, p.BirthDate, p.RegionCode, p.MedicalInsurance, p.Scheme, p.Deceased);

    private sealed class Row
    {
        public Guid Id { get; init; }
        public required string Name { get; init; }
        public required IdNumber IdNumber { get; init; }
        public Sex Sex { get; init; }
        public DateOnly BirthDate { get; init; }
        public required string RegionCode { get; init; }
        public MedicalInsuranceScheme MedicalInsurance { get; init; }
        public string? Scheme { get; init; }
        public bool Deceased { get; init; }
    }
}
