using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.ListClaims;

internal sealed class ListClaimsHandler(ILtcDbContext db, ICurrentUser user) : IRequestHandler<ListClaimsQuery, Page<ClaimListItem>>
{
    public async Task<Page<ClaimListItem>> Handle(ListClaimsQuery request, CancellationToken cancellationToken)
    {
        var providerCode = ClaimAccess.OwnProvider(user.User) ?? (string.IsNullOrWhiteSpace(request.ProviderCode) ? null : request.ProviderCode.Trim());
        var query =
            from c in db.Set<Claim>().AsNoTracking()
            join i in db.Institutions.AsNoTracking() on c.InstitutionId equals i.Id
            select new { c, i.Code, i.Name };
        if (providerCode is not null)
            query = query.Where(x => x.Code == providerCode);
        if (Month.TryParse(request.Month?.Trim(), out var month))
            query = query.Where(x => x.c.ServiceMonth == month.FirstDay);
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = request.Status.Trim();
            query = query.Where(x => x.c.Status == status);
        }

        if (request.SampledOnly)
            query = query.Where(x => x.c.Sampled);
        // The page and one claim more (whether the list goes on); counted (up to CountCap) only when it does, or when the
        // page lies past the end (a stale link), so the pager can go back.
        var rows = await query.OrderByDescending(x => x.c.ServiceMonth).ThenBy(x => x.Code).ThenByDescending(x => x.c.SubmittedAt)
            .Skip(request.Skip).Take(request.Take + 1)
            .Select(x => new
            {
                x.c.Id, x.c.Number, x.Code, x.Name, x.c.ServiceMonth, x.c.Status, Lines = x.c.Lines.Count, x.c.Billed, x.c.Fund, x.c.Individual,
                x.c.SubmittedAt, x.c.Sampled, x.c.ReturnCodes,
            })
            .ToListAsync(cancellationToken);
        var more = rows.Count > request.Take;
        if (more)
            rows.RemoveAt(request.Take);
        var total = request.Skip + rows.Count;
        var lowerBound = false;
        if (more || (rows.Count == 0 && request.Skip > 0))
        {
            var counted = await query.Take(ListClaimsQuery.CountCap + 1).CountAsync(cancellationToken);
            lowerBound = counted > ListClaimsQuery.CountCap;
            total = more ? Math.Max(Math.Min(counted, ListClaimsQuery.CountCap), total + 1) : Math.Min(counted, ListClaimsQuery.CountCap);
        }

        return new Page<ClaimListItem>(
            [.. rows.Select(r => new ClaimListItem(r.Id, r.Number, r.Code, r.Name, Month.Of(r.ServiceMonth).ToString(), r.Status,
                ClaimStatus.ChineseName(r.Status), r.Lines, r.Billed, r.Fund, r.Individual, r.SubmittedAt, r.Sampled, r.ReturnCodes))],
            total, request.Skip, request.Take, lowerBound);
    }
}
