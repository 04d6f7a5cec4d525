using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Contributions;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ContributionBases.SetContributionBase;

internal sealed class SetContributionBaseHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetContributionBaseCommand, SetContributionBaseResult>
{
    public async Task<SetContributionBaseResult> Handle(SetContributionBaseCommand request, CancellationToken cancellationToken)
    {
        var personId = request.PersonId.Value;
        if (!await db.InsuredPeople.AsNoTracking().AnyAsync(p => p.Id == personId, cancellationToken))
            throw new RequestValidationException("参保人员不存在");
        var entry = new BaseEntry(personId, request.Kind, BaseText.MonthOf(request.From).Month!.Value,
            BaseText.MonthOf(request.To).Month!.Value, request.Amount);
        var (added, _) = await ContributionBaseBook.AppendAsync(db, [entry], ContributionBaseSources.Form, null, user.Name(),
            clock.GetUtcNow(), cancellationToken);
        if (added == 0)
            return new SetContributionBaseResult(false, null);
        var row = await db.Set<ContributionBase>().AsNoTracking().Where(b => b.PersonId == personId)
            .OrderByDescending(b => b.RecordedAt).ThenByDescending(b => b.Id).FirstAsync(cancellationToken);
        return new SetContributionBaseResult(true, ContributionBaseView.Of(row, false));
    }
}
