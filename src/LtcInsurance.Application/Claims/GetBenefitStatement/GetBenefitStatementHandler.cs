using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.GetBenefitStatement;

internal sealed class GetBenefitStatementHandler(ILtcDbContext db) : IRequestHandler<GetBenefitStatementQuery, BenefitStatement>
{
    public async Task<BenefitStatement> Handle(GetBenefitStatementQuery request, CancellationToken cancellationToken)
    {
        Month.TryParse(request.Month.Trim(), out var month);
        return await BuildAsync(db, request.PersonId, month, cancellationToken);
    }

    /// <summary>The statement of a beneficiary's month (the caller has checked who may read it); also for the PDF.</summary>
    internal static async Task<BenefitStatement> BuildAsync(ILtcDbContext db, Guid personId, Month month, CancellationToken cancellationToken)
    {
        var person = await db.InsuredPeople.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        ClaimRule.Check(person is null, "person_not_found", ClaimClauses.Handling, "未找到该参保人员");
        var standing = ClaimStatus.Standing.ToArray();
        var final = ClaimStatus.Final.ToArray();
        var claims = await db.Set<Claim>().AsNoTracking().Include(c => c.Lines.Where(l => l.PersonId == personId))
            .Include(c => c.Settlements.Where(s => s.PersonId == personId))
            .Where(c => c.ServiceMonth == month.FirstDay && standing.Contains(c.Status) && c.Lines.Any(l => l.PersonId == personId))
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        var providerIds = claims.Select(c => c.InstitutionId).Distinct().ToList();
        var providers = await db.Institutions.AsNoTracking().Where(i => providerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var lines = new List<BenefitStatementLine>();
        foreach (var claim in claims)
        {
            var views = await ClaimViews.LinesAsync(db, claim.Lines, claim.Settlements, cancellationToken);
            var provider = providers[claim.InstitutionId];
            lines.AddRange(views.Select(v => new BenefitStatementLine(provider.Code, provider.Name, claim.Number, ClaimStatus.ChineseName(claim.Status), v)));
        }

        var yearStart = new DateOnly(month.Year, 1, 1);
        var yearEnd = new DateOnly(month.Year, 12, 31);
        var yearFund = await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where l.PersonId == personId && !l.Recovered && final.Contains(c.Status) && l.Day >= yearStart && l.Day <= yearEnd
                select l.Fund).SumAsync(cancellationToken);
        return new BenefitStatement(person!.Id, person.Name, person.IdNumber.Masked, month.ToString(), lines,
            lines.Sum(l => l.Line.Amount), lines.Sum(l => l.Line.Fund), lines.Sum(l => l.Line.Individual), yearFund);
    }
}
