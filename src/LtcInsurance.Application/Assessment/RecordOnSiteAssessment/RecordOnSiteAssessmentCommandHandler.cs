using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.RecordOnSiteAssessment;

/// <summary>Staff and recusal first, then the engine scores the sheet with the tenant's instrument; a refusal saves nothing.</summary>
internal sealed class RecordOnSiteAssessmentCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordOnSiteAssessmentCommand, OnSiteAssessmentRecorded>
{
    public async Task<OnSiteAssessmentRecorded> Handle(RecordOnSiteAssessmentCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        var ids = request.StaffIds.Distinct().ToList();
        var staff = await db.Set<Assessor>().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        AssessmentRule.Check(staff.Count != ids.Count, AssessmentCodes.AssessorNotFound, AssessmentClauses.OnSite, "所选评估人员中有未登记的人员");
        var related = await AssessmentLookup.RelatedAssessorsAsync(db, application.PersonId, cancellationToken);
        OnSiteAssessment.CheckStaff(application, staff, related);

        var tenant = application.TenantId;
        PolicyEvaluation evaluation;
        try
        {
            var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
            var instrument = request.Instrument
                ?? (await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.AssessmentInstrument, request.AssessedOn, cancellationToken)).Text;
            evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Assessment, tenant, request.AssessedOn,
                new AssessmentInput(instrument, request.Items), new Dictionary<string, object?>()));
        }
        catch (PolicyException e)
        {
            throw AssessmentLookup.Refusal(e);
        }

        var result = (AssessmentResult)evaluation.Result;
        var trace = TraceDocument.Json(evaluation);
        var sheet = new ScoredSheet(result.Instrument, JsonSerializer.Serialize(request.Items), JsonSerializer.Serialize(result.Totals),
            result.Level, result.LevelLabel, result.EligibleForBenefit, trace);
        var record = OnSiteAssessment.Record(application, request.AssessedOn, staff, related, request.AttendantName.Trim(),
            request.AttendantRelation.Trim(), request.EvidenceReferences.Trim(), sheet, user.Name(), clock.GetUtcNow());
        db.Set<OnSiteAssessment>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new OnSiteAssessmentRecorded(record.Id, result.Instrument, result.Level, result.LevelLabel, result.Totals, result.Grades,
            result.EligibleForBenefit, trace);
    }
}
