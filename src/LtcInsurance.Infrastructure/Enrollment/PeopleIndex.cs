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
}
