using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.GetPersonChanges;

internal sealed class GetPersonChangesQueryHandler(ILtcDbContext db) : IRequestHandler<GetPersonChangesQuery, IReadOnlyList<PersonChangeView>>
{
    public async Task<IReadOnlyList<PersonChangeView>> Handle(GetPersonChangesQuery request, CancellationToken cancellationToken)
    {
        var changes = await db.PersonChanges.AsNoTracking().Where(c => c.PersonId == request.PersonId.Value)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        return [.. changes.Select(c => new PersonChangeView(c.Field, PersonChangeFields.ChineseName(c.Field), c.BeforeValue, c.AfterValue,
            c.Note, c.ChangedBy, c.ChangedAt, c.ImportJobId))];
    }
}
