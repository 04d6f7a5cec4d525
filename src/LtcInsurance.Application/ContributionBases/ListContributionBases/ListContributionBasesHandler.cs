using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ContributionBases.ListContributionBases;

internal sealed class ListContributionBasesHandler(ILtcDbContext db)
    : IRequestHandler<ListContributionBasesQuery, IReadOnlyList<ContributionBaseView>>
{
    public async Task<IReadOnlyList<ContributionBaseView>> Handle(ListContributionBasesQuery request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId.Value;
        var rows = await db.Set<ContributionBase>().AsNoTracking().Where(b => b.PersonId == personId).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(b => b.RecordedAt).ThenByDescending(b => b.Id)
            .Select(b => ContributionBaseView.Of(b, Superseded(b, rows)))];
    }

    /// <summary>True when, for each month the base covers, another base of its kind recorded later is in force.</summary>
    private static bool Superseded(ContributionBase row, List<ContributionBase> all)
    {
        for (var month = row.From; month <= row.To; month = Month.Of(month.FirstDay.AddMonths(1)))
        {
            if (ContributionBase.InForce(all, row.Kind, month)?.Id == row.Id)
                return false;
        }

        return true;
    }
}
