using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;

namespace LtcInsurance.Application.Assessment.AssignApplication;

/// <returns>The due date of the assessment.</returns>
internal sealed class AssignApplicationCommandHandler(ILtcDbContext db) : IRequestHandler<AssignApplicationCommand, DateOnly>
{
    public async Task<DateOnly> Handle(AssignApplicationCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        var agency = await AssessmentLookup.AgencyAsync(db, request.AgencyId, cancellationToken);
        application.AssignTo(agency, request.On, request.DueOn);
        await db.SaveChangesAsync(cancellationToken);
        return request.DueOn;
    }
}
