using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.SampleClaims;

internal sealed class SampleClaimsHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SampleClaimsCommand, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(SampleClaimsCommand request, CancellationToken cancellationToken)
    {
        Month.TryParse(request.Month.Trim(), out var month);
        var seed = request.Seed.Trim();
        var sampling = new ClaimSampling(request.Percent, request.AmountAtLeast, seed);
        var claims = await db.Set<Claim>()
            .Where(c => c.ServiceMonth == month.FirstDay && (c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.FirstReviewed))
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var picked = claims.Where(c => sampling.Picks(c.Id, c.Fund)).ToList();
        foreach (var claim in picked.Where(c => !c.Sampled))
            claim.MarkSampled(seed, user.Name(), clock.GetUtcNow());
        await ClaimStepRunner.SaveAsync(db, cancellationToken);

        return [.. picked.Select(c => c.Id)];
    }
}
