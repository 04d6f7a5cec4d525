using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment.SetGuardian;
using LtcInsurance.Application.People.Changes;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Enrollment.Enrol;

/// <summary>The scheme always comes from the tenant's eligibility rule; the register's rules from the domain.</summary>
internal sealed class EnrolCommandHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EnrolCommand, EnrollmentDecision>
{
    public async Task<EnrollmentDecision> Handle(EnrolCommand request, CancellationToken cancellationToken)
    {
        var person = await RegisterLookup.PersonAsync(db, request.PersonId, cancellationToken);
        var death = await db.DeathRecords.SingleOrDefaultAsync(d => d.PersonId == person.Id, cancellationToken);
        var periods = await db.EnrollmentPeriods.Where(e => e.PersonId == person.Id).ToListAsync(cancellationToken);
        // Refuse before asking the engine: a dead or already enrolled person gets that answer, whatever their eligibility.
        EnrollmentPeriod.CheckCanOpen(person, request.StartDate, periods, death);

        var log = new PersonChangeLog(db, EnrolmentReview.UserName(user), clock.GetUtcNow());
        bool? guardianInsured;
        if (request.GuardianId is { } guardianId)
        {
            // Linked now (tracked), saved only with the enrolment: a refusal leaves the register as it was.
            await SetGuardianCommandHandler.GuardianAsync(db,
                new SetGuardianCommand(request.PersonId, guardianId, request.GuardianRelationship ?? "", request.StartDate), log, cancellationToken);
            guardianInsured = person.IsAdultOn(request.StartDate) ? null : await db.EnrollmentPeriods.AnyAsync(
                e => e.PersonId == guardianId.Value && e.StartDate <= request.StartDate && (e.EndDate == null || e.EndDate >= request.StartDate),
                cancellationToken);
        }
        else
        {
            guardianInsured = await EnrolmentReview.GuardianInsuredAsync(db, person, request.StartDate, cancellationToken);
        }

        var statuses = await db.PersonStatuses.Where(s => s.PersonId == person.Id).ToListAsync(cancellationToken);
        var calculator = await engine.ForTenantAsync(person.TenantId, null, cancellationToken);
        var evaluation = calculator.Evaluate(new PolicyCase(
            CaseKinds.Eligibility, person.TenantId, request.StartDate,
            new EligibilityInput(EnginePerson.Of(person, statuses, request.StartDate), request.FlexibleChoice, guardianInsured),
            new Dictionary<string, object?>()));
        var result = (EligibilityResult)evaluation.Result;
        // The last step is the rule that decided (scheme in force, scheme area, or the city's insured population).
        var clause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
        if (!result.Eligible || result.Scheme is null)
        {
            return new EnrollmentDecision(false, null, null, result.Reason, clause,
                $"{person.Name} 不符合参保条件：{RefusalReasons.Chinese(result.Reason)}（原因代码 {result.Reason}，依据 {clause}）");
        }

        var enrollment = EnrollmentPeriod.Open(person, result.Scheme, request.StartDate, request.MonthlyBase, periods, death);
        db.EnrollmentPeriods.Add(enrollment);
        log.Add(person, PersonChangeFields.Enrollment, null, PersonChangeLog.Enrollment(enrollment), $"参保登记（依据 {clause}）");
        await db.SaveChangesAsync(cancellationToken);
        return new EnrollmentDecision(true, enrollment.Id, result.Scheme, result.Reason, clause,
            $"{person.Name} 自 {request.StartDate:yyyy-MM-dd} 起参加{SchemeKinds.ChineseName(result.Scheme)}（依据 {clause}）");
    }
}
