using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Infrastructure.Enrollment;

/// <summary>Register changes around enrollment; the scheme always comes from the tenant's eligibility rule.</summary>
public sealed class EnrollmentService(LtcDbContext db, PolicyCalculator calculator, TimeProvider clock) : IEnrollmentService
{
    private string Tenant => db.CurrentTenantId ?? throw new InvalidOperationException("没有当前租户 / no current tenant");

    public async Task<EnrollmentDecision> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = await PersonAsync(request.PersonId, cancellationToken);
        if (await db.Set<DeathRecord>().AnyAsync(d => d.PersonId == person.Id && d.DateOfDeath < request.StartDate, cancellationToken))
            throw new EnrollmentRuleException("deceased", $"{person.Name} 已登记死亡，不能在死亡日期之后参保");
        var periods = await db.Set<EnrollmentPeriod>().Where(e => e.PersonId == person.Id).ToListAsync(cancellationToken);
        if (periods.FirstOrDefault(e => e.EndDate is null || e.EndDate >= request.StartDate) is { } current)
        {
            throw new EnrollmentRuleException("already_enrolled",
                $"{person.Name} 已有参保记录（{current.StartDate:yyyy-MM-dd} 起），请先办理停保再重新参保");
        }

        var statuses = await db.Set<PersonStatusPeriod>().Where(s => s.PersonId == person.Id).ToListAsync(cancellationToken);
        var evaluation = calculator.Evaluate(new PolicyCase(
            CaseKinds.Eligibility, Tenant, request.StartDate,
            new EligibilityInput(EnginePerson.Of(person, statuses, request.StartDate), request.FlexibleChoice),
            new Dictionary<string, object?>()));
        var result = (EligibilityResult)evaluation.Result;
        // The last step is the rule that decided (scheme in force, scheme area, or the city's insured population).
        var clause = evaluation.Trace.LastOrDefault()?.Clause ?? "";
        if (!result.Eligible || result.Scheme is null)
        {
            return new EnrollmentDecision(false, null, null, result.Reason, clause,
                $"{person.Name} 不符合参保条件：{RefusalReasons.Chinese(result.Reason)}（原因代码 {result.Reason}，依据 {clause}）");
        }

        var enrollment = new EnrollmentPeriod
        {
            TenantId = Tenant, PersonId = person.Id, Scheme = result.Scheme, StartDate = request.StartDate,
            MonthlyBase = request.MonthlyBase is { } b ? Money.Round(b) : null,
        };
        db.Add(enrollment);
        await db.SaveChangesAsync(cancellationToken);
        return new EnrollmentDecision(true, enrollment.Id, result.Scheme, result.Reason, clause,
            $"{person.Name} 自 {request.StartDate:yyyy-MM-dd} 起参加{SchemeName(result.Scheme)}（依据 {clause}）");
    }

    public async Task EndEnrollmentAsync(Guid personId, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var open = await db.Set<EnrollmentPeriod>().SingleOrDefaultAsync(e => e.PersonId == personId && e.EndDate == null, cancellationToken)
            ?? throw new EnrollmentRuleException("not_enrolled", "该人员没有有效的参保记录");
        if (lastDay < open.StartDate)
            throw new EnrollmentRuleException("invalid_date", $"停保日期 {lastDay:yyyy-MM-dd} 早于参保日期 {open.StartDate:yyyy-MM-dd}");
        open.EndDate = lastDay;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddStatusAsync(Guid personId, string status, DateOnly from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        if (!PersonStatusCodes.IsKnown(status))
            throw new EnrollmentRuleException("unknown_status", $"未知的人员类别 {status}");
        if (to is { } end && end < from)
            throw new EnrollmentRuleException("invalid_date", "人员类别的截止日期早于起始日期");
        await PersonAsync(personId, cancellationToken);
        db.Add(new PersonStatusPeriod { TenantId = Tenant, PersonId = personId, Status = status, FromDate = from, ToDate = to });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetGuardianAsync(Guid minorId, Guid guardianId, string relationship, DateOnly since,
        CancellationToken cancellationToken = default)
    {
        if (minorId == guardianId)
            throw new EnrollmentRuleException("invalid_guardian", "监护人不能是本人");
        var minor = await PersonAsync(minorId, cancellationToken);
        await PersonAsync(guardianId, cancellationToken);
        if (minor.BirthDate.AddYears(18) <= since)
            throw new EnrollmentRuleException("not_minor", $"{minor.Name} 在 {since:yyyy-MM-dd} 已成年，无须登记监护人");
        var link = await db.Set<GuardianLink>().SingleOrDefaultAsync(g => g.MinorId == minorId, cancellationToken);
        if (link is null)
            db.Add(new GuardianLink { TenantId = Tenant, MinorId = minorId, GuardianId = guardianId, Relationship = relationship, Since = since });
        else
        {
            link.GuardianId = guardianId;
            link.Relationship = relationship;
            link.Since = since;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordDeathAsync(Guid personId, DateOnly dateOfDeath, CancellationToken cancellationToken = default)
    {
        await PersonAsync(personId, cancellationToken);
        if (!await db.Set<DeathRecord>().AnyAsync(d => d.PersonId == personId, cancellationToken))
            db.Add(new DeathRecord { TenantId = Tenant, PersonId = personId, DateOfDeath = dateOfDeath, RecordedAt = clock.GetUtcNow() });
        // Insurance ends with the day of death.
        foreach (var open in await db.Set<EnrollmentPeriod>()
                     .Where(e => e.PersonId == personId && (e.EndDate == null || e.EndDate > dateOfDeath)).ToListAsync(cancellationToken))
        {
            open.EndDate = open.StartDate > dateOfDeath ? open.StartDate : dateOfDeath;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string SchemeName(string scheme) => scheme switch
    {
        SchemeKinds.Employee => "职工长期护理保险",
        SchemeKinds.Resident => "城乡居民长期护理保险",
        SchemeKinds.SpecialGroups => "特殊群体长期护理保险",
        _ => scheme,
    };

    private async Task<InsuredPerson> PersonAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InsuredPeople.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new EnrollmentRuleException("unknown_person", $"参保登记中没有该人员（{id}）");
}

/// <summary>Chinese wording of the engine's eligibility reason codes, for refusals shown to clerks.</summary>
public static class RefusalReasons
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["scheme_not_in_force"] = "制度尚未施行",
        ["outside_scheme_area"] = "不在制度覆盖地区",
        ["no_medical_insurance"] = "未参加基本医疗保险",
        ["work_injury_care_allowance"] = "已享受工伤保险生活护理费，不重复享受",
        ["flexible_choice_mismatch"] = "所选险种与其医保参保类型不一致",
        ["resident_outside_covered_county"] = "居民医保参保人不在居民长护险覆盖的县（市、区）",
        ["not_in_covered_group"] = "不属于试点覆盖的特殊群体",
        ["employee_not_in_resident_pilot"] = "试点只覆盖城乡居民医保参保人",
        ["not_employee_medical_insurance"] = "只覆盖职工医保参保人",
    };

    public static string Chinese(string reason) => Texts.TryGetValue(reason, out var text) ? text : reason;
}
