using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.GetProviderStatement;

internal sealed class GetProviderStatementHandler(ILtcDbContext db, ICurrentUser user) : IRequestHandler<GetProviderStatementQuery, ProviderStatement>
{
    public async Task<ProviderStatement> Handle(GetProviderStatementQuery request, CancellationToken cancellationToken)
    {
        ClaimAccess.CheckProvider(user.User, request.ProviderCode);
        Month.TryParse(request.Month.Trim(), out var month);
        return await BuildAsync(db, request.ProviderCode, month, cancellationToken);
    }

    /// <summary>The statement of a provider's month (the caller has checked who may read it); also for the PDF and xlsx files.</summary>
    internal static async Task<ProviderStatement> BuildAsync(ILtcDbContext db, string providerCode, Month month, CancellationToken cancellationToken)
    {
        var provider = await ClaimLookup.ProviderAsync(db, providerCode, cancellationToken);
        var standing = ClaimStatus.Standing.ToArray();
        var claims = await db.Set<Claim>().AsNoTracking().Include(c => c.Lines).Include(c => c.Settlements)
            .Where(c => c.InstitutionId == provider.Id && c.ServiceMonth == month.FirstDay && standing.Contains(c.Status))
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        var lines = await ClaimViews.LinesAsync(db, [.. claims.SelectMany(c => c.Lines)], [.. claims.SelectMany(c => c.Settlements)], cancellationToken);
        var shares = lines.GroupBy(l => (l.PersonId, l.PersonName, l.MaskedIdNumber)).OrderBy(g => g.Key.PersonName, StringComparer.Ordinal)
            .Select(g => new PersonShare(g.Key.PersonId, g.Key.PersonName, g.Key.MaskedIdNumber, g.Sum(l => l.Amount), g.Sum(l => l.Fund), g.Sum(l => l.Individual)))
            .ToList();
        return new ProviderStatement(provider.Code, provider.Name, month.ToString(),
            [.. claims.Select(c => new StatementClaim(c.Id, c.Number, c.Status, ClaimStatus.ChineseName(c.Status), c.PayableSequence, c.PaymentBatchId))],
            lines, shares, lines.Sum(l => l.Amount), lines.Sum(l => l.Fund), lines.Sum(l => l.Individual),
            lines.Where(l => l.Recovered).Sum(l => l.Fund));
    }
}
