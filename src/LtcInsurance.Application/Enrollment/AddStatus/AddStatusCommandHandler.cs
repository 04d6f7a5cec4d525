using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Enrollment.AddStatus;

/// <returns>The id of the new status period.</returns>
internal sealed class AddStatusCommandHandler(ILtcDbContext db) : IRequestHandler<AddStatusCommand, Guid>
{
    public async Task<Guid> Handle(AddStatusCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var status = person.AddStatus(request.Status, request.From, request.To);
        db.PersonStatuses.Add(status);
        await db.SaveChangesAsync(cancellationToken);
        return status.Id;
    }
}
