using LtcInsurance.Application.Common.Calendar;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Entitlement;

namespace LtcInsurance.Application.Assessment;

/// <summary>
/// The publicity of a conclusion by the engine's rule (<see cref="EntitlementRules.Publicity"/>: the tenant's
/// <c>publicityDays</c> and <c>publicityDayCounting</c>, no default) over the tenant's working calendar.
/// </summary>
internal static class PublicitySchedule
{
    /// <summary>The period starting on <paramref name="start"/>; unset parameters are refused with <c>parameter_missing</c>.</summary>
    public static async Task<PublicityPeriod> ComputeAsync(IPolicyEngine engine, IWorkingCalendar calendar, string tenant, DateOnly start, CancellationToken cancellationToken)
    {
        // The engine is pure and synchronous: the working days it may need are read first (the calendar keeps a year per call).
        var working = new HashSet<DateOnly>();
        for (var day = start; day <= start.AddDays(800); day = day.AddDays(1))
        {
            if (await calendar.IsWorkingDayAsync(day, cancellationToken))
                working.Add(day);
        }

        try
        {
            var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
            return calculator.Entitlement(tenant).Publicity(start, working.Contains).Value;
        }
        catch (PolicyException e)
        {
            throw AssessmentLookup.Refusal(e);
        }
    }

    /// <summary>The period, or null while the tenant has not set it (the conclusion stands; 公示 is started later).</summary>
    public static async Task<PublicityPeriod?> TryComputeAsync(IPolicyEngine engine, IWorkingCalendar calendar, string tenant, DateOnly start, CancellationToken cancellationToken)
    {
        try
        {
            return await ComputeAsync(engine, calendar, tenant, start, cancellationToken);
        }
        catch (BusinessRuleViolationException e) when (e.Code == ErrorCodes.ParameterMissing)
        {
            return null;
        }
    }

    /// <summary>
    /// The conclusion letter's due day: the tenant's <c>assessmentDeliveryWorkingDays</c> (national default 30, 医保发〔2023〕29号)
    /// working days after <paramref name="from"/> on the tenant's calendar, the parameter read as of <paramref name="from"/>.
    /// </summary>
    public static async Task<DateOnly> DeliveryDueAsync(IPolicyEngine engine, IWorkingCalendar calendar, string tenant, DateOnly from, CancellationToken cancellationToken)
    {
        var days = await AssessmentLookup.ParameterAsync(engine, tenant, CommonParameters.DeliveryWorkingDays, from, cancellationToken);
        return await calendar.AddWorkingDaysAsync(from, (int)days.Number, cancellationToken);
    }
}
