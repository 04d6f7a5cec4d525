using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.ListApplications;

internal sealed class ListApplicationsQueryHandler(ILtcDbContext db, ICurrentUser user, IUserBindings bindings) : IRequestHandler<ListApplicationsQuery, IReadOnlyList<ApplicationRow>>
{
    public async Task<IReadOnlyList<ApplicationRow>> Handle(ListApplicationsQuery request, CancellationToken cancellationToken)
    {
        var scope = await ApplicationScope.OfAsync(db, user, bindings, cancellationToken);
        var applications = scope.Filter(db.Set<AssessmentApplication>().AsNoTracking());
        if (request.Status is { } status)
            applications = applications.Where(a => a.Status == status);
        if (request.OpenOnly)
            applications = applications.Where(a => ApplicationStatuses.Open.Contains(a.Status));
        var rows = await (
                from a in applications
                join p in db.InsuredPeople on a.PersonId equals p.Id
                join g in db.Set<AssessmentAgency>() on a.AgencyId equals g.Id into agencies
                from g in agencies.DefaultIfEmpty()
                orderby a.AppliedOn descending
                select new { a, p.Name, Agency = g == null ? null : g.Name })
            .Take(request.Take)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r =>
            {
                var a = r.a;
                DateOnly? next = a.Status switch
                {
                    ApplicationStatuses.Registered or ApplicationStatuses.Incomplete => a.AcceptanceDueOn,
                    ApplicationStatuses.Assigned => a.AssessmentDueOn,
                    ApplicationStatuses.Concluded when a.DeliveredOn is null => a.DeliveryDueOn,
                    _ => null,
                };
                return new ApplicationRow(a.Id, a.PersonId, r.Name, a.ApplicantKind, a.AppliedOn, a.Status, ApplicationStatuses.ChineseName(a.Status),
                    a.AcceptanceDueOn, a.CompleteBy, r.Agency, a.AssessmentDueOn, next, next < request.Today, a.DecisionMessage, a.ConcludedOn,
                    a.ConclusionLevelLabel, a.ProvidedDocuments, a.Kind, a.DeliveryDueOn, a.DeliveredOn, a.PublicityFrom, a.PublicityTo, a.ObjectedOn);
            })
            .OrderBy(r => r.NextDeadline ?? DateOnly.MaxValue)
            .ToList();
    }
}
