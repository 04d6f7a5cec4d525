using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.People.Changes;

/// <summary>What a change of a person's data meant for their enrolment (参保期间).</summary>
/// <param name="Outcome">
/// <c>not_enrolled</c> (no open enrolment: nothing to review), <c>unchanged</c> (the rule decides the same scheme),
/// <c>switched</c> (old enrolment closed the day before the change, new one opened from it), <c>ended</c> (closed; the
/// rule refuses, see <paramref name="Reason"/> and <paramref name="Clause"/>), <c>manual</c> (the change takes effect on
/// or before the open enrolment's start: not changed automatically, the clerk decides), <c>blocked</c> (the rule cannot
/// decide, e.g. <c>parameter_missing</c>; nothing changed).
/// </param>
public sealed record EnrolmentReviewOutcome(string Outcome, string? Scheme, string? Reason, string? Clause, string Message);

/// <summary>
/// After a change of region, medical insurance type, working status or category, the city's eligibility rule decides the
/// person's enrolment again on the day the change takes effect: the same scheme leaves the enrolment alone; another scheme
/// closes the old enrolment the day before and opens the new one from that day; a refusal closes the old one and says
/// why with the rule's reason and clause. Each step is added to the person's change history.
/// </summary>
internal static class EnrolmentReview
{
    public static async Task<EnrolmentReviewOutcome> ReviewAsync(ILtcDbContext db, PolicyCalculator calculator, InsuredPerson person,
        DateOnly effective, PersonChangeLog log, CancellationToken cancellationToken)
    {
        var periods = await db.EnrollmentPeriods.Where(e => e.PersonId == person.Id).ToListAsync(cancellationToken);
        var open = periods.SingleOrDefault(e => e.IsOpen);
        if (open is null)
            return NotEnrolled;
        var day = effective > open.StartDate ? effective : open.StartDate;
        var statuses = await db.PersonStatuses.Where(s => s.PersonId == person.Id).ToListAsync(cancellationToken);
        var guardianInsured = await GuardianInsuredAsync(db, person, day, cancellationToken);
        var death = await db.DeathRecords.SingleOrDefaultAsync(d => d.PersonId == person.Id, cancellationToken);
        return Review(db, calculator, person, effective, log, new ReviewFacts(periods, statuses, guardianInsured, death));
    }

    /// <summary>What <see cref="Review"/> needs to know of one person, read beforehand (for many people at once by a bulk caller).</summary>
    /// <param name="Periods">The person's enrolment periods, tracked (the open one may be ended).</param>
    /// <param name="GuardianInsured">As <see cref="GuardianInsuredAsync"/> on the review day.</param>
    /// <param name="Death">The person's death record, if any (a new enrolment must not start after it).</param>
    public sealed record ReviewFacts(IReadOnlyList<EnrollmentPeriod> Periods, IEnumerable<PersonStatusPeriod> Statuses,
        bool? GuardianInsured, DeathRecord? Death);

    private static readonly EnrolmentReviewOutcome NotEnrolled = new("not_enrolled", null, null, null, "该人员没有在保的参保期间，参保期间不变");

    /// <summary>The review on facts read beforehand: no database round trip (the changes are added to <paramref name="db"/>, unsaved).</summary>
    public static EnrolmentReviewOutcome Review(ILtcDbContext db, PolicyCalculator calculator, InsuredPerson person,
        DateOnly effective, PersonChangeLog log, ReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(facts);
        var periods = facts.Periods;
        var open = periods.SingleOrDefault(e => e.IsOpen);
        if (open is null)
            return NotEnrolled;

        var day = effective > open.StartDate ? effective : open.StartDate;
        EligibilityResult result;
        string clause;
        try
        {
            var evaluation = calculator.Evaluate(new PolicyCase(CaseKinds.Eligibility, person.TenantId, day,
                new EligibilityInput(EnginePerson.Of(person, facts.Statuses, day), null, facts.GuardianInsured),
                new Dictionary<string, object?>()));
            result = (EligibilityResult)evaluation.Result;
            clause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
        }
        catch (PolicyException problem)
        {
            return new EnrolmentReviewOutcome("blocked", null, problem.Code, null, $"参保认定无法进行：{problem.Message}");
        }

        if (result.Eligible && result.Scheme == open.Scheme)
            return new EnrolmentReviewOutcome("unchanged", open.Scheme, result.Reason, clause,
                $"按参保规则仍参加{SchemeKinds.ChineseName(open.Scheme)}（依据 {clause}），参保期间不变");

        var decided = result.Eligible && result.Scheme is { } s
            ? $"按新资料应参加{SchemeKinds.ChineseName(s)}（依据 {clause}）"
            : $"按新资料不符合参保条件：{RefusalReasons.Chinese(result.Reason)}（原因代码 {result.Reason}，依据 {clause}）";
        if (effective <= open.StartDate)
        {
            var manual = $"变更生效日 {PersonChangeLog.Day(effective)} 不晚于当前参保期间的开始日 {PersonChangeLog.Day(open.StartDate)}，" +
                         $"参保期间未自动变更：{decided}，请核对后停保或重新参保";
            log.Add(person, PersonChangeFields.Enrollment, PersonChangeLog.Enrollment(open), PersonChangeLog.Enrollment(open), manual);
            return new EnrolmentReviewOutcome("manual", result.Scheme, result.Reason, clause, manual);
        }

        var before = PersonChangeLog.Enrollment(open);
        open.End(effective.AddDays(-1));
        if (result.Eligible && result.Scheme is { } scheme)
        {
            var death = facts.Death;
            var next = EnrollmentPeriod.Open(person, scheme, effective, null, periods, death);
            db.EnrollmentPeriods.Add(next);
            var message = $"原参保期间于 {PersonChangeLog.Day(effective.AddDays(-1))} 结束，自 {PersonChangeLog.Day(effective)} 起参加{SchemeKinds.ChineseName(scheme)}（依据 {clause}）";
            log.Add(person, PersonChangeFields.Enrollment, before, $"{PersonChangeLog.Enrollment(open)}；{PersonChangeLog.Enrollment(next)}", message);
            return new EnrolmentReviewOutcome("switched", scheme, result.Reason, clause, message);
        }

        var ended = $"原参保期间于 {PersonChangeLog.Day(effective.AddDays(-1))} 结束：{decided}";
        log.Add(person, PersonChangeFields.Enrollment, before, PersonChangeLog.Enrollment(open), ended);
        return new EnrolmentReviewOutcome("ended", null, result.Reason, clause, ended);
    }

    /// <summary>
    /// For a minor (YL 二(三)6): whether their recorded guardian is enrolled on <paramref name="day"/> (false without a
    /// guardian); null for an adult, whom the rule does not ask.
    /// </summary>
    public static async Task<bool?> GuardianInsuredAsync(ILtcDbContext db, InsuredPerson person, DateOnly day, CancellationToken cancellationToken)
    {
        if (person.IsAdultOn(day))
            return null;
        var guardian = await db.GuardianLinks.Where(g => g.MinorId == person.Id).Select(g => (Guid?)g.GuardianId)
            .SingleOrDefaultAsync(cancellationToken);
        return guardian is { } id && await db.EnrollmentPeriods.AnyAsync(
            e => e.PersonId == id && e.StartDate <= day && (e.EndDate == null || e.EndDate >= day), cancellationToken);
    }

    public static string UserName(Common.Security.ICurrentUser user) => user.User.UserName ?? user.User.UserId ?? "system";

    public static PersonId Id(InsuredPerson person) => new(person.Id);
}
