using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Assessment.DecideAcceptance;

/// <summary>Gathers the facts (register, engine, earlier conclusions, parameters); the decision is the domain's.</summary>
internal sealed class DecideAcceptanceCommandHandler(ILtcDbContext db, IPolicyEngine engine, IWorkingCalendar calendar) : IRequestHandler<DecideAcceptanceCommand, AcceptanceOutcome>
{
    public async Task<AcceptanceOutcome> Handle(DecideAcceptanceCommand request, CancellationToken cancellationToken)
    {
        var application = await AssessmentLookup.ApplicationAsync(db, request.ApplicationId, cancellationToken);
        AssessmentRule.Check(request.On < application.AppliedOn, "invalid_decision_date", AssessmentClauses.Acceptance, "受理审核日期不能早于申请日期");
        var tenant = application.TenantId;
        if (application.LapsedOn(request.On))
        {
            var completion = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.ApplicationCompletionDays, application.AppliedOn, cancellationToken);
            application.Withdraw(request.On, completion.Clause);
            await db.SaveChangesAsync(cancellationToken);
            return new AcceptanceOutcome(ApplicationStatuses.Withdrawn, application.DecisionCode, application.DecisionClause, application.DecisionMessage!, []);
        }

        var on = application.AppliedOn;
        var person = await db.InsuredPeople.SingleAsync(p => p.Id == application.PersonId, cancellationToken);
        var periods = await db.EnrollmentPeriods.Where(e => e.PersonId == person.Id).ToListAsync(cancellationToken);
        var death = await db.DeathRecords.SingleOrDefaultAsync(d => d.PersonId == person.Id, cancellationToken);
        var insured = periods.Any(p => p.Overlaps(on, on)) && (death is null || death.DateOfDeath >= on);

        var statuses = await db.PersonStatuses.Where(s => s.PersonId == person.Id).ToListAsync(cancellationToken);
        EligibilityResult eligibility;
        string populationClause;
        try
        {
            var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
            var evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Eligibility, tenant, on,
                new EligibilityInput(EnginePerson.Of(person, statuses, on), periods.FirstOrDefault(p => p.Overlaps(on, on))?.Scheme),
                new Dictionary<string, object?>()));
            eligibility = (EligibilityResult)evaluation.Result;
            populationClause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
        }
        catch (PolicyException e)
        {
            throw AssessmentLookup.Refusal(e);
        }

        int? minimumMonths = null;
        string? disabilityClause = null;
        if (AssessmentLookup.Declares(tenant, CommonParameters.MinimumDisabilityMonths))
        {
            var months = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.MinimumDisabilityMonths, on, cancellationToken);
            minimumMonths = (int)months.Number;
            disabilityClause = months.Clause;
        }

        var reapplication = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.ReapplicationMonths, on, cancellationToken);
        var lastConclusion = await db.Set<AssessmentApplication>()
            .Where(a => a.PersonId == person.Id && a.Id != application.Id && a.ConcludedOn != null)
            .MaxAsync(a => a.ConcludedOn, cancellationToken);

        var decision = AcceptanceCheck.Decide(new AcceptanceFacts(
            on, person.Name, insured, eligibility.Eligible, eligibility.Reason, populationClause, minimumMonths, disabilityClause,
            application.DisabledSince, lastConclusion, (int)reapplication.Number, reapplication.Clause, application.ConditionChanged,
            application.ApplicantKind, application.ProvidedDocuments));
        application.Decide(decision, request.On);
        if (application.Status == ApplicationStatuses.Accepted)
            application.SetDeliveryDue(await PublicitySchedule.DeliveryDueAsync(engine, calendar, tenant, request.On, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return new AcceptanceOutcome(decision.Outcome, decision.Code, decision.Clause, decision.Message, decision.MissingDocuments);
    }
}
