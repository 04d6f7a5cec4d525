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

    // Under row-level security the trigram index cannot serve LIKE for the application role (LIKE is not leakproof, so
    // it may not run inside an index scan ahead of the tenant policy): insured_people_named_like (migration
    // 20261207161000) finds the matching ids of the session's tenant on the index with the owner's rights, and they are
    // joined back here by primary key under the policies. OFFSET 0 keeps this subquery apart (PostgreSQL never pulls a
    // subquery with OFFSET up into the outer query): the caller's ORDER BY … LIMIT sorts the few matches, never walks the
    // (tenant_id, name) btree in name order testing every name (a 3-character search timed out at 1M people).
    public IQueryable<InsuredPerson> WithNameLike(string likePattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(likePattern);
        return db.InsuredPeople
            .FromSql($"SELECT p.* FROM insured_people_named_like({likePattern}) AS m(id) JOIN insured_people p ON p.id = m.id OFFSET 0")
            .AsNoTracking();
    }

    // insured_people_row_estimate (migration 20261207182000) asks the planner, with the owner's rights, how many rows the
    // session tenant has: the application role's own EXPLAIN would see the policy's current_setting, not the tenant, and
    // estimate an average over tenants.
    public async Task<long> EstimateRegisterAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT insured_people_row_estimate() AS \"Value\"").SingleAsync(cancellationToken);
}
