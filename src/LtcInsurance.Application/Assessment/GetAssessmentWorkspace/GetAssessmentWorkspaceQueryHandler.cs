using LtcInsurance.Application.Benefits;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.GetAssessmentWorkspace;

internal sealed class GetAssessmentWorkspaceQueryHandler(
    ILtcDbContext db, IPolicyEngine engine, TimeProvider clock, ICurrentUser user, IUserBindings bindings, IWorkingCalendar calendar)
    : IRequestHandler<GetAssessmentWorkspaceQuery, AssessmentWorkspace>
{
    public async Task<AssessmentWorkspace> Handle(GetAssessmentWorkspaceQuery request, CancellationToken cancellationToken)
    {
        var tenant = AssessmentLookup.Tenant(db);
        AssessmentInstrument? instrument = null;
        string? refusal = null;
        try
        {
            var id = (await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.AssessmentInstrument, PlausibleDates.Today(clock), cancellationToken)).Text;
            instrument = AssessmentInstrument.BuiltInTable(id!);
        }
        catch (BusinessRuleViolationException e)
        {
            refusal = e.Message;
        }
        catch (PolicyException e)
        {
            refusal = e.Message;
        }

        var agencies = await db.Set<AssessmentAgency>().AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new WorkspaceAgency(a.Id, a.Code, a.Name, a.AgreementFrom, a.AgreementTo, a.ActsAsHandlingAgency))
            .ToListAsync(cancellationToken);
        var assessors = (await db.Set<Assessor>().AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => new WorkspaceAssessor(a.Id, a.AgencyId, a.Name, a.Qualification, AssessorQualifications.ChineseName(a.Qualification), a.UserName, a.IsExpert))
            .ToList();

        WorkspaceApplication? application = null;
        WorkspaceRecord? record = null;
        if (request.ApplicationId is { } applicationId)
        {
            var row = await (
                    from x in (await ApplicationScope.OfAsync(db, user, bindings, cancellationToken)).Filter(db.Set<AssessmentApplication>().AsNoTracking())
                    join p in db.InsuredPeople on x.PersonId equals p.Id
                    where x.Id == applicationId
                    select new { a = x, p.Name })
                .SingleOrDefaultAsync(cancellationToken);
            AssessmentRule.Check(row is null, AssessmentCodes.ApplicationNotFound, AssessmentClauses.Management, "未找到该评估申请");
            var a = row!.a;
            application = new WorkspaceApplication(a.Id, a.PersonId, row.Name, a.ApplicantKind, a.ApplicantName, a.AppliedOn, a.Status,
                ApplicationStatuses.ChineseName(a.Status), a.ProvidedDocuments, ApplicationDocuments.Required(a.ApplicantKind), a.DecisionCode,
                a.DecisionClause, a.DecisionMessage, a.AgencyId, a.AssignedOn, a.AssessmentDueOn, a.ConcludedOn, a.ConclusionLevelLabel,
                await PublicityAsync(a, cancellationToken),
                a.Status == ApplicationStatuses.Concluded ? await AssessmentFees.PostedSequenceAsync(db, a.Id, cancellationToken) : null);
            var latest = await db.Set<OnSiteAssessment>().AsNoTracking().Where(r => r.ApplicationId == applicationId)
                .OrderByDescending(r => r.RecordedAt).FirstOrDefaultAsync(cancellationToken);
            if (latest is not null)
            {
                var names = latest.StaffIds.Select(s => assessors.FirstOrDefault(x => x.Id == s)?.Name ?? "?").ToList();
                record = new WorkspaceRecord(latest.Id, latest.AssessedOn, names, latest.AttendantName, latest.AttendantRelation, latest.EvidenceReferences,
                    latest.Instrument, latest.Items, latest.Totals, latest.Level, latest.LevelLabel, latest.EligibleForBenefit, latest.Trace, latest.RecordedBy,
                    latest.FirstConfirmedBy, latest.FirstConfirmedOn, latest.SecondConfirmedBy, latest.SecondConfirmedOn);
            }
        }

        return new AssessmentWorkspace(instrument?.Id, instrument?.Name, instrument?.Indicators ?? [], instrument?.Items ?? [], refusal,
            agencies, assessors, application, record);
    }

    private async Task<WorkspacePublicity?> PublicityAsync(AssessmentApplication a, CancellationToken cancellationToken)
    {
        if (a.Status != ApplicationStatuses.Concluded)
            return null;
        var publicity = new WorkspacePublicity(a.IsReview, a.ReviewOfId, a.PublicityFrom, a.PublicityTo, a.ObjectedOn, a.ObjectionReason, a.ReviewApplicationId);
        if (a.IsReview || a.PublicityFrom is not null)
            return publicity;
        try
        {
            var preview = await PublicitySchedule.ComputeAsync(engine, calendar, a.TenantId, PlausibleDates.Today(clock), cancellationToken);
            return publicity with { PreviewTo = preview.Last, PreviewDays = preview.Days, PreviewCounting = preview.Counting };
        }
        catch (BusinessRuleViolationException e)
        {
            return publicity with { PreviewRefusal = e.Message };
        }
    }
}
