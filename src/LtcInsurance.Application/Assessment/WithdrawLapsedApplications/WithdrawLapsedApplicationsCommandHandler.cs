using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.WithdrawLapsedApplications;

/// <returns>How many applications were withdrawn.</returns>
internal sealed class WithdrawLapsedApplicationsCommandHandler(ILtcDbContext db, IPolicyEngine engine) : IRequestHandler<WithdrawLapsedApplicationsCommand, int>
{
    public async Task<int> Handle(WithdrawLapsedApplicationsCommand request, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<AssessmentApplication>()
            .Where(a => (a.Status == ApplicationStatuses.Registered || a.Status == ApplicationStatuses.Incomplete) && a.CompleteBy < request.On)
            .ToListAsync(cancellationToken);
        foreach (var application in waiting)
        {
            var completion = await AssessmentLookup.ParameterAsync(engine, application.TenantId, CommonParameters.ApplicationCompletionDays, application.AppliedOn, cancellationToken);
            application.Withdraw(request.On, completion.Clause);
        }

        await db.SaveChangesAsync(cancellationToken);
        return waiting.Count;
    }
}
