using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Import.GetImportChanges;

internal sealed class GetImportChangesHandler(ILtcDbContext db) : IRequestHandler<GetImportChangesQuery, IReadOnlyList<ImportChange>>
{
    public Task<IReadOnlyList<ImportChange>> Handle(GetImportChangesQuery request, CancellationToken cancellationToken) =>
        ChangesAsync(db, request.JobId, cancellationToken);

    internal static async Task<IReadOnlyList<ImportChange>> ChangesAsync(ILtcDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.PersonChanges.AsNoTracking()
                join p in db.InsuredPeople.AsNoTracking() on c.PersonId equals p.Id
                where c.ImportJobId == jobId
                orderby p.IdNumber, c.ChangedAt, c.Id
                select new { c.PersonId, p.Name, p.IdNumber, c.Field, c.BeforeValue, c.AfterValue, c.Note })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ImportChange(new PersonId(r.PersonId), r.Name, r.IdNumber.Masked, r.Field,
            PersonChangeFields.ChineseName(r.Field), r.BeforeValue, r.AfterValue, r.Note))];
    }
}
