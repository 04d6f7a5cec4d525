using LtcInsurance.Application.People;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Enrollment;

/// <summary>
/// An ID-number prefix as a range on the stored <c>character(18)</c> column (<c>id_number &gt;= prefix AND id_number &lt;
/// next</c>, both sides bpchar), which the unique (tenant_id, id_number) index serves; EF cannot compare the converted
/// column with a string without casting it to text, which no index serves. The tenant query filter still applies.
/// </summary>
internal sealed class PeopleIndex(LtcDbContext db) : IPeopleIndex
{
    public IQueryable<InsuredPerson> WithIdNumberPrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        // Digits and X only (PeopleSearch.LooksLikeIdPrefix): the character after the last one bounds the range.
        var next = prefix[..^1] + (char)(prefix[^1] + 1);
        return db.InsuredPeople
            .FromSql($"SELECT * FROM insured_people WHERE id_number >= {prefix}::bpchar AND id_number < {next}::bpchar")
            .AsNoTracking();
    }

    // OFFSET 0 keeps the subquery apart (PostgreSQL never pulls a subquery with OFFSET up into the outer query): the
    // matches come from the trigram index, then the outer ORDER BY … LIMIT sorts those few. Without it the planner, with
    // a LIMIT 20 in name order and a LIKE it estimates at 100 rows of a million, walks the (tenant_id, name) index from
    // the start and tests every name (a 3-character search timed out at 1M people, docs/performance.md).
    public IQueryable<InsuredPerson> WithNameLike(string likePattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(likePattern);
        return db.InsuredPeople
            .FromSql($"SELECT * FROM insured_people WHERE name LIKE {likePattern} ESCAPE '\\' OFFSET 0")
            .AsNoTracking();
    }
}
